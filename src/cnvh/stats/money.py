"""Money units: every money figure carries a unit label, and figures in different
units are never added or divided."""

import re

from .text import strip_accents

DEFAULT_UNIT = "million VND"

# Vietnamese and English ways of writing the usual VND scales.
_SYNONYMS = {
    "million VND": {"million vnd", "vnd million", "trieu dong", "trieu vnd", "tr dong", "trd"},
    "billion VND": {"billion vnd", "vnd billion", "ty dong", "ti dong", "ty vnd"},
    "trillion VND": {"trillion vnd", "vnd trillion", "nghin ty dong", "ngan ty dong"},
    "thousand VND": {"thousand vnd", "vnd thousand", "nghin dong", "ngan dong"},
    "VND": {"vnd", "dong", "vnd dong"},
}


def _plain(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", strip_accents(text).casefold()).strip()


_CANONICAL = {variant: name for name, variants in _SYNONYMS.items() for variant in variants}


def canonical_unit(label: str) -> str:
    """The label people will read: the usual VND scales in one spelling, any other
    label (e.g. "GBP million") kept as written, trimmed."""
    plain = _plain(label)
    if plain in _CANONICAL:
        return _CANONICAL[plain]
    return " ".join(label.split())


def unit_key(label: str) -> str:
    """What two labels must share to be the same unit: "GBP million" = "million gbp"."""
    canonical = canonical_unit(label)
    return " ".join(sorted(_plain(canonical).split()))


def same_unit(left: str, right: str) -> bool:
    return unit_key(left) == unit_key(right)


def split_header_unit(header: str) -> tuple[str, str | None]:
    """Separates a unit written in a header: "value_added (billion VND)" or
    "Doanh thu [triệu đồng]" -> ("value_added", "billion VND")."""
    match = re.fullmatch(r"\s*(.*?)\s*[\(\[]\s*([^\)\]]+?)\s*[\)\]]\s*", header)
    if not match:
        return header, None
    return match.group(1), canonical_unit(match.group(2))


_VIETNAMESE = {
    "million VND": "triệu đồng",
    "billion VND": "tỷ đồng",
    "trillion VND": "nghìn tỷ đồng",
    "thousand VND": "nghìn đồng",
    "VND": "đồng",
}


def display_unit(unit: str, language: str) -> str:
    """The unit as a reader of `language` writes it."""
    canonical = canonical_unit(unit)
    return _VIETNAMESE.get(canonical, canonical) if language == "vi" else canonical
