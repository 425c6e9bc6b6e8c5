"""Clash detection: when an event is filed or moved, the other events on its days that
clash with it, by four rules:

- **same venue**: at the same venue on a day in common, at hours that overlap (an event
  without hours takes the whole day);
- **nearby**: at another venue no farther than `CNVH_EVENT_CLASH_METRES` (300 m unless
  set), measured by the haversine formula between the venues' coordinates, on a day in
  common (venues without coordinates are not compared);
- **ward crowd**: on some day more people expected in one ward than
  `CNVH_EVENT_WARD_DAY_LIMIT` (20,000 unless set), each event counting its expected
  attendance spread evenly over its days; every event there that day is in the clash;
- **city-wide**: either event is marked city-wide, and they share a day.

A yearly event is checked in its next year too (`LATER_YEARS`): its occurrence then, by
its lunar date when it was given by one (the same month's day in the next lunar year,
the ordinary month when the first was a leap month), is compared with the events filed
for those days and with the occurrences of the other yearly events; the clash stored
says which year's occurrence clashes. Refused events clash with nothing. Each clash
found is stored once while it is open (`Clash`); a clash that no longer holds after a
move is resolved with a note saying so.
"""

import copy
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from cnvh.calendar import lunar
from cnvh.events.models import Clash, ClashRule, Event, Status, Venue
from cnvh.geo.distance import haversine_metres

IGNORED = (Status.REFUSED,)
# The later years in which a yearly event is checked for clashes.
LATER_YEARS = 1


@dataclass(frozen=True)
class Found:
    other: Event
    rule: str
    day: date
    occurrence_year: int | None = None  # of a later occurrence; None: the dates as filed
    distance_metres: int | None = None
    ward_id: int | None = None
    attendance: int | None = None

    @property
    def key(self) -> tuple[int, str, int | None]:
        return self.other.pk, self.rule, self.occurrence_year


def metres_between(a: Venue, b: Venue) -> float | None:
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return None
    return haversine_metres(
        float(a.latitude), float(a.longitude), float(b.latitude), float(b.longitude)
    )


def hours_overlap(a: Event, b: Event) -> bool:
    if None in (a.starts_at, a.ends_at, b.starts_at, b.ends_at):
        return True
    return a.starts_at < b.ends_at and b.starts_at < a.ends_at  # type: ignore[operator]


def on_same_days(event: Event) -> list[Event]:
    """The events sharing a day with `event` (as filed, or one of its later occurrences),
    with their venues: those filed for those days, and the later occurrences of the
    yearly events filed before that fall on them."""
    filed = list(
        Event.objects.filter(starts_on__lte=event.ends_on, ends_on__gte=event.starts_on)
        .exclude(pk=event.pk)
        .exclude(status__in=IGNORED)
        .select_related("venue")
        .order_by("starts_on", "pk")
    )
    seen = {other.pk for other in filed} | {event.pk}
    yearly = (
        Event.objects.filter(recurs_yearly=True, starts_on__lt=event.starts_on)
        .exclude(pk__in=seen)
        .exclude(status__in=IGNORED)
        .select_related("venue")
        .order_by("starts_on", "pk")
    )
    return filed + [held for other in yearly if (held := held_during(other, event))]


def held_during(yearly: Event, event: Event) -> Event | None:
    """The later occurrence of `yearly` that shares a day with `event`, if one does."""
    years = event.starts_on.year - yearly.starts_on.year
    for later in range(max(years - 1, 1), years + 2):
        held = occurrence(yearly, later)
        if held and held.starts_on <= event.ends_on and held.ends_on >= event.starts_on:
            return held
    return None


def occurrence(event: Event, years_later: int) -> Event | None:
    """`event` as held `years_later` years after its filed dates (unsaved, the same pk),
    by its lunar date when it was given by one; None when that lunar day does not exist
    that year (a 30th in a month of 29 days)."""
    if event.lunar_day and event.lunar_month:
        try:
            lunar_year = lunar.to_lunar(event.starts_on).year + years_later
            first = lunar.to_solar(event.lunar_day, event.lunar_month, lunar_year)
        except lunar.LunarDateError:
            return None
    else:
        year = event.starts_on.year + years_later
        try:
            first = event.starts_on.replace(year=year)
        except ValueError:  # 29 February, in a year without it
            first = date(year, 2, 28)
    held = copy.copy(event)
    held.starts_on, held.ends_on = first, first + (event.ends_on - event.starts_on)
    return held


def detect(event: Event) -> list[Found]:
    """Every clash of `event` with the events on its days, by every rule; for a yearly
    event, on the days of its next occurrences too."""
    if event.status in IGNORED:
        return []
    found = clashes_on(event, None)
    if event.recurs_yearly:
        for later in range(1, LATER_YEARS + 1):
            if held := occurrence(event, later):
                found += clashes_on(held, held.starts_on.year)
    return found


def clashes_on(event: Event, year: int | None) -> list[Found]:
    """The clashes of `event` on its days (those of its occurrence of `year`)."""
    others = on_same_days(event)
    found: list[Found] = []
    for other in others:
        day = max(event.starts_on, other.starts_on)
        if other.venue_id == event.venue_id:
            if hours_overlap(event, other):
                found.append(Found(other, ClashRule.SAME_VENUE, day, year))
        else:
            apart = metres_between(event.venue, other.venue)
            if apart is not None and apart <= settings.CNVH_EVENT_CLASH_METRES:
                found.append(
                    Found(other, ClashRule.NEARBY, day, year, distance_metres=round(apart))
                )
        if event.city_wide or other.city_wide:
            found.append(Found(other, ClashRule.CITY_WIDE, day, year))
    return found + crowded_ward(event, others, year)


def crowded_ward(event: Event, others: list[Event], year: int | None = None) -> list[Found]:
    """The events of the ward of `event` on the first of its days when more people are
    expected there than the limit."""
    ward = event.venue.ward_id
    in_ward = [other for other in others if other.venue.ward_id == ward]
    found: dict[int, Found] = {}
    day = event.starts_on
    while in_ward and day <= event.ends_on:
        there = [other for other in in_ward if other.starts_on <= day <= other.ends_on]
        total = event.daily_attendance + sum(other.daily_attendance for other in there)
        if there and total > settings.CNVH_EVENT_WARD_DAY_LIMIT:
            for other in there:
                found.setdefault(
                    other.pk,
                    Found(other, ClashRule.WARD_CROWD, day, year, ward_id=ward, attendance=total),
                )
        day += timedelta(days=1)
    return list(found.values())


def open_clashes_of(event: Event) -> list[Clash]:
    return list(Clash.objects.filter(Q(event=event) | Q(other=event), resolved_on__isnull=True))


def record(event: Event, on: date, user: Any) -> list[Clash]:
    """Stores the clashes of `event` found on `on` that are not open already, and
    resolves those of its open clashes that no longer hold (after a move). Runs inside
    the step's transaction. Returns the clashes stored."""
    found = {item.key: item for item in detect(event)}
    stored: list[Clash] = []
    for clash in open_clashes_of(event):
        other = clash.other_id if clash.event_id == event.pk else clash.event_id
        key = (other, clash.rule, clash.occurrence_year)
        if found.pop(key, None) is None:
            clash.resolved_on, clash.resolved_by = on, user
            clash.resolution = _("No longer a clash: %(event)s was moved on %(day)s.") % {
                "event": event.title,
                "day": f"{on:%d/%m/%Y}",
            }
            clash._history_user = user  # type: ignore[attr-defined]
            clash.save()
    for item in found.values():
        clash = Clash(
            event=event,
            other=item.other,
            rule=item.rule,
            day=item.day,
            occurrence_year=item.occurrence_year,
            distance_metres=item.distance_metres,
            ward_id=item.ward_id,
            attendance=item.attendance,
            found_on=on,
            found_by=user,
        )
        clash._history_user = user  # type: ignore[attr-defined]
        clash.save()
        stored.append(clash)
    return stored
