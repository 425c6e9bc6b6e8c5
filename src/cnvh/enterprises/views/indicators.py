"""The support indicators' page: computed from the records when it is asked."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cnvh.enterprises.forms import PLAN_SCOPE
from cnvh.enterprises.indicators import support_indicators
from cnvh.enterprises.models import ProgrammeKind
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
    }
    return render(request, "enterprises/indicators.html", context)
