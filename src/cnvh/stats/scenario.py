"""Scenarios: what growth of the cultural industries reaches a target share of GRDP,
and where each sector's trend leads. docs/methods.md §11 gives the formulas.

Everything here works on an estimate's rows (by year and sector, whole territory), so the
same computation serves `cnvh scenario` (on a fresh estimate) and the web pages (on a
stored one). With n = Y1 − Y0 and Γ(y) the growth of GRDP from Y0 to y:

- required growth (total, and every sector under equal growth):
  (Γ(Y1) · S / share(Y0))^(1/n) − 1, which is (1 + G) · (S / share(Y0))^(1/n) − 1;
- trend of a sector: (VA(Y0) / VA(Yf))^(1/(Y0 − Yf)) − 1;
- projected share of a sector: share(Y0) · (1 + trend)^n / Γ(Y1); the total's is the sum;
- growth a sector would need alone, the others on their trend: the x solving
  share_s(Y0) · (1 + x)^n / Γ(Y1) + Σ others' projected shares = S, in closed form.
"""

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .bootstrap import Replicates
from .problems import ProblemList
from .result import Estimate, EstimateRow
from .scenario_result import Scenario, ScenarioRow, ShareAt

# Beyond these a scenario means nothing, and powers of them overflow a float:
# 101^100 ≈ 1e200 still fits, so every figure stays finite.
HIGHEST_GROWTH = 100.0  # 10,000% a year
LONGEST_HORIZON = 100  # years


@dataclass(frozen=True)
class ScenarioParams:
    """A scenario's assumptions. GRDP grows by `grdp_growth` a year, or follows
    `grdp_path` (year -> GRDP, every year from base to target; only its growth is used).
    `sector_growth` (sector -> annual growth) replaces a sector's trend in the path."""

    base_year: int
    target_year: int
    target_share: float
    grdp_growth: float | None = None
    grdp_path: dict[int, float] | None = None
    sector_growth: dict[str, float] = field(default_factory=dict)
    trend_from: int | None = None

    def describe(self) -> dict[str, Any]:
        return {
            "base_year": self.base_year,
            "target_year": self.target_year,
            "target_share": self.target_share,
            "grdp_growth": self.grdp_growth,
            "grdp_path": None
            if self.grdp_path is None
            else {str(year): value for year, value in sorted(self.grdp_path.items())},
            "sector_growth": dict(self.sector_growth),
            "trend_from": self.trend_from,
        }


def check_params(params: ScenarioParams, estimate: Estimate, problems: ProblemList) -> None:
    """Adds every problem of the assumptions against this estimate."""
    base, target = params.base_year, params.target_year
    if target <= base:
        problems.add("target_year_not_after_base", target=target, base=base)
    elif target - base > LONGEST_HORIZON:
        problems.add("horizon_too_long", target=target, base=base, limit=LONGEST_HORIZON)
    if not 0 < params.target_share < 1:
        problems.add("target_share_out_of_range", value=params.target_share)
    _check_growth(params, estimate, problems)
    years = _years(estimate)
    if base not in years:
        problems.add("no_base_year_data", year=base, years=_list(years))
    elif not _total(estimate, base).share:
        problems.add("base_share_zero", year=base)
    _check_trend_from(params, years, problems)


def _check_growth(params: ScenarioParams, estimate: Estimate, problems: ProblemList) -> None:
    if (params.grdp_growth is None) == (params.grdp_path is None):
        problems.add("no_grdp_growth")
    if params.grdp_growth is not None:
        check_rate(params.grdp_growth, problems, column="--grdp-growth")
    for sector, growth in params.sector_growth.items():
        if sector not in estimate.scope.sectors:
            problems.add("unknown_sector", value=sector, **_scope_words(estimate))
        else:
            check_rate(growth, problems, column=sector)
    if params.grdp_path is not None:
        for year in range(params.base_year, params.target_year + 1):
            if year not in params.grdp_path:
                problems.add("grdp_year_missing", year=year)


def check_rate(growth: float, problems: ProblemList, **where: Any) -> bool:
    """Whether a growth a year is usable: above −1 (−100%) and at most HIGHEST_GROWTH."""
    if not growth > -1:  # NaN too
        problems.add("growth_too_low", value=growth, **where)
        return False
    if growth > HIGHEST_GROWTH:
        limit = f"{HIGHEST_GROWTH:g}"
        problems.add("growth_too_high", value=growth, limit=limit, percent="10000%", **where)
        return False
    return True


def _check_trend_from(params: ScenarioParams, years: list[int], problems: ProblemList) -> None:
    if params.trend_from is None:
        return
    earlier = [year for year in years if year < params.base_year]
    first = earlier[0] if earlier else params.base_year - 1
    if params.trend_from >= params.base_year:
        reason_vi, reason_en = "năm này không trước năm gốc", "it is not before the base year"
    elif params.trend_from not in years:
        reason_vi, reason_en = "dữ liệu không có năm này", "the data has no figures for it"
    else:
        return
    problems.add(
        "bad_trend_from", year=params.trend_from, reason=f"{reason_vi} / {reason_en}", first=first
    )


def _scope_words(estimate: Estimate) -> dict[str, str]:
    return {"scope": estimate.scope.key, "known": ", ".join(estimate.scope.sectors)}


def _list(years: list[int]) -> str:
    return ", ".join(str(year) for year in years) or "—"


def _years(estimate: Estimate) -> list[int]:
    return sorted({row.year for row in estimate.rows if row.area is None})


def _total(estimate: Estimate, year: int) -> EstimateRow:
    return estimate.total(year)


def grdp_factor(params: ScenarioParams, year: int) -> float:
    """Γ(year): GRDP in `year` ÷ GRDP in the base year."""
    if params.grdp_path is not None:
        return params.grdp_path[year] / params.grdp_path[params.base_year]
    assert params.grdp_growth is not None
    return float((1 + params.grdp_growth) ** (year - params.base_year))


def required_growth(share: float, target: float, factor: float, years: int) -> float:
    """The constant growth of value added that turns `share` into `target` in `years`
    years while GRDP grows by `factor` in all: (factor · target / share)^(1/years) − 1."""
    return float((factor * target / share) ** (1 / years) - 1)


def compound_growth(first: float, last: float, years: int) -> float | None:
    """(last / first)^(1/years) − 1; None when it does not exist (a value not above 0)."""
    if first <= 0 or last <= 0 or years <= 0:
        return None
    return float((last / first) ** (1 / years) - 1)


def growth_alone(
    share: float, others: float, target: float, factor: float, years: int
) -> float | None:
    """The growth x with share · (1 + x)^years / factor + others = target; None when the
    others reach the target on their own (no growth of this sector is needed)."""
    missing = target - others
    if missing <= 0 or share <= 0:
        return None
    return float((missing * factor / share) ** (1 / years) - 1)


@dataclass(frozen=True)
class _Sector:
    key: str | None
    base_value: float
    base_share: float
    first_value: float | None
    trend: float | None
    projected: float | None


def scenario(estimate: Estimate, params: ScenarioParams) -> Scenario:
    """The scenario; raises InputError when the assumptions do not fit the estimate."""
    problems = ProblemList()
    check_params(params, estimate, problems)
    problems.raise_if_any()
    base, n = params.base_year, params.target_year - params.base_year
    first = params.trend_from or _years(estimate)[0]
    factor = grdp_factor(params, params.target_year)
    found = [_sector(estimate, key, base, first, n, factor) for key in estimate.scope.sectors]
    sectors = [sector for sector in found if sector is not None]
    total = _sector(estimate, None, base, first, n, factor)
    assert total is not None  # check_params made sure the base year has a total
    required = required_growth(total.base_share, params.target_share, factor, n)
    intervals = _intervals(estimate, [s.key for s in sectors], base, first, n, factor)
    projected_total = _sum([s.projected for s in sectors])
    rows = [_row(total, projected_total, required, required, intervals.get(None))]
    for sector in sectors:
        others = _sum([s.projected for s in sectors if s is not sector])
        alone = (
            None
            if others is None
            else growth_alone(sector.base_share, others, params.target_share, factor, n)
        )
        rows.append(_row(sector, sector.projected, required, alone, intervals.get(sector.key)))
    return Scenario(
        scope=estimate.scope,
        unit=estimate.unit,
        params=params,
        grdp_growth=(
            params.grdp_growth if params.grdp_growth is not None else float(factor ** (1 / n) - 1)
        ),
        trend_from=first,
        rows=rows,
        path=path(params, sectors),
    )


def _sum(values: list[float | None]) -> float | None:
    """The sum, or None when a term is unknown."""
    known = [value for value in values if value is not None]
    return float(sum(known)) if len(known) == len(values) else None


def _sector(
    estimate: Estimate, key: str | None, base: int, first: int, n: int, factor: float
) -> _Sector | None:
    try:
        now = estimate.cell(base, key)
    except KeyError:
        return None
    # Sectors share the total's GRDP: their shares add up to the total's.
    share = now.value_added / _grdp(estimate, base)
    try:
        then: float | None = estimate.cell(first, key).value_added
    except KeyError:
        then = None
    trend = None if then is None else compound_growth(then, now.value_added, base - first)
    if now.value_added == 0:
        projected: float | None = 0.0
    else:
        projected = None if trend is None else share * (1 + trend) ** n / factor
    return _Sector(key, now.value_added, share, then, trend, projected)


def _row(
    sector: _Sector,
    projected: float | None,
    required: float,
    alone: float | None,
    interval: tuple[float, float] | None,
) -> ScenarioRow:
    return ScenarioRow(
        sector=sector.key,
        base_value_added=sector.base_value,
        base_share=sector.base_share,
        trend_growth=sector.trend,
        projected_share=projected,
        required_growth=required,
        required_growth_alone=alone,
        projected_share_ci_low=interval[0] if interval else None,
        projected_share_ci_high=interval[1] if interval else None,
    )


def _intervals(
    estimate: Estimate, sectors: list[str | None], base: int, first: int, n: int, factor: float
) -> dict[str | None, tuple[float, float]]:
    """Each replicate's shares carried forward as the estimate's are: the interval of the
    projected share is that of the replicates' projections."""
    kept = estimate.replicates
    if kept is None or first >= base:
        return {}
    ratio = _grdp(estimate, base) / _grdp(estimate, first)
    projections: dict[str | None, np.ndarray] = {}
    for key in sectors:
        now, then = kept.of((base, key, None)), kept.of((first, key, None))
        if now is None or then is None or np.any(now <= 0) or np.any(then <= 0):
            continue
        growth = (now * ratio / then) ** (1 / (base - first))
        projections[key] = now * growth**n / factor
    intervals = {key: _bounds(kept, values) for key, values in projections.items()}
    if projections and len(projections) == len(sectors):
        intervals[None] = _bounds(kept, np.sum(list(projections.values()), axis=0))
    return intervals


def _bounds(kept: Replicates, values: np.ndarray) -> tuple[float, float]:
    interval = kept.interval(values)
    return interval.low, interval.high


def _grdp(estimate: Estimate, year: int) -> float:
    total = estimate.total(year)
    return total.value_added / total.share if total.share else float("nan")


def path(params: ScenarioParams, sectors: list[_Sector]) -> list[ShareAt]:
    """The share in each year from base to target, each sector growing at its assumed
    rate (`sector_growth`) or else at its trend; the total is the sum of the sectors."""
    points: list[ShareAt] = []
    for year in range(params.base_year, params.target_year + 1):
        factor = grdp_factor(params, year)
        shares: list[float | None] = []
        for sector in sectors:
            assert sector.key is not None
            growth = params.sector_growth.get(sector.key, sector.trend)
            if sector.base_value == 0:
                growth = growth or 0.0
            share = (
                None
                if growth is None
                else sector.base_share * (1 + growth) ** (year - params.base_year) / factor
            )
            shares.append(share)
            points.append(ShareAt(year, sector.key, share))
        points.append(ShareAt(year, None, _sum(shares)))
    return points
