"""The measures counted in registries that a plan indicator can take its values from.

The plan knows no registry: each registry app registers its measures here when Django
starts (in its AppConfig.ready), and an indicator whose source is a registry names one
by its key (`Indicator.registry`, whose choices are the measures registered). A measure
gives its values by year, optionally by ward or by sector in a year, and the address of
the records that make each year's value, so every value can be traced to them.

A key no registry registers (a registry app removed, a key mistyped in an import) gives
no values; the pages say so (`unknown_text`).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext

# Indicator.registry holds the key.
KEY_LENGTH = 32


@dataclass(frozen=True)
class Records:
    """The list of records that make a value: a page's URL name, the filters of its
    query, its arguments, and the permission that opens it (None: the page is public).
    A reader without that permission is told what is counted, not sent to a refusal."""

    url_name: str
    query: tuple[tuple[str, str], ...] = ()
    args: tuple[str | int, ...] = ()
    permission: str | None = None

    def open_to(self, user: Any) -> bool:
        return self.permission is None or bool(user.has_perm(self.permission))

    @property
    def url(self) -> str:
        address = reverse(self.url_name, args=self.args)
        return f"{address}?{urlencode(self.query)}" if self.query else address


# Values by year; values in one year by a ward's agency code or a sector key.
ByYear = Callable[[], dict[int, float]]
InYear = Callable[[int], dict[str, float]]


@dataclass(frozen=True)
class RegistryMeasure:
    key: str
    name: Promise
    unit: str
    # What is counted and how, said beside the numbers.
    description: Promise
    by_year: ByYear
    records: Callable[[int], Records] | None = None
    by_area: InYear | None = None
    by_sector: InYear | None = None
    # The sector keys' titles in the reader's language, for the breakdown by sector.
    sector_titles: Callable[[], dict[str, str]] | None = None
    # The models the measure reads ("app_label.Model"): a change to one renews the
    # public pages that show it.
    models: tuple[str, ...] = ()

    def split(self, dimension: str) -> InYear | None:
        return {"area": self.by_area, "sector": self.by_sector}.get(dimension)


_measures: dict[str, RegistryMeasure] = {}


def register(*measures: RegistryMeasure) -> None:
    """Adds measures; registering a key again replaces it (apps are made ready once per
    process, but a test may make them ready again)."""
    for measure in measures:
        if not 0 < len(measure.key) <= KEY_LENGTH:
            raise ValueError(f"{measure.key!r}: a measure's key has 1 to {KEY_LENGTH} characters")
        _measures[measure.key] = measure


def get(key: str) -> RegistryMeasure | None:
    return _measures.get(key)


def registered() -> list[RegistryMeasure]:
    return list(_measures.values())


def choices() -> list[tuple[str, Promise]]:
    """The choices of `Indicator.registry`: read when asked, so a new measure needs no
    migration."""
    return [(measure.key, measure.name) for measure in _measures.values()]


def unknown_text(key: str) -> str:
    return gettext(
        "No registry of this installation counts “%(key)s”, so this indicator has no "
        "values. Choose one of the registries' measures for it."
    ) % {"key": key}


def span(first: date | None, today: date) -> list[int]:
    """The years from the first record's to this one: the years a measure counted on a
    day (in force, recognised) has a value."""
    return list(range(first.year, today.year + 1)) if first else []


def year_end(year: int, today: date) -> date:
    """The day a year's stock is counted: its last day, or today in the current year."""
    return min(date(year, 12, 31), today)


def counted(items: Iterable[int]) -> dict[int, float]:
    """How many times each year occurs."""
    found: dict[int, float] = {}
    for year in items:
        found[year] = found.get(year, 0.0) + 1
    return dict(sorted(found.items()))
