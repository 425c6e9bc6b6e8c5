"""Wards and communes of an address: today's units (since 2025-07-01). An address of
before the reform, written with its former commune's code, is carried to today's unit
through the crosswalk of `cnvh.geo`, when the whole former commune went to one unit."""

from dataclasses import dataclass
from functools import cache

from cnvh.geo.crosswalk import successors
from cnvh.geo.units import communes, former_communes


@dataclass(frozen=True)
class WardFound:
    code: str | None  # today's unit, None when it cannot be told
    converted_from: str = ""  # the former commune's code, when converted
    candidates: tuple[str, ...] = ()  # today's units a divided commune went to


@cache
def ward_names() -> dict[str, str]:
    """Today's units of Hanoi: code -> name."""
    return {unit.code: unit.name for unit in communes()}


@cache
def _former() -> frozenset[str]:
    return frozenset(unit.code for unit in former_communes())


def ward_name(code: str) -> str:
    return ward_names().get(code, code)


def ward_choices() -> list[tuple[str, str]]:
    return sorted(ward_names().items(), key=lambda item: item[1])


def find_ward(written: str) -> WardFound:
    """Today's unit for a code written in a file or a form: today's code as it is, a
    former commune's code converted, else nothing."""
    code = (written or "").strip()
    if code.isdigit() and len(code) < 5:
        code = code.zfill(5)
    if code in ward_names():
        return WardFound(code)
    if code in _former():
        new = successors().get(code, ())
        if len(new) == 1:
            return WardFound(new[0], converted_from=code)
        return WardFound(None, converted_from=code, candidates=new)
    return WardFound(None)
