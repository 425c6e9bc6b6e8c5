"""Industry classifications (VSIC 2018, VSIC 2025, ...) and their codes."""

import csv
import re
import tomllib
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data" / "classifications"
_CODE = re.compile(r"\d{2,5}")


def normalise_code(raw: object) -> str:
    """The code without dots, spaces or dashes: "59.20", "5920" and " 59.2 0" all give
    "5920". A spreadsheet's number 5920.0 gives "5920"."""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    return re.sub(r"[\s.\-]", "", str(raw))


def is_code(code: str) -> bool:
    return bool(_CODE.fullmatch(code))


def division(code: str) -> str:
    return code[:2]


@dataclass(frozen=True)
class Classification:
    key: str
    title_vi: str
    title_en: str
    complete: bool  # every code of every level is listed, so any other code is unknown
    titles: dict[str, tuple[str, str]]  # code -> (vi, en)

    @cached_property
    def divisions(self) -> frozenset[str]:
        return frozenset(code for code in self.titles if len(code) == 2 and code.isdigit())

    def knows(self, code: str) -> bool:
        """A code is known when it is listed, or, for a partial list, when its division is."""
        if code in self.titles:
            return True
        return not self.complete and division(code) in self.divisions

    def title(self, code: str, language: str = "vi") -> str:
        vi, en = self.titles.get(code, ("", ""))
        return vi if language == "vi" else en


def known_classifications() -> list[str]:
    return sorted(_metadata())


@cache
def _metadata() -> dict[str, dict[str, object]]:
    path = DATA_DIR / "classifications.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


@cache
def load_classification(key: str) -> Classification:
    """A shipped classification by key, e.g. "VSIC2018"."""
    meta = _metadata()[key]
    return read_classification(
        DATA_DIR / f"{key.lower()}.csv",
        key=key,
        title_vi=str(meta.get("title_vi", key)),
        title_en=str(meta.get("title_en", key)),
        complete=bool(meta.get("complete", False)),
    )


def classification_from_rows(key: str, rows: list[tuple[str, str, str]]) -> Classification:
    """A full code list that a statistician keeps (code, title_vi, title_en): codes
    outside it are unknown."""
    titles = {normalise_code(code): (vi, en) for code, vi, en in rows}
    return Classification(key, key, key, True, titles)


def read_classification(
    path: Path, *, key: str, title_vi: str, title_en: str, complete: bool
) -> Classification:
    """A shipped code list: CSV with columns code, title_vi, title_en."""
    titles: dict[str, tuple[str, str]] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for record in csv.DictReader(handle):
            code = record["code"].strip()
            code = code if code.isalpha() else normalise_code(code)
            titles[code] = (record.get("title_vi", "") or "", record.get("title_en", "") or "")
    return Classification(key, title_vi, title_en, complete, titles)
