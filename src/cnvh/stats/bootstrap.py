"""Confidence intervals for the share of GRDP where units were sampled.

Rao–Wu rescaled bootstrap within strata (year × stratum): in each replicate,
n_h − 1 units are drawn with replacement from the n_h sampled units of a
stratum and their weights rescaled by n_h / (n_h − 1). Units outside any
stratum were enumerated completely and keep their weight. Imputation ratios
and benchmark factors are held at their full-sample values.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np

from .cells import unit_rows_sql
from .sources import Source

Key = tuple[int, str | None, str | None]


@dataclass(frozen=True)
class Interval:
    low: float
    high: float


@dataclass(frozen=True)
class Replicates:
    """The share of GRDP of every row in every replicate, kept with the estimate so that
    a figure derived from the shares (a scenario's projection) gets its interval from the
    same replicates."""

    index: dict[Key, int]  # (year, sector, area) -> column
    shares: np.ndarray  # replicates × rows
    confidence: float

    def of(self, key: Key) -> np.ndarray | None:
        column = self.index.get(key)
        return None if column is None else self.shares[:, column]

    def interval(self, values: np.ndarray) -> Interval:
        """The percentile interval of `values`, one per replicate."""
        tail = (1 - self.confidence) / 2 * 100
        low, high = np.percentile(values, [tail, 100 - tail])
        return Interval(float(low), float(high))


def _contributions(
    con: duckdb.DuckDBPyConnection,
    source: Source,
    years: list[int],
    data_cls: str,
    by_area: bool,
) -> dict[str, np.ndarray]:
    """One entry per sampled unit × sector × area part: its weighted value added."""
    year_list = ", ".join(str(year) for year in years)
    area = "coalesce(x.new_area, s.area)" if by_area else "CAST(NULL AS VARCHAR)"
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE sampled AS
        SELECT (row_number() OVER (ORDER BY year, stratum, __row)) - 1 AS rid, *
        FROM ({unit_rows_sql(source, data_cls, by_area)}) u
        WHERE stratum IS NOT NULL AND year IN ({year_list})
    """)
    return con.execute(f"""
        SELECT s.rid, s.year, sm.sector, {area} AS area,
               (coalesce(s.va_known, s.rev * coalesce(ra.ratio, 0)) * m.weight
                * coalesce(f.factor, 1) * coalesce(x.weight, 1) * sm.share * s.w) AS c
        FROM sampled s
        JOIN code_map m USING (raw_code, cls)
        JOIN scope_map sm ON sm.code = m.code
        LEFT JOIN ratios ra ON ra.cls = s.cls AND ra.data_code = m.data_code
        LEFT JOIN factors f ON f.year = s.year AND f.division = left(m.code, 2)
        LEFT JOIN area_map x ON x.old_area = s.area
        ORDER BY s.rid
    """).fetchnumpy()


def _strata(con: duckdb.DuckDBPyConnection) -> tuple[np.ndarray, np.ndarray]:
    """Start row and size of each stratum, the sampled rows being sorted by stratum."""
    sizes = con.execute(
        "SELECT count(*) FROM sampled GROUP BY year, stratum ORDER BY year, stratum"
    ).fetchnumpy()
    size = np.asarray(sizes["count_star()"], dtype=np.int64)
    start = np.concatenate([[0], np.cumsum(size)[:-1]]).astype(np.int64)
    return start, size


def _replicate_factors(
    rng: np.random.Generator, start: np.ndarray, size: np.ndarray, n_rows: int
) -> np.ndarray:
    """f_i = (n_h / (n_h − 1)) × (times unit i was drawn); 1 in strata of one unit."""
    drawable = size >= 2
    stratum_of_draw = np.repeat(np.flatnonzero(drawable), size[drawable] - 1)
    picks = start[stratum_of_draw] + np.floor(
        rng.random(stratum_of_draw.size) * size[stratum_of_draw]
    ).astype(np.int64)
    counts = np.bincount(picks, minlength=n_rows).astype(np.float64)
    scale = np.repeat(np.where(drawable, size / np.maximum(size - 1, 1), 0.0), size)
    single = np.repeat(~drawable, size)
    return np.where(single, 1.0, counts * scale)


def share_intervals(
    con: duckdb.DuckDBPyConnection,
    source: Source,
    *,
    rows: list[tuple[Any, ...]],
    years: list[int],
    by: tuple[str, ...],
    data_classification: str,
    replicates: int,
    seed: int,
    confidence: float,
    progress: Callable[[str, float], None] | None = None,
) -> tuple[dict[Key, Interval], dict[str, Any], Replicates]:
    """Intervals keyed by (year, sector, area) for the rows that have a share, and the
    replicates they come from."""
    parts = _contributions(con, source, years, data_classification, "area" in by)
    start, size = _strata(con)
    index = {(r[0], r[1], r[2]): i for i, r in enumerate(rows)}
    entry, target = _targets(parts, index, by)
    contribution = parts["c"][entry]
    unit_of_entry = parts["rid"][entry]
    estimate = np.array([r[3] for r in rows], dtype=np.float64)
    grdp = np.array([r[3] / r[4] if r[4] else np.nan for r in rows], dtype=np.float64)
    rng = np.random.default_rng(seed)
    shares = np.empty((replicates, len(rows)))
    for b in range(replicates):
        f = _replicate_factors(rng, start, size, int(size.sum()))
        delta = np.bincount(
            target, weights=(f[unit_of_entry] - 1.0) * contribution, minlength=len(rows)
        )
        shares[b] = (estimate + delta) / grdp
        if progress and b % 20 == 0:
            progress("confidence intervals", 0.6 + 0.35 * b / replicates)
    tail = (1 - confidence) / 2 * 100
    low, high = np.percentile(shares, [tail, 100 - tail], axis=0)
    intervals = {
        key: Interval(float(low[i]), float(high[i]))
        for key, i in index.items()
        if rows[i][4] is not None
    }
    method = {
        "method": "Rao-Wu rescaled bootstrap within year x stratum",
        "replicates": replicates,
        "seed": seed,
        "confidence": confidence,
        "sampled_rows": int(size.sum()),
        "strata": int(size.size),
        "strata_with_one_unit": int((size < 2).sum()),
        "held_fixed": ["value-added ratios for imputation", "benchmark factors"],
    }
    return intervals, method, Replicates(index, shares, confidence)


def _targets(
    parts: dict[str, np.ndarray], index: dict[Key, int], by: tuple[str, ...]
) -> tuple[np.ndarray, np.ndarray]:
    """For each entry, the output rows it adds to (total, sector, area, sector × area)."""
    entries: list[int] = []
    targets: list[int] = []
    years, sectors, areas = parts["year"], parts["sector"], parts["area"]
    for i in range(len(years)):
        year, sector, area = int(years[i]), str(sectors[i]), areas[i]
        keys: list[Key] = [(year, None, None)]
        if "sector" in by:
            keys.append((year, sector, None))
        if "area" in by:
            keys.append((year, None, str(area)))
            if "sector" in by:
                keys.append((year, sector, str(area)))
        for key in keys:
            if key in index:
                entries.append(i)
                targets.append(index[key])
    return np.array(entries, dtype=np.int64), np.array(targets, dtype=np.int64)
