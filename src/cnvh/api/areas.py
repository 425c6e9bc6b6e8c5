"""Official administrative units (GSO codes), before and after the 2025-07-01 reform."""

from datetime import date
from typing import Any, Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from cnvh.api import auth
from cnvh.api.errors import ERRORS
from cnvh.api.pagination import PageMeta, PageQuery, meta, page
from cnvh.geo.units import (
    HANOI,
    REFORM,
    AdministrativeUnit,
    communes,
    former_communes,
    former_districts,
)

router = Router(tags=["areas"])


class AreaOut(Schema):
    code: str = Field(description="GSO code: 3 digits for a district, 5 for a commune or ward.")
    name: str
    level: Literal["district", "commune"]
    province_code: str
    latitude: float | None
    longitude: float | None
    valid_from: date | None = Field(description="Null: before the records begin.")
    valid_to: date | None = Field(description="Null: still in force.")


class AreaPage(PageMeta):
    items: list[AreaOut]


class AreaFilter(PageQuery):
    on: date | None = Field(
        None,
        ge=date(1900, 1, 1),
        le=date(9999, 12, 31),
        description="The units in force on this day (default: today). Before 2025-07-01: "
        "the districts and their communes; from then on: the communes and wards.",
    )
    level: Literal["district", "commune"] | None = None
    province: str = Field(HANOI, pattern=r"^[0-9]{2}$", description="GSO province code.")


@router.get(
    "/areas",
    response={200: AreaPage, **ERRORS},
    auth=auth.public,
    operation_id="listAreas",
    summary="Administrative units in force on a day",
    openapi_extra=auth.OPTIONAL,
)
def list_areas(request: HttpRequest, filters: Query[AreaFilter]) -> dict[str, Any]:
    day = filters.on or timezone.localdate()
    units: list[AdministrativeUnit]
    if day < REFORM:
        units = [*former_districts(filters.province), *former_communes(filters.province)]
    else:
        units = list(communes(filters.province))
    if filters.level:
        units = [unit for unit in units if unit.level == filters.level]
    total, found = page(units, filters)
    return {**meta(total, filters), "items": [_area(unit) for unit in found]}


def _area(unit: AdministrativeUnit) -> dict[str, Any]:
    return {
        "code": unit.code,
        "name": unit.name,
        "level": unit.level,
        "province_code": unit.province_code,
        "latitude": unit.lat,
        "longitude": unit.lon,
        "valid_from": unit.valid_from,
        "valid_to": unit.valid_to,
    }
