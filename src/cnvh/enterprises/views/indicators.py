"""The support and investment indicators' page: computed from the records when it is
asked. Each investment figure links to the list of the projects that make it."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from cnvh.enterprises.forms import PLAN_SCOPE
from cnvh.enterprises.indicators import support_indicators
from cnvh.enterprises.investment.figures import capital_table, investment_figures
from cnvh.enterprises.models import CapitalLine, ProgrammeKind
from cnvh.enterprises.sectors import sector_title
from cnvh.enterprises.wards import ward_name
from cnvh.language import current
from cnvh.plan.permissions import require
from cnvh.presentation.parameters import parse_id


@require_GET
@login_required
def indicator_page(request: HttpRequest) -> HttpResponse:
    require(request.user, "enterprises.view_indicators")
    year = parse_id(request.GET.get("year"))
    year = year if year and 1900 < year < 2200 else None
    found = support_indicators(year)
    language = current()
    context = {
        "year": year,
        "found": found,
        "by_kind": [(ProgrammeKind(k).label, n) for k, n in found.by_kind.items()],
        "by_sector": [
            (sector_title(PLAN_SCOPE, k, language), n) for k, n in found.by_sector.items()
        ],
        "by_ward": [(ward_name(k) if k else "—", n) for k, n in found.by_ward.items()],
        **investment_context(request.user, year),
    }
    return render(request, "enterprises/indicators.html", context)


def investment_context(user: Any, year: int | None) -> dict[str, Any]:
    """The capital of the year asked (every year when none) by source, and the projects
    on schedule at that year's end (today, when none or the current year)."""
    if not user.has_perm("enterprises.view_projects"):
        return {}
    figures = investment_figures(year or timezone.localdate().year)
    rows = [*figures.by_source, figures.total] if year else capital_table(CapitalLine.objects.all())
    return {"capital": rows, "schedule": figures}
