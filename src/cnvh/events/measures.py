"""The events register's counts as measures a plan indicator can take (see
`cnvh.plan.registry_measures`), each computed by `cnvh.events.indicators` for a
calendar year. A year has a value from the first year an event starts in to the latest."""

from collections.abc import Callable
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cnvh.events import indicators
from cnvh.events.models import Clearance, Event, sector_choices
from cnvh.plan.registry_measures import Records, RegistryMeasure

MODELS = ("events.Event", "events.Clearance")


def in_year(year: int) -> indicators.Indicators:
    return indicators.compute(date(year, 1, 1), date(year, 12, 31), timezone.localdate())


def _event_years() -> list[int]:
    return sorted({day.year for day in Event.objects.dates("starts_on", "year")})


def _each_year(count: Callable[[indicators.Indicators], float | None]) -> dict[int, float]:
    found = {}
    for year in _event_years():
        value = count(in_year(year))
        if value is not None:
            found[year] = value
    return found


def held() -> dict[int, float]:
    return _each_year(lambda found: float(found.held))


def late_filings() -> dict[int, float]:
    return _each_year(lambda found: float(found.late_filings))


def views_on_time() -> dict[int, float]:
    """In percent; a year without a view due (or past due) has no value."""
    years = sorted({day.year for day in Clearance.objects.dates("due_on", "year")})
    found = {}
    for year in years:
        share = in_year(year).on_time_share
        if share is not None:
            found[year] = share * 100
    return found


def _records(counted: str) -> Callable[[int], Records]:
    return lambda year: Records(
        "events-list",
        (("counted", counted), ("year", str(year))),
        permission="events.view_events",
    )


MEASURES = (
    RegistryMeasure(
        key="events_held",
        name=_("Cultural events held"),
        unit="events",
        description=_(
            "Counted in the events register: events held (or held and reported) whose "
            "first day falls in the year; by the ward of the venue and by the sectors of "
            "the event (an event of two sectors counts in each)."
        ),
        by_year=held,
        records=_records(indicators.HELD),
        by_area=lambda year: {key: float(n) for key, n in in_year(year).by_ward.items()},
        by_sector=lambda year: {key: float(n) for key, n in in_year(year).by_sector.items()},
        sector_titles=lambda: dict(sector_choices()),
        models=MODELS,
    ),
    RegistryMeasure(
        key="events_views_on_time",
        name=_("Clearance views given within the legal window"),
        unit="%",
        description=_(
            "Counted in the events register: of the agencies' views due in the year (given, "
            "or past their due day without an answer), the share given by their due day. "
            "Views still within their window are not counted."
        ),
        by_year=views_on_time,
        records=_records(indicators.VIEWS),
        models=MODELS,
    ),
    RegistryMeasure(
        key="events_late_filings",
        name=_("Event files that came late"),
        unit="files",
        description=_(
            "Counted in the events register: files that missed their procedure's lead time, "
            "of the events whose first day falls in the year, whatever became of them."
        ),
        by_year=late_filings,
        records=_records(indicators.LATE),
        models=MODELS,
    ),
)
