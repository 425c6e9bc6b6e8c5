"""Hanoi's administrative units before and after 2025-07-01, from `vietnamadminunits`.

Old (2019-2024) data is keyed by the 30 former districts (3-digit GSO codes), new
(2025) data by the 126 wards and communes (5-digit GSO codes). Businesses are
placed in an old ward; the package's old→new mapping then says which new ward they
are in from 2025, so a business keeps its place across the reform.
"""

import math
from dataclasses import dataclass
from fractions import Fraction
from functools import cache

from vietnamadminunits.database import query

from cnvh.geo.crosswalk import district_crosswalk, successors
from cnvh.geo.units import communes, former_districts

HANOI = "01"
HANOI_KEY = "thanhphohanoi"
# Hoàn Kiếm Lake: the distance from it decides how dense business is in a ward.
CENTRE = (21.0285, 105.8522)


@dataclass(frozen=True)
class OldWard:
    key: str  # "thanhphohanoi_<district key>_<ward key>", the converter's key
    district: str  # 3-digit district code
    lat: float
    lon: float
    new_wards: tuple[str, ...]  # 5-digit codes of the new wards its territory went to

    @property
    def km_from_centre(self) -> float:
        # Equirectangular approximation: good to metres over a city.
        dy = (self.lat - CENTRE[0]) * 111.32
        dx = (self.lon - CENTRE[1]) * 111.32 * math.cos(math.radians(CENTRE[0]))
        return math.hypot(dx, dy)


@cache
def old_wards() -> tuple[OldWard, ...]:
    """The 526 wards of 2019-2024 Hanoi, sorted by GSO ward code."""
    rows = query(
        "SELECT districtKey, wardKey, districtCode, wardCode, wardLat, wardLon "
        f"FROM admin_units_legacy WHERE provinceCode = '{HANOI}' ORDER BY wardCode"
    )
    went_to = successors(HANOI)
    return tuple(
        OldWard(
            f"{HANOI_KEY}_{row['districtKey']}_{row['wardKey']}",
            row["districtCode"],
            row["wardLat"],
            row["wardLon"],
            went_to[row["wardCode"]],
        )
        for row in rows
    )


@cache
def districts() -> tuple[str, ...]:
    """The 30 former district codes."""
    return tuple(district.code for district in former_districts(HANOI))


@cache
def new_wards() -> tuple[str, ...]:
    """The 126 ward and commune codes in force from 2025-07-01."""
    return tuple(commune.code for commune in communes(HANOI))


def crosswalk() -> list[tuple[str, str, Fraction]]:
    """Old district → new ward weights (see cnvh.geo.crosswalk for how they are made)."""
    return district_crosswalk(HANOI)
