"""The map of the wards: value added of a year by ward, at the wards' centroids.

No package ships ward boundaries (docs/domain.md §2), so the map is a scatter on
longitude/latitude axes, one bubble per ward at its agency's centroid; once an
administrator has uploaded an official GeoJSON (`boundaries`), the boundaries are
drawn beneath the bubbles. No tiles, nothing fetched from elsewhere.
"""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext

from cnvh.estimates.models import Estimate
from cnvh.plan.models import Agency
from cnvh.presentation.formatting import MoneyScale, money_scale
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


def chart(ward_map: WardMap) -> dict[str, Any]:
    """Data for the ward map, read by charts.js: [lon, lat, value, name, code] per ward."""
    scale = ward_map.scale
    return {
        "points": [
            [ward.longitude, ward.latitude, ward.value_added / scale.divisor, ward.name, ward.code]
            for ward in ward_map.placed
        ],
        "digits": scale.digits,
        "boundaries": ward_map.boundaries_url,
        "labels": {
            "values": gettext("Value added (%(unit)s)") % {"unit": scale.label},
            "longitude": gettext("Longitude"),
            "latitude": gettext("Latitude"),
        },
    }
