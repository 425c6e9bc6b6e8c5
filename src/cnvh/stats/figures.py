"""Figures as a reader of each language writes them, without Django (the engine's
command runs without it; the web side reaches this through cnvh.language).

Vietnamese groups thousands with "." and writes decimals after ",": 1.340,0 and
1,34%. English writes 1,340.0 and 1.34%.
"""

from decimal import Decimal

_VIETNAMESE = str.maketrans(",.", ".,")


def grouped(value: float | Decimal, digits: int, language: str) -> str:
    """`value` with `digits` decimals, its thousands grouped in `language`'s style
    ("vi", or "en" for any other)."""
    text = f"{value:,.{digits}f}"
    return text.translate(_VIETNAMESE) if language == "vi" else text


def percent(share: float, digits: int, language: str) -> str:
    """A share (0.0134) as a percentage in `language`'s style: 1,34% or 1.34%."""
    return grouped(share * 100, digits, language) + "%"
