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

Refused events clash with nothing. Each clash found is stored once while it is open
(`Clash`); a clash that no longer holds after a move is resolved with a note saying so.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from cnvh.events.models import Clash, ClashRule, Event, Status, Venue
from cnvh.geo.distance import haversine_metres

IGNORED = (Status.REFUSED,)


@dataclass(frozen=True)
class Found:
    other: Event
    rule: str
    day: date
    distance_metres: int | None = None
    ward_id: int | None = None
    attendance: int | None = None

    @property
    def key(self) -> tuple[int, str]:
        return self.other.pk, self.rule


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
    """The events sharing a day with `event`, with their venues."""
    return list(
        Event.objects.filter(starts_on__lte=event.ends_on, ends_on__gte=event.starts_on)
        .exclude(pk=event.pk)
        .exclude(status__in=IGNORED)
        .select_related("venue")
        .order_by("starts_on", "pk")
    )


def detect(event: Event) -> list[Found]:
    """Every clash of `event` with the events on its days, by every rule."""
    if event.status in IGNORED:
        return []
    others = on_same_days(event)
    found: list[Found] = []
    for other in others:
        day = max(event.starts_on, other.starts_on)
        if other.venue_id == event.venue_id:
            if hours_overlap(event, other):
                found.append(Found(other, ClashRule.SAME_VENUE, day))
        else:
            apart = metres_between(event.venue, other.venue)
            if apart is not None and apart <= settings.CNVH_EVENT_CLASH_METRES:
                found.append(Found(other, ClashRule.NEARBY, day, distance_metres=round(apart)))
        if event.city_wide or other.city_wide:
            found.append(Found(other, ClashRule.CITY_WIDE, day))
    return found + crowded_ward(event, others)


def crowded_ward(event: Event, others: list[Event]) -> list[Found]:
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
                    Found(other, ClashRule.WARD_CROWD, day, ward_id=ward, attendance=total),
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
        key = (clash.other_id if clash.event_id == event.pk else clash.event_id, clash.rule)
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
