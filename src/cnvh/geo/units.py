"""Official administrative units from `vietnamadminunits` (GSO codes).

On 2025-07-01 Vietnam abolished the district level: Hanoi went from 30 districts
and 526 communes to 126 communes and wards directly under the city. Data before the
reform is keyed by the old units, data after it by the new ones.
"""

from dataclasses import dataclass
from datetime import date
from functools import cache

from vietnamadminunits.database import query

REFORM = date(2025, 7, 1)
HANOI = "01"


@dataclass(frozen=True)
class AdministrativeUnit:
    code: str  # GSO code: 3 digits for a district, 5 for a commune or ward
    name: str
    level: str  # "district" or "commune"
    province_code: str
    lat: float | None
    lon: float | None
    valid_from: date | None  # None: before the records begin
    valid_to: date | None  # None: still in force


def _commune(
    row: dict[str, object], valid_from: date | None, valid_to: date | None
) -> AdministrativeUnit:
    lat, lon = row.get("wardLat"), row.get("wardLon")
    return AdministrativeUnit(
        code=str(row["wardCode"]),
        name=str(row["ward"]),
        level="commune",
        province_code=str(row["provinceCode"]),
        lat=float(str(lat)) if lat is not None else None,
        lon=float(str(lon)) if lon is not None else None,
        valid_from=valid_from,
        valid_to=valid_to,
    )


@cache
def communes(province_code: str = HANOI) -> tuple[AdministrativeUnit, ...]:
    """Today's communes and wards of a province (126 for Hanoi), by code."""
    rows = query(
        "SELECT provinceCode, ward, wardCode, wardLat, wardLon FROM admin_units "
        f"WHERE provinceCode = '{_digits(province_code)}' ORDER BY wardCode"
    )
    return tuple(_commune(row, REFORM, None) for row in rows)


@cache
def former_districts(province_code: str = HANOI) -> tuple[AdministrativeUnit, ...]:
    """The districts until 2025-06-30 (30 for Hanoi), by code."""
    rows = query(
        "SELECT provinceCode, district, districtCode, districtLat, districtLon "
        f"FROM admin_units_legacy WHERE provinceCode = '{_digits(province_code)}' "
        "GROUP BY provinceCode, district, districtCode, districtLat, districtLon "
        "ORDER BY districtCode"
    )
    return tuple(
        AdministrativeUnit(
            code=str(row["districtCode"]),
            name=str(row["district"]),
            level="district",
            province_code=str(row["provinceCode"]),
            lat=float(str(row["districtLat"])) if row["districtLat"] is not None else None,
            lon=float(str(row["districtLon"])) if row["districtLon"] is not None else None,
            valid_from=None,
            valid_to=date(2025, 6, 30),
        )
        for row in rows
    )


@cache
def former_communes(province_code: str = HANOI) -> tuple[AdministrativeUnit, ...]:
    """The communes and wards until 2025-06-30 (526 for Hanoi), by code."""
    rows = query(
        "SELECT provinceCode, ward, wardCode, wardLat, wardLon FROM admin_units_legacy "
        f"WHERE provinceCode = '{_digits(province_code)}' ORDER BY wardCode"
    )
    return tuple(_commune(row, None, date(2025, 6, 30)) for row in rows)


@cache
def official_codes() -> frozenset[str]:
    """Every commune and district code of the whole country, before and after the
    reform: what an area code in statistical data may be."""
    rows = query(
        "SELECT wardCode AS code FROM admin_units "
        "UNION SELECT wardCode FROM admin_units_legacy "
        "UNION SELECT districtCode FROM admin_units_legacy"
    )
    return frozenset(str(row["code"]) for row in rows)


def _digits(code: str) -> str:
    if not code.isdigit():
        raise ValueError(f"not a GSO code: {code!r}")
    return code
