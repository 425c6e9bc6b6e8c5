"""Which reports are due, and how complete and timely each agency's are.

A task owes one report for every reporting period of its frequency from the
period it starts in until the period it is completed in; the lead agency
makes it. For an agency and a period:

    completeness = reports submitted / reports due
    timeliness   = reports first submitted by the period's due date / reports due

(as DHIS2 counts "reporting rate" and "reporting rate on time"). A report
counts as submitted from its first submission, even if it was later returned.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import QuerySet
from django.utils import timezone

from cnvh.plan.models import Agency, ProgressReport, ReportingPeriod, Task
from cnvh.stats.text import SortKey, vietnamese_sort_key


def owes_report(task: Task, period: ReportingPeriod) -> bool:
    if task.frequency != period.kind or task.starts_on > period.ends_on:
        return False
    return task.completed_on is None or task.completed_on >= period.starts_on


@dataclass
class Completeness:
    agency: Agency
    period: ReportingPeriod
    due: list[Task] = field(default_factory=list)
    submitted: int = 0
    on_time: int = 0
    missing: list[Task] = field(default_factory=list)

    @property
    def expected(self) -> int:
        return len(self.due)

    @property
    def completeness(self) -> float | None:
        return self.submitted / self.expected if self.expected else None

    @property
    def timeliness(self) -> float | None:
        return self.on_time / self.expected if self.expected else None


def completeness(
    periods: Iterable[ReportingPeriod],
    tasks: QuerySet[Task] | None = None,
    as_of: datetime | None = None,
) -> list[Completeness]:
    """One row per agency and period with reports due, in period then agency order."""
    as_of = as_of or timezone.now()
    periods = list(periods)
    tasks = (tasks if tasks is not None else Task.objects.all()).select_related("lead_agency")
    task_list = list(tasks)
    first_submitted = _first_submissions(periods, task_list)
    rows: list[Completeness] = []
    for period in periods:
        by_agency: dict[int, Completeness] = {}
        for task in task_list:
            if not owes_report(task, period):
                continue
            row = by_agency.setdefault(
                task.lead_agency_id, Completeness(agency=task.lead_agency, period=period)
            )
            row.due.append(task)
            submitted_at = first_submitted.get((task.pk, period.pk))
            if submitted_at is None or submitted_at > as_of:
                row.missing.append(task)
                continue
            row.submitted += 1
            if timezone.localdate(submitted_at) <= period.due_on:
                row.on_time += 1
        rows.extend(sorted(by_agency.values(), key=lambda row: _name_key(row.agency)))
    return rows


def _name_key(agency: Agency) -> SortKey:
    return vietnamese_sort_key(agency.name_vi)


@dataclass(frozen=True)
class Rate:
    """An agency's reports for the last periods past due: due, submitted, on time."""

    due: int
    submitted: int
    on_time: int

    @property
    def completeness(self) -> float | None:
        return self.submitted / self.due if self.due else None

    @property
    def timeliness(self) -> float | None:
        return self.on_time / self.due if self.due else None


def last_periods(today: date) -> list[ReportingPeriod]:
    """The latest period of each kind (quarter, half-year, year) whose reports are due."""
    latest: dict[str, ReportingPeriod] = {}
    for period in ReportingPeriod.objects.past_due(today).order_by("-starts_on"):
        latest.setdefault(period.kind, period)
    return sorted(latest.values(), key=lambda period: period.starts_on)


def last_period_rates(today: date) -> tuple[list[ReportingPeriod], dict[int, Rate]]:
    """Each agency's completeness and timeliness over the last periods past due: the
    share of the reports its tasks owed then that were submitted, and on time."""
    periods = last_periods(today)
    sums: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for row in completeness(periods) if periods else []:
        total = sums[row.agency.pk]
        total[0] += row.expected
        total[1] += row.submitted
        total[2] += row.on_time
    return periods, {pk: Rate(*total) for pk, total in sums.items()}


def _first_submissions(
    periods: list[ReportingPeriod], tasks: list[Task]
) -> dict[tuple[int, int], datetime]:
    reports = ProgressReport.objects.filter(
        period__in=periods, task__in=tasks, first_submitted_at__isnull=False
    ).values_list("task_id", "period_id", "first_submitted_at")
    return {(task, period): at for task, period, at in reports if at is not None}


def late_agencies(today: date, tasks: QuerySet[Task] | None = None) -> list[Completeness]:
    """Agencies with reports past their due date and not submitted, most missing first."""
    periods = ReportingPeriod.objects.past_due(today)
    rows = [row for row in completeness(periods, tasks) if row.missing]
    totals: dict[int, int] = defaultdict(int)
    for row in rows:
        totals[row.agency.pk] += len(row.missing)
    return sorted(
        rows,
        key=lambda row: (-totals[row.agency.pk], _name_key(row.agency), row.period.starts_on),
    )


def current_period(today: date, kind: str = ReportingPeriod.Kind.QUARTER) -> ReportingPeriod | None:
    """The period whose reports are being written now: the earliest not yet due."""
    return (
        ReportingPeriod.objects.filter(kind=kind, due_on__gte=today, starts_on__lte=today)
        .order_by("starts_on")
        .first()
        or ReportingPeriod.objects.filter(kind=kind, due_on__gte=today)
        .order_by("starts_on")
        .first()
    )
