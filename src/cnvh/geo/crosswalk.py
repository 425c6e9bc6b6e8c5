"""From the units before 2025-07-01 to today's: which new communes and wards each old
commune (and so each old district) went to, from `vietnamadminunits`'s converter.

Most old communes went whole into one new one; some were divided among several. The
package does not say how a divided commune's activity was shared, so it is shared
equally, and a district's weights count its old communes: both are assumptions that a
statistician with better weights (population, businesses) should replace.
"""

import csv
import json
from collections import defaultdict
from fractions import Fraction
from functools import cache
from pathlib import Path

import vietnamadminunits
from vietnamadminunits.database import query

from .units import HANOI, _digits

Crosswalk = list[tuple[str, str, Fraction]]  # (old code, new code, weight)


@cache
def _converter() -> dict[str, dict[str, dict[str, list[object]]]]:
    path = Path(vietnamadminunits.__file__).parent / "data" / "converter_2025.json"
    data: dict[str, dict[str, dict[str, list[object]]]] = json.loads(
        path.read_text(encoding="utf-8")
    )
    return data


def _province_key(province_code: str) -> str:
    rows = query(
        "SELECT DISTINCT provinceKey FROM admin_units "
        f"WHERE provinceCode = '{_digits(province_code)}'"
    )
    return str(rows[0]["provinceKey"])


def _new_codes(province_code: str) -> dict[str, str]:
    rows = query(
        f"SELECT wardKey, wardCode FROM admin_units WHERE provinceCode = '{_digits(province_code)}'"
    )
    return {str(row["wardKey"]): str(row["wardCode"]) for row in rows}


@cache
def _old_communes() -> dict[str, tuple[str, str]]:
    """Converter key of every old commune -> (its code, its district's code)."""
    rows = query(
        "SELECT provinceKey, districtKey, wardKey, wardCode, districtCode FROM admin_units_legacy"
    )
    communes = {
        f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey']}": (
            str(r["wardCode"]),
            str(r["districtCode"]),
        )
        for r in rows
    }
    # A district with no communes (an island district such as Côn Đảo) is its own unit.
    districts = {
        f"{r['provinceKey']}_{r['districtKey']}_": (str(r["districtCode"]), str(r["districtCode"]))
        for r in rows
    }
    return {**districts, **communes}


@cache
def successors(province_code: str = HANOI) -> dict[str, tuple[str, ...]]:
    """Old commune code -> the codes of the new communes its territory went to."""
    key = _province_key(province_code)
    data, new_codes, old = _converter(), _new_codes(province_code), _old_communes()
    mapping: dict[str, set[str]] = defaultdict(set)
    for new_key, old_keys in data["DICT_PROVINCE_WARD_NO_DIVIDED"].get(key, {}).items():
        for old_key in old_keys:
            mapping[old[str(old_key)][0]].add(new_codes[new_key])
    for old_key, parts in data["DICT_PROVINCE_WARD_DIVIDED"].get(key, {}).items():
        for part in parts:
            assert isinstance(part, dict)
            mapping[old[old_key][0]].add(new_codes[str(part["newWardKey"])])
    return {code: tuple(sorted(new)) for code, new in sorted(mapping.items())}


def commune_crosswalk(province_code: str = HANOI) -> Crosswalk:
    """Old commune -> new commune, a divided commune shared equally."""
    return [
        (old, new, Fraction(1, len(parts)))
        for old, parts in successors(province_code).items()
        for new in parts
    ]


def district_crosswalk(province_code: str = HANOI) -> Crosswalk:
    """Old district -> new commune, weighted by the district's old communes that went
    there (each counting 1, a divided one shared equally); weights sum to 1 exactly."""
    district_of = {code: district for code, district in _old_communes().values()}
    counts: dict[str, dict[str, Fraction]] = defaultdict(lambda: defaultdict(Fraction))
    totals: dict[str, int] = defaultdict(int)
    for old, parts in successors(province_code).items():
        district = district_of[old]
        totals[district] += 1
        for new in parts:
            counts[district][new] += Fraction(1, len(parts))
    return [
        (district, new, count / totals[district])
        for district in sorted(counts)
        for new, count in sorted(counts[district].items())
    ]


def write_crosswalk(rows: Crosswalk, path: Path) -> None:
    """As the engine reads it (--area-crosswalk): old_area, new_area, weight."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["old_area", "new_area", "weight"])
        for old, new, weight in rows:
            writer.writerow([old, new, repr(float(weight))])
