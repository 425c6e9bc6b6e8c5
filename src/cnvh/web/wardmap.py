"""The map of the wards: value added of a year by ward, at the wards' centroids.

No package ships ward boundaries (docs/domain.md §2), so the map is a scatter on
longitude/latitude axes, one bubble per ward at its agency's centroid; once an
administrator has uploaded an official GeoJSON (`boundaries`), the boundaries are
drawn beneath the bubbles. No tiles, nothing fetched from elsewhere.
"""

import math
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext

from cnvh.estimates.models import Estimate
from cnvh.plan.models import Agency
from cnvh.presentation import boundaries, bubbles
from cnvh.presentation.formatting import MoneyScale, format_number, money_scale

WARD_KINDS = (Agency.Kind.WARD, Agency.Kind.COMMUNE)


@dataclass(frozen=True)
class WardValue:
    code: str
    name: str
    agency_code: str | None
    value_added: float
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True)
class WardMap:
    estimate: Estimate
    year: int
    wards: list[WardValue]  # largest first
    scale: MoneyScale
    boundaries_url: str | None

    @property
    def placed(self) -> list[WardValue]:
        return [ward for ward in self.wards if ward.latitude is not None]

    @property
    def unplaced(self) -> int:
        return len(self.wards) - len(self.placed)


def ward_map(estimate: Estimate, year: int) -> WardMap | None:
    """The estimate's scope totals by ward in `year`, or None if it has none."""
    rows = estimate.rows.filter(year=year, sector__isnull=True, area__isnull=False)
    values = {str(area): value for area, value in rows.values_list("area", "value_added")}
    if not values:
        return None
    agencies = {
        agency.unit_code: agency
        for agency in Agency.objects.filter(kind__in=WARD_KINDS, unit_code__in=list(values))
    }
    wards = []
    for code, value in values.items():
        agency = agencies.get(code)
        wards.append(
            WardValue(
                code=code,
                name=agency.label if agency else code,
                agency_code=agency.code if agency else None,
                value_added=value,
                latitude=agency.latitude if agency else None,
                longitude=agency.longitude if agency else None,
            )
        )
    wards.sort(key=lambda ward: ward.value_added, reverse=True)
    return WardMap(
        estimate=estimate,
        year=year,
        wards=wards,
        scale=money_scale(values.values(), estimate.unit),
        boundaries_url=boundaries.url(),
    )


def round_down(value: float) -> float:
    """The largest of 1, 2 or 5 times a power of ten not above `value`: a legend's step."""
    if value <= 0:
        return 0.0
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (5, 2, 1) if step * power <= value)


def size_legend(ward_map: WardMap) -> list[tuple[str, float]]:
    """Three reference bubbles (value shown in the map's scale, diameter), largest first."""
    scale = ward_map.scale
    largest = max((ward.value_added for ward in ward_map.placed), default=0.0)
    steps = sorted({round_down(largest / share) for share in (1, 4, 16)} - {0.0}, reverse=True)
    # Round steps, so shown whole: "2", "500" rather than "2,00".
    return [
        (format_number(step / scale.divisor, None), round(bubbles.diameter(step, largest), 1))
        for step in steps
    ]


def chart(ward_map: WardMap) -> dict[str, Any]:
    """Data for the ward map, read by charts.js (presentation/bubbles.py)."""
    scale = ward_map.scale
    return bubbles.chart(
        [
            bubbles.Bubble(
                longitude=ward.longitude,
                latitude=ward.latitude,
                value=ward.value_added,
                shown=ward.value_added / scale.divisor,
                name=ward.name,
                code=ward.code,
            )
            for ward in ward_map.placed
            if ward.longitude is not None and ward.latitude is not None
        ],
        values_label=gettext("Value added (%(unit)s)") % {"unit": scale.label},
        digits=scale.digits,
        boundaries_url=ward_map.boundaries_url,
    )
