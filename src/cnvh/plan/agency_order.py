"""Agencies in the order people look for them: the city and its departments first,
then the wards, the communes and the rest, each group in Vietnamese dictionary order
(`cnvh.stats.text.vietnamese_sort_key`, the one sort key for Vietnamese names)."""

from collections.abc import Iterable
from typing import Any

from django.utils.translation import pgettext_lazy

from cnvh.plan.models import Agency
from cnvh.stats.text import vietnamese_sort_key

# The groups of a picker and of the agencies list, in their order.
GROUPS: list[tuple[str, Any, tuple[str, ...]]] = [
    (
        "city",
        pgettext_lazy("agency group", "City and departments"),
        (Agency.Kind.CITY_COMMITTEE, Agency.Kind.DEPARTMENT),
    ),
    ("ward", pgettext_lazy("agency group", "Wards"), (Agency.Kind.WARD,)),
    ("commune", pgettext_lazy("agency group", "Communes"), (Agency.Kind.COMMUNE,)),
    (
        "other",
        pgettext_lazy("agency group", "Other bodies"),
        (Agency.Kind.OTHER, Agency.Kind.DISTRICT),
    ),
]
_GROUP_OF = {kind: rank for rank, (_key, _label, kinds) in enumerate(GROUPS) for kind in kinds}
# Within the first group the city's committee comes before the departments.
_KIND_RANK: dict[str, int] = {Agency.Kind.CITY_COMMITTEE: 0}


def agency_sort_key(agency: Agency) -> tuple[int, int, Any]:
    return (
        _GROUP_OF.get(agency.kind, len(GROUPS)),
        _KIND_RANK.get(agency.kind, 1),
        vietnamese_sort_key(agency.name_vi),
    )


def in_order(agencies: Iterable[Agency]) -> list[Agency]:
    return sorted(agencies, key=agency_sort_key)


def grouped(agencies: Iterable[Agency]) -> list[tuple[str, Any, list[Agency]]]:
    """(key, label, agencies) for each group that has any, in order."""
    ordered = in_order(agencies)
    found = []
    for rank, (key, label, _kinds) in enumerate(GROUPS):
        members = [agency for agency in ordered if _GROUP_OF.get(agency.kind) == rank]
        if members:
            found.append((key, label, members))
    return found


def grouped_choices(agencies: Iterable[Agency]) -> list[tuple[Any, list[tuple[int, str]]]]:
    """Choices for a select or a checkbox list, grouped and in order."""
    return [
        (label, [(agency.pk, agency.name) for agency in members])
        for _key, label, members in grouped(agencies)
    ]
