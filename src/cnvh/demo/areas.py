"""Hanoi's administrative units before and after 2025-07-01, from `vietnamadminunits`.

Old (2019-2024) data is keyed by the 30 former districts (3-digit GSO codes), new
(2025) data by the 126 wards and communes (5-digit GSO codes). Businesses are
placed in an old ward; the package's old→new mapping then says which new ward they
are in from 2025, so a business keeps its place across the reform.
"""

import json
import math
from collections import defaultdict
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from pathlib import Path

import vietnamadminunits
from vietnamadminunits.database import query

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


def _converter_data() -> dict[str, dict[str, object]]:
    path = Path(vietnamadminunits.__file__).parent / "data" / "converter_2025.json"
    data: dict[str, dict[str, object]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _new_ward_codes() -> dict[str, str]:
    rows = query(f"SELECT wardKey, wardCode FROM admin_units WHERE provinceCode = '{HANOI}'")
    return {row["wardKey"]: row["wardCode"] for row in rows}


def _old_to_new_keys() -> dict[str, list[str]]:
    """Old ward key → new ward keys (one unless the old ward was divided)."""
    data = _converter_data()
    undivided = data["DICT_PROVINCE_WARD_NO_DIVIDED"][HANOI_KEY]
    divided = data["DICT_PROVINCE_WARD_DIVIDED"][HANOI_KEY]
    assert isinstance(undivided, dict) and isinstance(divided, dict)
    mapping: dict[str, list[str]] = {}
    for new_key, old_keys in undivided.items():
        for old_key in old_keys:
            mapping.setdefault(old_key, []).append(new_key)
    for old_key, new_wards in divided.items():
        mapping[old_key] = sorted(ward["newWardKey"] for ward in new_wards)
    return mapping


@cache
def old_wards() -> tuple[OldWard, ...]:
    """The 526 wards of 2019-2024 Hanoi, sorted by GSO ward code."""
    rows = query(
        "SELECT districtKey, wardKey, districtCode, wardCode, wardLat, wardLon "
        f"FROM admin_units_legacy WHERE provinceCode = '{HANOI}' ORDER BY wardCode"
    )
    new_codes = _new_ward_codes()
    old_to_new = _old_to_new_keys()
    wards = []
    for row in rows:
        key = f"{HANOI_KEY}_{row['districtKey']}_{row['wardKey']}"
        new = tuple(sorted(new_codes[k] for k in old_to_new[key]))
        wards.append(OldWard(key, row["districtCode"], row["wardLat"], row["wardLon"], new))
    return tuple(wards)


@cache
def districts() -> tuple[str, ...]:
    """The 30 former district codes."""
    return tuple(sorted({ward.district for ward in old_wards()}))


@cache
def new_wards() -> tuple[str, ...]:
    """The 126 ward and commune codes in force from 2025-07-01."""
    return tuple(sorted(_new_ward_codes().values()))


def crosswalk() -> list[tuple[str, str, Fraction]]:
    """Old district → new ward weights, by counting the district's old wards.

    Each old ward counts 1, split equally among the new wards it was divided
    into; a district's weights are its counts ÷ its number of old wards, so they
    sum to exactly 1 (kept as fractions until they are written).
    """
    counts: dict[str, dict[str, Fraction]] = defaultdict(lambda: defaultdict(Fraction))
    totals: dict[str, int] = defaultdict(int)
    for ward in old_wards():
        totals[ward.district] += 1
        for new in ward.new_wards:
            counts[ward.district][new] += Fraction(1, len(ward.new_wards))
    return [
        (district, new, count / totals[district])
        for district in sorted(counts)
        for new, count in sorted(counts[district].items())
    ]
