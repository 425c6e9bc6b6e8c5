"""The events register's indicators, computed from its records (never typed): events
held by kind, sector, ward and month in a period, the share of views given on time, the
decisions given within their legal window and the median working days from a complete
file to its decision, the files filed after the procedure's lead time, the attendance
reported, and the clashes between events found and resolved. The events list shows the
records of each count (`counted_in`)."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from statistics import median

from django.db.models import QuerySet

from cnvh.events.models import HELD_STATUSES, Clash, Clearance, Event
from cnvh.procedures.deadlines import working_calendar


@dataclass
class Indicators:
    starts_on: date
    ends_on: date
    held: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    by_sector: Counter[str] = field(default_factory=Counter)
    by_ward: Counter[str] = field(default_factory=Counter)
    by_month: Counter[date] = field(default_factory=Counter)  # the month's first day
    views_due: int = 0
    views_on_time: int = 0
    decisions: int = 0
    decisions_on_time: int = 0
    median_days_to_decision: float | None = None
    filed: int = 0
    late_filings: int = 0
    attendance: int = 0
    attendance_reported: int = 0
    clashes_found: int = 0
    clashes_found_by_rule: Counter[str] = field(default_factory=Counter)
    clashes_resolved: int = 0

    @property
    def on_time_share(self) -> float | None:
        """Views given by their due date ÷ views due (answered, or past due unanswered)."""
        return self.views_on_time / self.views_due if self.views_due else None

    @property
    def decisions_on_time_share(self) -> float | None:
        """Decisions dated by their due day ÷ decisions given."""
        return self.decisions_on_time / self.decisions if self.decisions else None

    @property
    def late_filing_share(self) -> float | None:
        return self.late_filings / self.filed if self.filed else None


# What the events list shows for each count (`?counted=...&year=...`).
HELD, LATE, VIEWS = "held", "late", "views"


def held_in(starts_on: date, ends_on: date) -> QuerySet[Event]:
    """Events held (or reported) whose first day falls in the period."""
    return Event.objects.filter(
        status__in=HELD_STATUSES, starts_on__gte=starts_on, starts_on__lte=ends_on
    )


def filed_in(starts_on: date, ends_on: date) -> QuerySet[Event]:
    """Files received in the period (whatever became of them)."""
    return Event.objects.filter(filed_on__gte=starts_on, filed_on__lte=ends_on)


def late_in(starts_on: date, ends_on: date) -> QuerySet[Event]:
    """Files received in the period after their procedure's lead time (the flag
    `workflow.file_event` sets from the deadline in force on the filing day)."""
    return filed_in(starts_on, ends_on).filter(late_filing=True)


def views_due_in(starts_on: date, ends_on: date) -> QuerySet[Clearance]:
    return Clearance.objects.filter(due_on__gte=starts_on, due_on__lte=ends_on)


def counted_in(counted: str, starts_on: date, ends_on: date) -> QuerySet[Event]:
    """The events a count of the period is made of: held, filed late, or with a view due."""
    if counted == HELD:
        return held_in(starts_on, ends_on)
    if counted == LATE:
        return late_in(starts_on, ends_on)
    views = views_due_in(starts_on, ends_on).values("event")
    return Event.objects.filter(pk__in=views)


def compute(starts_on: date, ends_on: date, today: date) -> Indicators:
    """The indicators of the events whose first day, the views whose due day, the
    decisions whose date and the files whose filing date fall in [starts_on, ends_on]."""
    found = Indicators(starts_on, ends_on)
    for event in held_in(starts_on, ends_on).select_related("venue__ward"):
        found.held += 1
        found.by_kind[event.kind] += 1
        found.by_ward[event.venue.ward.code] += 1
        found.by_month[event.starts_on.replace(day=1)] += 1
        found.by_sector.update(event.sectors or [])
        if event.actual_attendance is not None:
            found.attendance += event.actual_attendance
            found.attendance_reported += 1
    _views(found, today)
    _decisions(found)
    _filings(found)
    _clashes(found)
    return found


def _clashes(found: Indicators) -> None:
    """Clashes found in the period (by rule), and clashes resolved in it (whenever
    found)."""
    first, last = found.starts_on, found.ends_on
    new = Clash.objects.filter(found_on__gte=first, found_on__lte=last)
    found.clashes_found_by_rule.update(new.values_list("rule", flat=True))
    found.clashes_found = sum(found.clashes_found_by_rule.values())
    resolved = Clash.objects.filter(resolved_on__gte=first, resolved_on__lte=last)
    found.clashes_resolved = resolved.count()


def _views(found: Indicators, today: date) -> None:
    due = views_due_in(found.starts_on, found.ends_on)
    for answered_on, due_on in due.values_list("answered_on", "due_on"):
        if answered_on is None and due_on >= today:
            continue  # still within its window: neither on time nor late yet
        found.views_due += 1
        if answered_on is not None and answered_on <= due_on:
            found.views_on_time += 1


def _decisions(found: Indicators) -> None:
    decided = Event.objects.filter(
        decided_on__gte=found.starts_on,
        decided_on__lte=found.ends_on,
        complete_on__isnull=False,
    ).values_list("complete_on", "decided_on", "decision_due")
    calendar = working_calendar()
    days = []
    for complete, on, due in decided:
        if complete is None or on is None:
            continue
        days.append(calendar.working_days_between(complete, on))
        # The due day was fixed by the procedure in force when the file was complete.
        if due is not None and on <= due:
            found.decisions_on_time += 1
    found.decisions = len(days)
    found.median_days_to_decision = float(median(days)) if days else None


def _filings(found: Indicators) -> None:
    """Files received in the span, and those filed after the procedure's lead time
    (the flag `workflow.file_event` set from the deadline in force on the filing day)."""
    found.filed = filed_in(found.starts_on, found.ends_on).count()
    found.late_filings = late_in(found.starts_on, found.ends_on).count()
