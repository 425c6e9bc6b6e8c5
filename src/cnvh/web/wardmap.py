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
from cnvh.presentation.formatting import MoneyScale, format_number, money_scale
from cnvh.web import boundaries

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


# Bubble diameters in pixels: the area, not the width, is proportional to the value, so
# a ward with four times the value added has twice the diameter.
SMALLEST, LARGEST = 4.0, 34.0
NAMED = 6  # the largest wards carry their name on the map
# On the map a name goes without its kind ("Phường Hoàn Kiếm" → "Hoàn Kiếm"): the centre
# of the city is crowded, and the table and tooltip give the full name.
KIND_WORDS = ("Phường ", "Xã ", "Ward ", "Commune ")


def map_label(name: str) -> str:
    for word in KIND_WORDS:
        if name.startswith(word):
            return name[len(word) :]
    return name


def diameter(value: float, largest: float) -> float:
    if largest <= 0 or value <= 0:
        return 3.0
    return SMALLEST + (LARGEST - SMALLEST) * math.sqrt(value / largest)


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
        (format_number(step / scale.divisor, None), round(diameter(step, largest), 1))
        for step in steps
    ]


def outline(wards: list[WardValue]) -> list[list[float]]:
    """The convex hull of the ward centres (Andrew's monotone chain), closed: drawn
    faintly so the bubbles sit in the city's shape when no boundaries were uploaded. It
    is labelled as what it is, never as a boundary."""
    points = sorted(
        {
            (ward.longitude, ward.latitude)
            for ward in wards
            if ward.longitude is not None and ward.latitude is not None
        }
    )
    if len(points) < 3:
        return []

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    def half(ordered: list[tuple[float, float]]) -> list[tuple[float, float]]:
        chain: list[tuple[float, float]] = []
        for point in ordered:
            while len(chain) >= 2 and cross(chain[-2], chain[-1], point) <= 0:
                chain.pop()
            chain.append(point)
        return chain

    hull = half(points)[:-1] + half(points[::-1])[:-1]
    return [[lon, lat] for lon, lat in [*hull, hull[0]]]


def chart(ward_map: WardMap) -> dict[str, Any]:
    """Data for the ward map, read by charts.js: [lon, lat, value, name, code, diameter,
    label] per ward (the label empty but for the largest), and the outline of the centres."""
    scale = ward_map.scale
    largest = max((ward.value_added for ward in ward_map.placed), default=0.0)
    return {
        "points": [
            [
                ward.longitude,
                ward.latitude,
                ward.value_added / scale.divisor,
                ward.name,
                ward.code,
                round(diameter(ward.value_added, largest), 1),
                map_label(ward.name) if rank < NAMED else "",
            ]
            for rank, ward in enumerate(ward_map.placed)
        ],
        "digits": scale.digits,
        "boundaries": ward_map.boundaries_url,
        "outline": [] if ward_map.boundaries_url else outline(ward_map.placed),
        "labels": {
            "values": gettext("Value added (%(unit)s)") % {"unit": scale.label},
            "longitude": gettext("Longitude"),
            "latitude": gettext("Latitude"),
            "outline": gettext("Area spanned by the ward centres (not a boundary)"),
        },
    }
