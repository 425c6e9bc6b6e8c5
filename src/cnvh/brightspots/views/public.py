"""The public page of recognised models: no login. Each ward's recognised models as a
bubble on the ward map (drawn like the overview's, by charts.js), the models with
their replications, and the registry's indicators."""

from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cnvh.brightspots import indicators
from cnvh.brightspots.models import BrightSpot, Level, sector_choices
from cnvh.brightspots.views import tables
from cnvh.plan.models import Agency
from cnvh.presentation import boundaries, bubbles
from cnvh.presentation.parameters import parse_year
from cnvh.presentation.tables import table_response
from cnvh.presentation.tables.csv_file import requested_format


def map_data(models: list[BrightSpot]) -> dict[str, Any]:
    """The ward map's data: a bubble per ward, sized by its recognised models."""
    wards: dict[int, tuple[Agency, int]] = {}
    for spot in models:
        if spot.ward is not None:
            agency, count = wards.get(spot.ward.pk, (spot.ward, 0))
            wards[spot.ward.pk] = (agency, count + 1)
    return bubbles.chart(
        [
            bubbles.Bubble(
                longitude=agency.longitude,
                latitude=agency.latitude,
                value=count,
                shown=count,
                name=agency.label,
                code=agency.code,
            )
            for agency, count in wards.values()
            if agency.longitude is not None and agency.latitude is not None
        ],
        values_label=_("Recognised models"),
        digits=0,
        boundaries_url=boundaries.url(),
    )


def rows(counts: dict[Any, int], titles: dict[Any, str]) -> list[tuple[str, int]]:
    return sorted(
        ((titles.get(key, str(key)), count) for key, count in counts.items()),
        key=lambda row: (-row[1], row[0]),
    )


@require_GET
def public(request: HttpRequest) -> HttpResponse:
    everything = list(indicators.recognised_models())
    models, year = _counted_in_year(request, everything)
    if file_format := requested_format(request):
        # The public file: no person named, no score (`tables.spot_table` with no user).
        return table_response(
            tables.spot_table(models, None, request.build_absolute_uri()), file_format
        )
    figures = indicators.compute(timezone.localdate())
    wards = {spot.ward_id: spot.ward.label for spot in models if spot.ward}
    wards[None] = _("No ward")
    context = {
        "models": models,
        "counted": year,
        "figures": figures,
        "by_level": rows(figures.by_level, {key: str(label) for key, label in Level.choices}),
        "by_sector": rows(figures.by_sector, dict(sector_choices())),
        "by_ward": rows(figures.by_ward, wards),
        "map": map_data(everything),
        "placed": any(spot.ward and spot.ward.latitude is not None for spot in everything),
    }
    return render(request, "brightspots/public.html", context)


def _counted_in_year(
    request: HttpRequest, models: list[BrightSpot]
) -> tuple[list[BrightSpot], dict[str, Any] | None]:
    """The models a plan indicator counted in a year (the indicator pages link here):
    those recognised in it, or taken up somewhere in it."""
    for parameter, chosen in (
        ("recognised_in", indicators.recognised_models_in),
        ("replicated_in", _replicated_in),
    ):
        year = parse_year(request.GET.get(parameter))
        if year:
            keep = set(chosen(date(year, 1, 1), date(year, 12, 31)).values_list("pk", flat=True))
            return [spot for spot in models if spot.pk in keep], {"what": parameter, "year": year}
    return models, None


def _replicated_in(start: date, end: date) -> Any:
    return BrightSpot.objects.filter(pk__in=indicators.replications_in(start, end).values("spot"))
