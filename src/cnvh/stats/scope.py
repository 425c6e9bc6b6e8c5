"""Scopes: definitions of "the cultural industries" over one classification.

A scope is rows of code -> sector, share. A business's code is matched by the
longest prefix the scope lists. The shares of one code sum to at most 1, so the
sectors partition the in-scope part of the code and the total counts every
unit once.
"""

import hashlib
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb

from .codes import is_code, load_classification, normalise_code
from .problems import InputError, ProblemList
from .result import ScopeInfo
from .sources import read_source

SCOPES_DIR = Path(__file__).parent / "data" / "scopes"
SHARE_TOLERANCE = 1e-9


@dataclass(frozen=True)
class ScopeRow:
    code: str
    sector: str
    share: float
    basis: str = ""


@dataclass(frozen=True)
class Sector:
    title_vi: str
    title_en: str
    order: int


@dataclass(frozen=True)
class Scope:
    key: str
    version: str
    classification: str
    title_vi: str
    title_en: str
    sectors: dict[str, Sector]
    rows: tuple[ScopeRow, ...]
    origin: str  # "shipped" or the path of the user's file
    description_vi: str = ""
    description_en: str = ""
    sources: tuple[str, ...] = ()

    @property
    def checksum(self) -> str:
        """Same definition, same checksum, however the file was laid out."""
        lines = sorted(f"{r.code},{r.sector},{r.share!r}" for r in self.rows)
        text = "\n".join([self.classification, *lines])
        return hashlib.sha256(text.encode()).hexdigest()

    def info(self) -> ScopeInfo:
        return ScopeInfo(
            key=self.key,
            version=self.version,
            classification=self.classification,
            checksum=self.checksum,
            title_vi=self.title_vi,
            title_en=self.title_en,
            sectors={
                key: {"title_vi": s.title_vi, "title_en": s.title_en}
                for key, s in sorted(self.sectors.items(), key=lambda item: item[1].order)
            },
        )

    def _by_code(self) -> dict[str, list[tuple[str, float]]]:
        table: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for row in self.rows:
            table[row.code].append((row.sector, row.share))
        return table

    def match(self, codes: set[str]) -> list[tuple[str, str, float]]:
        """(code, sector, share) for each code with an in-scope part, by longest prefix."""
        table = self._by_code()
        matched = []
        for code in codes:
            for length in range(len(code), 0, -1):
                parts = table.get(code[:length])
                if parts:
                    matched += [(code, sector, share) for sector, share in parts]
                    break
        return matched


def shipped_scopes() -> list[str]:
    order = {"hanoi-plan": 0, "fcs-core": 1, "dcms-creative": 2}
    keys = [path.stem for path in SCOPES_DIR.glob("*.toml")]
    return sorted(keys, key=lambda key: (order.get(key, 99), key))


def load_scope(name_or_path: str | Path, classification: str = "VSIC2018") -> Scope:
    """A shipped scope by key, or a user's scope file (CSV or XLSX with at least the
    columns code, sector, share). Raises InputError listing every problem."""
    if str(name_or_path) in shipped_scopes():
        return _shipped(str(name_or_path))
    path = Path(name_or_path)
    if path.suffix.lower() not in {".csv", ".xlsx", ".xlsm", ".xls", ".ods", ".parquet"}:
        problems = ProblemList()
        problems.add("unknown_scope", value=str(name_or_path), known=", ".join(shipped_scopes()))
        problems.raise_if_any()
    rows, titles = _read_rows(path)
    sectors = {
        sector: Sector(*titles.get(sector, (sector, sector)), order=index)
        for index, sector in enumerate(dict.fromkeys(row.sector for row in rows))
    }
    scope = Scope(
        key=path.stem,
        version="",
        classification=classification,
        title_vi=path.stem,
        title_en=path.stem,
        sectors=sectors,
        rows=tuple(rows),
        origin=str(path),
    )
    return _with_version(scope, f"file-{scope.checksum[:12]}")


def _with_version(scope: Scope, version: str) -> Scope:
    return Scope(**{**scope.__dict__, "version": version})


@cache
def _shipped(key: str) -> Scope:
    meta = tomllib.loads((SCOPES_DIR / f"{key}.toml").read_text(encoding="utf-8"))
    rows, _ = _read_rows(SCOPES_DIR / f"{key}.csv", meta["classification"])
    sectors = {
        name: Sector(info["title_vi"], info["title_en"], int(info.get("order", 0)))
        for name, info in meta["sectors"].items()
    }
    return Scope(
        key=key,
        version=str(meta["version"]),
        classification=meta["classification"],
        title_vi=meta["title_vi"],
        title_en=meta["title_en"],
        sectors=sectors,
        rows=tuple(rows),
        origin="shipped",
        description_vi=meta.get("description_vi", ""),
        description_en=meta.get("description_en", ""),
        sources=tuple(meta.get("sources", ())),
    )


def _read_rows(
    path: Path, classification: str = "VSIC2018"
) -> tuple[list[ScopeRow], dict[str, tuple[str, str]]]:
    problems = ProblemList()
    con = duckdb.connect()
    source = read_source(con, path, "scope", problems)
    problems.raise_if_any()
    assert source is not None
    extra = [c for c in ("basis", "sector_title_vi", "sector_title_en") if source.has(c)]
    columns = ", ".join(["__row", "code", "sector", "share", *extra])
    records = con.execute(f"SELECT {columns} FROM {source.view} ORDER BY __row").fetchall()
    con.close()
    source.remove_temporary_files()
    rows, titles = _check_rows(records, extra, source.label, classification, problems)
    problems.raise_if_any()
    return rows, titles


def _check_rows(
    records: list[tuple[object, ...]],
    extra: list[str],
    label: str,
    classification_key: str,
    problems: ProblemList,
) -> tuple[list[ScopeRow], dict[str, tuple[str, str]]]:
    classification = load_classification(classification_key)
    rows: list[ScopeRow] = []
    titles: dict[str, tuple[str, str]] = {}
    seen: dict[tuple[str, str], int] = {}
    row_numbers: dict[str, list[int]] = defaultdict(list)
    for record in records:
        line = int(str(record[0]))
        values = dict(zip(extra, record[4:], strict=True))
        code = normalise_code(record[1] or "")
        sector = str(record[2] or "").strip()
        share = _share(record[3], label, line, problems)
        if not is_code(code):
            problems.add("bad_code", file=label, row=line, column="code", value=record[1] or "")
            continue
        if not classification.knows(code):
            problems.add(
                "unknown_code",
                file=label,
                row=line,
                column="code",
                value=code,
                classification=classification_key,
            )
        if not sector:
            problems.add("empty_value", file=label, row=line, column="sector")
            continue
        if (code, sector) in seen:
            problems.add("duplicate_scope_row", file=label, row=line, value=code, sector=sector)
        seen[(code, sector)] = line
        row_numbers[code].append(line)
        if share is not None:
            rows.append(ScopeRow(code, sector, share, str(values.get("basis") or "")))
        if values.get("sector_title_vi") or values.get("sector_title_en"):
            titles[sector] = (
                str(values.get("sector_title_vi") or sector),
                str(values.get("sector_title_en") or sector),
            )
    _check_partition(rows, row_numbers, label, problems)
    return rows, titles


def _share(raw: object, label: str, line: int, problems: ProblemList) -> float | None:
    try:
        share = float(str(raw).strip())
    except ValueError:
        problems.add("not_a_number", file=label, row=line, column="share", value=raw or "")
        return None
    if not 0 < share <= 1:
        problems.add("share_out_of_range", file=label, row=line, column="share", value=raw)
        return None
    return share


def _check_partition(
    rows: list[ScopeRow], row_numbers: dict[str, list[int]], label: str, problems: ProblemList
) -> None:
    totals: dict[str, float] = defaultdict(float)
    for row in rows:
        totals[row.code] += row.share
    for code, total in totals.items():
        if total > 1 + SHARE_TOLERANCE:
            rows_text = ", ".join(str(n) for n in row_numbers[code])
            problems.add(
                "shares_exceed_one",
                file=label,
                column="share",
                value=code,
                total=f"{total:g}",
                rows=rows_text,
            )


__all__ = ["InputError", "Scope", "ScopeRow", "Sector", "load_scope", "shipped_scopes"]
