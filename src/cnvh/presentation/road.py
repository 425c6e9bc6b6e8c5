"""The road to the plan's targets: the engine's scenario (cnvh.stats.scenario) run on a
stored estimate, as the page and the API show it.

The stored estimate is the published one for the public (the latest revision for
members), under the plan's own definition when it is stored. A stored estimate is never
changed, so a scenario is cached under the estimate's id and the assumptions: the same
question asked again is answered from the cache.
"""

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache

from cnvh import __version__
from cnvh.estimates.models import Estimate
from cnvh.estimates.store import latest_estimates, stored_replicates
from cnvh.plan import targets
from cnvh.stats import result
from cnvh.stats.scenario import ScenarioParams, compound_growth, scenario
from cnvh.stats.scenario_result import Scenario

CACHE_SECONDS = 24 * 3600
DEFAULT_TARGET_YEAR = 2030
DEFAULT_TARGET_SHARE = 0.08


@dataclass(frozen=True)
class RoadInputs:
    """What a leader may change. `grdp_growth` None: GRDP keeps its own trend over the
    estimate's years. A sector absent from `sector_growth` keeps its trend."""

    target_year: int
    target_share: float
    grdp_growth: float | None = None
    sector_growth: tuple[tuple[str, float], ...] = ()


def road_estimate(*, published_only: bool) -> Estimate | None:
    """The plan's definition's latest stored estimate (published, for the public), else
    the first definition's."""
    found = latest_estimates(published_only=published_only)
    plan_scope = [item for item in found if item.scope_key == targets.SCOPE_KEY]
    chosen = plan_scope or found
    return chosen[0] if chosen else None


def engine_estimate(stored: Estimate) -> result.Estimate:
    """The stored rows of the whole territory, as the engine gave them."""
    rows = [
        result.EstimateRow(
            year=row.year,
            sector=row.sector,
            area=None,
            value_added=row.value_added,
            share=row.share,
            employment=row.employment,
            establishments=row.establishments,
            employment_share=row.employment_share,
            share_ci_low=row.share_ci_low,
            share_ci_high=row.share_ci_high,
        )
        for row in stored.rows.filter(area__isnull=True).order_by("year")
    ]
    scope = result.ScopeInfo(
        key=stored.scope_key,
        version=stored.scope_version,
        classification=stored.classification,
        checksum=stored.scope_checksum,
        title_vi=stored.scope_title_vi,
        title_en=stored.scope_title_en,
        sectors={key: dict(stored.sectors[key]) for key in _by_size(stored.sectors, rows)},
    )
    return result.Estimate(scope=scope, unit=stored.unit, rows=rows, provenance={})


def _by_size(sectors: dict[str, Any], rows: list[result.EstimateRow]) -> list[str]:
    """The sectors, largest value added in the latest year first (as the overview lists
    them): the stored definition's own order does not survive PostgreSQL's JSON."""
    latest = max((row.year for row in rows), default=0)
    size = {row.sector: row.value_added for row in rows if row.year == latest and row.sector}
    return sorted(sectors, key=lambda key: (-size.get(key, 0.0), key))


def base_year(estimate: result.Estimate) -> int | None:
    """The latest year with a share of GRDP: where the road starts."""
    years = [row.year for row in estimate.rows if row.sector is None and row.share]
    return max(years) if years else None


def grdp_trend(estimate: result.Estimate) -> float | None:
    """GRDP's compound annual growth from the first to the latest year estimated."""
    grdp = {
        row.year: row.value_added / row.share
        for row in estimate.rows
        if row.sector is None and row.share
    }
    if len(grdp) < 2:
        return None
    first, last = min(grdp), max(grdp)
    return compound_growth(grdp[first], grdp[last], last - first)


def params(estimate: result.Estimate, inputs: RoadInputs) -> ScenarioParams:
    base = base_year(estimate)
    growth = inputs.grdp_growth
    if growth is None:
        growth = grdp_trend(estimate) or 0.0
    return ScenarioParams(
        base_year=base if base is not None else inputs.target_year,
        target_year=inputs.target_year,
        target_share=inputs.target_share,
        grdp_growth=growth,
        sector_growth=dict(inputs.sector_growth),
    )


def _key(stored: Estimate, inputs: RoadInputs) -> str:
    # The code's version too: a scenario kept by an older version is not read back.
    text = json.dumps([__version__, stored.pk, stored.revision, repr(inputs)])
    return "cnvh:road:" + hashlib.sha256(text.encode()).hexdigest()


def road(stored: Estimate, inputs: RoadInputs) -> Scenario:
    """The scenario on `stored` under `inputs`, from the cache when asked before.
    Raises cnvh.stats.InputError when the inputs do not fit the estimate."""
    key = _key(stored, inputs)
    kept = cache.get(key)
    if isinstance(kept, Scenario):
        return kept
    estimate = engine_estimate(stored)
    # Read only here, on a scenario not cached: the page's every request needs the
    # rows, only the scenario's intervals need the replicates.
    estimate.replicates = stored_replicates(stored)
    chosen = params(estimate, inputs)
    made = scenario(estimate, chosen)
    made.provenance = provenance(stored, chosen, grdp_assumed=inputs.grdp_growth is not None)
    cache.set(key, made, CACHE_SECONDS)
    return made


def provenance(stored: Estimate, chosen: ScenarioParams, *, grdp_assumed: bool) -> dict[str, Any]:
    """The stored estimate's provenance, which estimate it is, and the assumptions."""
    return {
        **stored.provenance,
        "estimate": {
            "id": stored.pk,
            "scope": stored.scope_key,
            "revision": stored.revision,
            "published": hasattr(stored, "publication"),
            "synthetic": stored.synthetic,
        },
        "scenario": {
            **chosen.describe(),
            "grdp_growth_source": "assumed" if grdp_assumed else "grdp trend over the estimate",
            "method": "docs/methods.md §11",
        },
    }


def chart(
    made: Scenario, estimate: result.Estimate, plan: targets.PlanTargets | None
) -> dict[str, Any]:
    """Data for the road's line chart (percent), read by charts.js: the estimate's share
    by year, then the path under the assumptions, the trend and the required path."""
    base, target = made.params.base_year, made.params.target_year
    history = {row.year: row.share for row in estimate.rows if row.sector is None and row.share}
    axis = list(range(min(history, default=base), target + 1))
    required_rate = made.row(None).required_growth
    base_value = made.row(None).base_value_added

    def percent(value: float | None) -> float | None:
        return None if value is None else value * 100

    def required(year: int) -> float | None:
        if year < base:
            return None
        grows = (1 + required_rate) ** (year - base)
        factor = _grdp_factor(made, year)
        return percent(made.row(None).base_share * grows / factor) if base_value else None

    return {
        "years": [str(year) for year in axis],
        "share": [percent(history.get(year)) for year in axis],
        "path": [percent(made.share_in(year)) if year >= base else None for year in axis],
        "required": [required(year) for year in axis],
        "targets": [
            [str(t.year), t.share * 100] for t in (plan.targets if plan else ()) if t.year in axis
        ],
    }


def _grdp_factor(made: Scenario, year: int) -> float:
    growth = made.grdp_growth
    return float((1 + growth) ** (year - made.params.base_year))
