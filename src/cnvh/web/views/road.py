"""The road to 5% and 8%: the growth the plan's targets take, by sector, beside where
the trend leads. The engine computes it on the stored estimate (the published one for
the public); a change of an assumption redraws the result (htmx)."""

import json
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from cnvh import language
from cnvh.estimates.models import Estimate
from cnvh.exchange.fields import shown
from cnvh.plan import targets
from cnvh.presentation import road
from cnvh.presentation.access import published_only
from cnvh.presentation.tables.csv_file import csv_response
from cnvh.stats import InputError
from cnvh.stats.result import Estimate as Result
from cnvh.stats.scenario_result import SCENARIO_FIELDS, Scenario
from cnvh.web.road_form import RoadForm

EXPORTS = ("csv", "json")


@dataclass(frozen=True)
class Horizon:
    """The plan's next target: where the road leads by default."""

    year: int
    share: float
    document: str


def _horizon(plan: targets.PlanTargets | None, base: int) -> Horizon:
    ahead = [t for t in (plan.targets if plan else ()) if t.year > base]
    if ahead:
        return Horizon(ahead[-1].year, ahead[-1].share, ahead[-1].document)
    return Horizon(max(road.DEFAULT_TARGET_YEAR, base + 1), road.DEFAULT_TARGET_SHARE, "")


@require_safe
@vary_on_headers("HX-Request")
def road_page(request: HttpRequest) -> HttpResponse:
    public = published_only(request)
    stored = road.road_estimate(published_only=public)
    estimate = road.engine_estimate(stored) if stored else None
    base = road.base_year(estimate) if estimate else None
    if stored is None or estimate is None or base is None:
        return render(request, "web/road.html", {"stored": None})
    plan = targets.plan_targets(published_only=public)
    horizon = _horizon(plan, base)
    sectors = [(key, stored.sector_title(key)) for key in estimate.scope.sectors]
    form = RoadForm(_data(request, horizon), sectors=sectors, base_year=base)
    context = _context(form, stored, estimate, plan, horizon)
    chosen = request.GET.get("format")
    picked = context["picked"]
    if chosen in EXPORTS and isinstance(picked, Scenario):
        return _export(stored, picked, chosen)
    partial = request.headers.get("HX-Request") == "true"
    template = "web/_road_result.html" if partial else "web/road.html"
    return render(request, template, context)


def _data(request: HttpRequest, horizon: Horizon) -> QueryDict | dict[str, str]:
    """What was typed, or the defaults as a reader would type them: the plan's last target
    share, five years after its year."""
    if "target_year" in request.GET:
        return request.GET
    return {"target_year": str(horizon.year + 5), "target_share": shown(horizon.share * 100)}


def _context(
    form: RoadForm,
    stored: Estimate,
    estimate: Result,
    plan: targets.PlanTargets | None,
    horizon: Horizon,
) -> dict[str, Any]:
    context: dict[str, Any] = {
        "form": form,
        "stored": stored,
        "horizon": horizon,
        "plan": plan,
        "grdp_trend": road.grdp_trend(estimate),
        "picked": None,
        "problems": [],
    }
    if not form.is_valid():
        return context
    chosen = form.inputs()
    plan_inputs = road.RoadInputs(
        horizon.year, horizon.share, chosen.grdp_growth, chosen.sector_growth
    )
    try:
        planned = road.road(stored, plan_inputs)
        picked = road.road(stored, chosen)
    except InputError as error:
        context["problems"] = [language.message(problem) for problem in error.problems]
        return context
    shown_last = picked if picked.params.target_year >= planned.params.target_year else planned
    chart = road.chart(shown_last, estimate, plan)
    context.update(
        planned=planned,
        picked=picked,
        same=picked.params == planned.params,
        tables=[_table(planned, stored), _table(picked, stored)],
        chart=chart | {"labels": _chart_labels()},
        query=form.data.urlencode() if isinstance(form.data, QueryDict) else "",
    )
    return context


def _table(made: Scenario, stored: Estimate) -> dict[str, Any]:
    rows = [
        {"title": stored.sector_title(row.sector) if row.sector else _("All sectors"), "row": row}
        for row in made.rows
    ]
    return {"scenario": made, "rows": rows}


def _chart_labels() -> dict[str, str]:
    return {
        "share": _("Estimated share of GRDP"),
        "path": _("Path under the assumptions"),
        "required": _("Path at the required growth"),
        "targets": _("Plan target"),
        "axis": _("Share of GRDP (%)"),
    }


def _export(stored: Estimate, made: Scenario, chosen: str) -> HttpResponse:
    name = (
        f"cnvh-road-{stored.scope_key}-r{stored.revision}-"
        f"{made.params.base_year}-{made.params.target_year}"
    )
    if chosen == "json":
        response = HttpResponse(made.to_json(), content_type="application/json")
        response["Content-Disposition"] = f'attachment; filename="{name}.json"'
        return response
    context = ["base_year", "target_year", "target_share", "grdp_growth", "unit"]
    header = [*SCENARIO_FIELDS, *context, "estimate_id", "estimate_revision", "provenance"]
    values = [
        made.params.base_year,
        made.params.target_year,
        made.params.target_share,
        made.grdp_growth,
        made.unit,
        stored.pk,
        stored.revision,
        json.dumps(made.provenance, ensure_ascii=False, sort_keys=True, default=str),
    ]
    # The provenance once, on the total's row: it is the same for every row.
    rows = [
        [getattr(row, name) for name in SCENARIO_FIELDS]
        + values[:-1]
        + [values[-1] if i == 0 else ""]
        for i, row in enumerate(made.rows)
    ]
    return csv_response(f"{name}.csv", header, rows)
