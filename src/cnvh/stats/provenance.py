"""What an estimate was made from and how: enough to trace every figure back."""

import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

import duckdb

from .. import __version__
from .checked import CheckedFiles
from .codemap import CodeMapReport, Ratio
from .options import EstimateOptions
from .scope import Scope
from .sources import Source

UNIT_YEARS = ("checked", "recorded", "not checked")


@dataclass
class Run:
    """The state of one estimate as it is computed."""

    options: EstimateOptions
    scope: Scope
    sources: list[Source] = field(default_factory=list)
    unit: str = ""
    years: list[int] = field(default_factory=list)
    code_report: CodeMapReport = field(default_factory=CodeMapReport)
    ratios: list[Ratio] = field(default_factory=list)
    benchmark: list[dict[str, object]] = field(default_factory=list)
    areas_moved: int = 0
    sampled_rows: int = 0  # rows of sampled units (with a stratum) the estimate kept
    bootstrap: dict[str, Any] | None = None
    data_classification: str = ""
    timings: dict[str, float] = field(default_factory=dict)
    # Which database ran the pass over the data: DuckDB here, or a PostgreSQL server.
    database: dict[str, str] = field(
        default_factory=lambda: {"name": "duckdb", "version": duckdb.__version__}
    )
    background: list[Future[Any]] = field(default_factory=list)  # jobs beside the main pass
    record: CheckedFiles | None = None  # of the files already checked (checked.py)
    # How each unit once a year was made sure of (unit-level data only): UNIT_YEARS.
    unit_years: str = ""
    _phase: str | None = None
    _since: float = 0.0

    def mark(
        self,
        phase: str | None,
        progress: Callable[[str, float], None] | None = None,
        done: float = 0.0,
    ) -> None:
        """Ends the current phase, timing it, and starts `phase` (None: the last one)."""
        now = time.perf_counter()
        if self._phase:
            self.timings[self._phase] = round(now - self._since, 6)
        self._phase, self._since = phase, now
        if progress and phase:
            progress(phase, done)

    def source(self, role: str) -> Source:
        return next(source for source in self.sources if source.role.name == role)


def _value_added_report(con: duckdb.DuckDBPyConnection, sampled: int) -> dict[str, Any]:
    counts = con.execute("""
        SELECT sum(n_rows), sum(n_given), sum(n_derived), sum(n_imputed), sum(n_rows - n_emp)
        FROM cells
    """).fetchone()
    imputed = con.execute("""
        SELECT coalesce(sum(r.va_imputed), 0),
               coalesce(sum(r.va_imputed * s.share), 0)
        FROM resolved r LEFT JOIN scope_map s USING (code)
    """).fetchone()
    assert counts is not None and imputed is not None
    rows, given, derived, imputed_rows, no_employment = (int(v or 0) for v in counts)
    return {
        "rows_read": rows,
        "reported": given,
        "derived_from_output_minus_intermediate_consumption": derived,
        "imputed_from_revenue": imputed_rows,
        "imputed_value_added_all_units": float(imputed[0]),
        "imputed_value_added_in_scope": float(imputed[1]),
        "rows_without_employment": no_employment,
        "sampled_rows": sampled,
    }


def provenance(con: duckdb.DuckDBPyConnection, run: Run) -> dict[str, Any]:
    scope = run.scope
    inputs = [source.describe() for source in run.sources]  # waits for the checksums
    report = _value_added_report(con, run.sampled_rows)
    run.mark(None)
    return {
        "cnvh_version": __version__,
        "computed_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "inputs": inputs,
        "scope": {
            "key": scope.key,
            "version": scope.version,
            "classification": scope.classification,
            "checksum": scope.checksum,
            "origin": scope.origin,
            "codes": len(scope.rows),
        },
        "unit": run.unit,
        "years": run.years,
        "options": run.options.describe(),
        "value_added": report,
        "imputation_ratios": [asdict(ratio) for ratio in run.ratios],
        "code_crosswalks": run.code_report.crosswalks,
        "codes_not_in_crosswalk": sorted(set(run.code_report.carried_over)),
        "benchmark": run.benchmark,
        "area_cells_moved_by_crosswalk": run.areas_moved,
        "bootstrap": run.bootstrap,
        "pass_database": run.database,
        **({"unit_year_check": run.unit_years} if run.unit_years else {}),
        "timings_seconds": run.timings,
    }
