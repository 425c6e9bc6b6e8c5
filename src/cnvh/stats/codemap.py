"""From the codes written in the data to codes of the scope's classification, and the
value-added ratios used to impute units that report only revenue."""

from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from .checks import report_rows
from .codes import (
    Classification,
    division,
    is_code,
    known_classifications,
    load_classification,
    normalise_code,
)
from .expressions import Columns
from .problems import ProblemList
from .small_inputs import read_code_crosswalk
from .sources import read_source
from .tables import create_table

CROSSWALK_DIR = Path(__file__).parent / "data" / "classifications"


@dataclass
class CodeMapReport:
    crosswalks: dict[str, str] = field(default_factory=dict)  # "A->B" -> file used
    carried_over: list[str] = field(default_factory=list)  # codes not in a crosswalk


def _crosswalk_path(source_cls: str, target_cls: str) -> Path:
    return CROSSWALK_DIR / f"{source_cls.lower()}-{target_cls.lower()}.csv"


def _convert(code: str, crosswalk: dict[str, list[tuple[str, float]]]) -> list[tuple[str, float]]:
    for length in range(len(code), 1, -1):
        parts = crosswalk.get(code[:length])
        if parts:
            return parts
    return []


def build_code_map(
    con: duckdb.DuckDBPyConnection,
    data: Columns,
    scope_classification: str,
    user_crosswalk: Path | None,
    problems: ProblemList,
    code_lists: dict[str, Classification] | None = None,
) -> CodeMapReport:
    """Creates table code_map(raw_code, cls, data_code, code, weight). `code_lists` are
    full lists a user gave, used instead of the shipped ones to tell known codes."""
    report = CodeMapReport()
    pairs = con.execute(
        "SELECT DISTINCT raw_code, cls FROM cells WHERE raw_code IS NOT NULL ORDER BY ALL"
    ).fetchall()
    crosswalks: dict[str, dict[str, list[tuple[str, float]]]] = {}
    rows: list[tuple[str, str, str, str, float]] = []
    for raw, cls in pairs:
        code = normalise_code(raw)
        if not _code_is_usable(con, data, raw, code, cls, problems, code_lists or {}):
            continue
        if cls == scope_classification:
            rows.append((raw, cls, code, code, 1.0))
            continue
        if cls not in crosswalks:
            crosswalks[cls] = _load_crosswalk(
                con, cls, scope_classification, user_crosswalk, report, problems
            )
        parts = _convert(code, crosswalks[cls]) if crosswalks[cls] else []
        if not parts:
            report.carried_over.append(code)
            parts = [(code, 1.0)]
        rows += [(raw, cls, code, target, weight) for target, weight in parts]
    create_table(
        con,
        "code_map",
        [
            ("raw_code", "VARCHAR"),
            ("cls", "VARCHAR"),
            ("data_code", "VARCHAR"),
            ("code", "VARCHAR"),
            ("weight", "DOUBLE"),
        ],
        rows,
    )
    return report


def _code_is_usable(
    con: duckdb.DuckDBPyConnection,
    data: Columns,
    raw: str,
    code: str,
    cls: str,
    problems: ProblemList,
    code_lists: dict[str, Classification],
) -> bool:
    where = f"{data.text('code')} = '{raw.replace(chr(39), chr(39) * 2)}'"
    if cls not in known_classifications():
        problems.add(
            "unknown_classification",
            file=data.source.label,
            column="classification",
            value=cls,
            known=", ".join(known_classifications()),
        )
        return False
    if not is_code(code):
        report_rows(con, data, where, "bad_code", "code", problems)
        return False
    if not (code_lists.get(cls) or load_classification(cls)).knows(code):
        problems.add(
            "unknown_code", file=data.source.label, column="code", value=raw, classification=cls
        )
        return False
    return True


def _load_crosswalk(
    con: duckdb.DuckDBPyConnection,
    source_cls: str,
    target_cls: str,
    user_crosswalk: Path | None,
    report: CodeMapReport,
    problems: ProblemList,
) -> dict[str, list[tuple[str, float]]]:
    path = user_crosswalk or _crosswalk_path(source_cls, target_cls)
    if not path.is_file():
        problems.add("no_code_crosswalk", source=source_cls, target=target_cls)
        return {}
    source = read_source(con, path, "code_crosswalk", problems)
    if source is None:
        return {}
    report.crosswalks[f"{source_cls}->{target_cls}"] = str(path)
    return read_code_crosswalk(con, source, problems)


@dataclass(frozen=True)
class Ratio:
    code: str
    classification: str
    ratio: float
    level: str  # "code", "division" or "all units": where the donors came from
    donors: int


def impute_ratios(con: duckdb.DuckDBPyConnection, problems: ProblemList) -> list[Ratio]:
    """Value added ÷ revenue per code, from the units that report both (weighted ratio
    estimator); a code with no such unit borrows its division's ratio, then all units'.
    Creates table ratios(cls, data_code, ratio)."""
    sums = con.execute("""
        SELECT c.cls, m.data_code, sum(c.donor_va), sum(c.donor_rev), sum(c.n_donors),
               sum(c.n_imputed)
        FROM cells c JOIN (SELECT DISTINCT raw_code, cls, data_code FROM code_map) m
             USING (raw_code, cls)
        GROUP BY ALL ORDER BY ALL
    """).fetchall()
    pooled: dict[tuple[str, str], list[float]] = {}
    for cls, code, va, rev, donors, _ in sums:
        for key in ((cls, division(code)), (cls, "")):
            acc = pooled.setdefault(key, [0.0, 0.0, 0])
            acc[0], acc[1], acc[2] = acc[0] + va, acc[1] + rev, acc[2] + donors
    ratios = []
    for cls, code, va, rev, donors, imputed in sums:
        if not imputed:
            continue
        ratio = _best_ratio(cls, code, (va, rev, donors), pooled)
        if ratio is None:
            problems.add("no_imputation_donors", column="revenue")
            return []
        ratios.append(ratio)
    create_table(
        con,
        "ratios",
        [("cls", "VARCHAR"), ("data_code", "VARCHAR"), ("ratio", "DOUBLE")],
        [(r.classification, r.code, r.ratio) for r in ratios],
    )
    return ratios


def _best_ratio(
    cls: str, code: str, own: tuple[float, float, int], pooled: dict[tuple[str, str], list[float]]
) -> Ratio | None:
    candidates = [
        ("code", own),
        ("division", tuple(pooled[(cls, division(code))])),
        ("all units", tuple(pooled[(cls, "")])),
    ]
    for level, (va, rev, donors) in candidates:
        if donors and rev > 0:
            return Ratio(code, cls, float(va) / float(rev), level, int(donors))
    return None
