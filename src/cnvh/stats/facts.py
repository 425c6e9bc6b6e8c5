"""What a Parquet file's own statistics prove about its columns.

Parquet writers record, per row group and column, the number of nulls (and NaNs)
and the smallest and largest value. When they prove that a rule cannot be broken
(no empty unit id, every year between 1900 and 2200, no negative employment, every
unit reporting its value added), the pass over ten million rows need not test it
row by row, nor sum what can only be zero. Where a statistic is missing, nothing is
assumed and every row is checked.
"""

import math
from dataclasses import dataclass

import duckdb


@dataclass(frozen=True)
class ColumnFacts:
    rows: int
    nulls: int | None  # None: not recorded in every row group
    nans: int | None
    min_number: float | None
    max_number: float | None
    min_text: str | None
    integer: bool  # an integer column holds no NaN or infinity

    @property
    def never_null(self) -> bool:
        return self.nulls == 0

    @property
    def finite(self) -> bool:
        """Every value present is a finite number: no NaN, no infinity."""
        bounds = (self.min_number, self.max_number)
        no_nan = self.integer or self.nans == 0
        return no_nan and all(b is not None and math.isfinite(b) for b in bounds)

    def at_least(self, bound: float) -> bool:
        return self.finite and self.min_number is not None and self.min_number >= bound

    def at_most(self, bound: float) -> bool:
        return self.finite and self.max_number is not None and self.max_number <= bound

    @property
    def never_blank(self) -> bool:
        """No null and no empty text (the smallest text sorts after the empty one)."""
        low = self.min_text
        return self.never_null and bool(low) and low is not None and low[0] not in " \t"


def parquet_facts(
    con: duckdb.DuckDBPyConnection, path: str, mapping: dict[str, str]
) -> dict[str, ColumnFacts]:
    """Canonical column -> its facts, for the columns of `mapping` (header -> name)."""
    found = con.execute(
        """
        SELECT path_in_schema, sum(row_group_num_rows),
               CASE WHEN bool_and(stats_null_count IS NOT NULL) THEN sum(stats_null_count) END,
               CASE WHEN bool_and(stats_nan_count IS NOT NULL) THEN sum(stats_nan_count) END,
               CASE WHEN bool_and(stats_min_value IS NOT NULL)
                    THEN min(TRY_CAST(stats_min_value AS DOUBLE)) END,
               CASE WHEN bool_and(stats_max_value IS NOT NULL)
                    THEN max(TRY_CAST(stats_max_value AS DOUBLE)) END,
               CASE WHEN bool_and(stats_min_value IS NOT NULL) THEN min(stats_min_value) END,
               bool_and(type IN ('INT32', 'INT64'))
        FROM parquet_metadata(?) GROUP BY path_in_schema
        """,
        [path],
    ).fetchall()
    facts = {}
    for header, rows, nulls, nans, low, high, low_text, integer in found:
        if header in mapping:
            facts[mapping[header]] = ColumnFacts(
                int(rows), nulls, nans, low, high, low_text, bool(integer)
            )
    return facts
