"""The events register's indicators page, computed from its records."""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from cnvh.events import indicators
from cnvh.events.forms import PeriodForm
from cnvh.events.models import KIND_CHOICES, ClashRule, sector_choices
from cnvh.plan.models import Agency
from cnvh.plan.permissions import require


@require_GET
@login_required
def indicators_page(request: HttpRequest) -> HttpResponse:
    require(request.user, "events.view_indicators")
    today = timezone.localdate()
    form = PeriodForm(request.GET or None)
    year = today.year
    if form.is_valid() and form.cleaned_data["year"]:
        year = form.cleaned_data["year"]
    found = indicators.compute(date(year, 1, 1), date(year, 12, 31), today)
    kinds, sectors = dict(KIND_CHOICES), dict(sector_choices())
    wards = dict(Agency.objects.filter(code__in=found.by_ward).values_list("code", "name_vi"))
    context = {
        "form": form,
        "year": year,
        "found": found,
        "by_kind": [(kinds.get(key, key), n) for key, n in found.by_kind.most_common()],
        "by_sector": [(sectors.get(key, key), n) for key, n in found.by_sector.most_common()],
        "by_ward": [(wards.get(key, key), n) for key, n in found.by_ward.most_common()],
        "clashes_by_rule": [
            (label, found.clashes_found_by_rule[key]) for key, label in ClashRule.choices
        ],
    }
    return render(request, "events/indicators.html", context)
