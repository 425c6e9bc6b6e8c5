"""What a file may be before anything parses it: its type, size, and (for the zip
files XLSX and ODS are) how much it unpacks to.

An XLSX file of a few hundred kilobytes can unpack to gigabytes (a "zip bomb"); the
sizes its zip directory declares are read here, and the file refused, before the
spreadsheet reader opens it. The reader's zip library stops at the declared size of
each part, so a directory that lies about the sizes only breaks the file.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cnvh.stats.zips import MAX_UNZIPPED_BYTES, MAX_ZIP_RATIO, zip_problem

from .problems import Figure, ProblemLog

MB = 1024 * 1024
TEXT_SUFFIXES = {".csv", ".txt", ".tsv"}
ZIP_SUFFIXES = {".xlsx", ".xlsm", ".ods"}
SUFFIXES = TEXT_SUFFIXES | ZIP_SUFFIXES | {".xls", ".parquet"}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
_PARQUET = b"PAR1"


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 100 * MB
    # About 2.5 KB of memory a row while a file is read and checked (the demo's 140,000
    # units: 350 MB), so a million rows need a machine with 2.5 GB to spare.
    max_rows: int = 1_000_000
    # The same as cnvh estimate's.
    max_unzipped_bytes: int = MAX_UNZIPPED_BYTES
    max_zip_ratio: int = MAX_ZIP_RATIO


def file_format(suffix: str) -> str:
    """ "csv", "xlsx", "xls", "ods" or "parquet" for an accepted suffix."""
    if suffix in TEXT_SUFFIXES:
        return "csv"
    return {".xlsm": "xlsx"}.get(suffix, suffix.lstrip("."))


def check_file(path: Path, name: str, limits: Limits, problems: ProblemLog) -> str | None:
    """The file's format when it may be read; else None, with the problem recorded."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        problems.report("wrong_type", suffix=suffix or name)
        return None
    size = path.stat().st_size
    if size == 0:
        problems.report("empty_upload")
        return None
    if size > limits.max_bytes:
        problems.report("too_big", size=_mb(size), limit=_mb(limits.max_bytes))
        return None
    with path.open("rb") as handle:
        head = handle.read(4096)
        handle.seek(max(size - 4, 0))
        tail = handle.read(4)
    found = _content(head, tail)
    expected = file_format(suffix)
    if not _fits(expected, found):
        problems.report("content_mismatch", suffix=suffix, found=_describe(found))
        return None
    if expected in {"xlsx", "ods"} and not check_zip(path, limits, problems):
        return None
    return expected


_MAGIC = (
    (_ZIP, "zip"),
    (_OLE, "ole"),
    (b"%PDF", "binary"),
    (b"MZ", "binary"),
    (b"\x7fELF", "binary"),
    (b"\x1f\x8b", "binary"),
    (b"\xff\xfe", "utf16"),
    (b"\xfe\xff", "utf16"),
)


def _content(head: bytes, tail: bytes) -> str:
    """What the file's first and last bytes say it is."""
    if head.startswith(_PARQUET) and tail == _PARQUET:
        return "parquet"
    found = next((kind for magic, kind in _MAGIC if head.startswith(magic)), None)
    if found:
        return found
    if head.lstrip().lower().startswith((b"<!doctype html", b"<html", b"<table")):
        return "html"
    return "binary" if b"\x00" in head else "text"


def _fits(expected: str, found: str) -> bool:
    wanted = {
        "csv": {"text", "utf16"},
        "xlsx": {"zip"},
        "ods": {"zip"},
        "xls": {"ole"},
        "parquet": {"parquet"},
    }
    return found in wanted[expected]


def _describe(found: str) -> str:
    return {
        "zip": "XLSX/ZIP",
        "ole": "XLS (Excel 97-2003)",
        "parquet": "Parquet",
        "html": "HTML",
        "binary": "binary / nhị phân",
        "utf16": "UTF-16",
        "text": "text / văn bản",
    }[found]


def check_zip(path: Path, limits: Limits, problems: ProblemLog) -> bool:
    """The engine's check (cnvh.stats.zips), with this import's limits."""
    found = zip_problem(path, limits.max_unzipped_bytes, limits.max_zip_ratio)
    if found is not None:
        code, params = found
        digits = {"size": 1, "limit": 1 if code == "unzipped_too_big" else 0, "ratio": 0}
        written: dict[str, Any] = {
            name: Figure(value, digits[name]) if isinstance(value, float | int) else value
            for name, value in params.items()
        }
        problems.report(code, **written)
    return found is None


def _mb(size: int) -> Figure:
    return Figure(size / MB, 1)
