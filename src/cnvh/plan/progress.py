"""How the plan is going, for the overview: tasks by content group, overdue tasks,
agencies late with their reports. Counts are read from the plan's records in a few
queries; completeness and timeliness come from `cnvh.plan.completeness`."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Sum

from cnvh.plan import completeness
from cnvh.plan.models import Agency, ContentGroup, Plan, ReportingPeriod, Task

OVERDUE_SHOWN = 20
LATE_SHOWN = 20


@dataclass
class GroupProgress:
    group: ContentGroup
    by_status: dict[str, int] = field(default_factory=dict)
    percent_total: int = 0

    @property
    def tasks(self) -> int:
        return sum(self.by_status.values())

    @property
    def mean_percent(self) -> float | None:
        """The mean of the tasks' percent done, as a fraction for the `percent` filter."""
        return self.percent_total / self.tasks / 100 if self.tasks else None

    def count(self, status: str) -> int:
        return self.by_status.get(status, 0)

    @property
    def statuses(self) -> list[tuple[str, str, int]]:
        """(status, its label, tasks) for every status, in the model's order."""
        return [(value, str(label), self.count(value)) for value, label in Task.Status.choices]


@dataclass
class LateAgency:
    agency: Agency
    missing: int = 0
    periods: list[ReportingPeriod] = field(default_factory=list)


@dataclass
class PlanProgress:
    plan: Plan
    groups: list[GroupProgress]
    overdue: list[Task]
    overdue_count: int
    late: list[LateAgency]
    late_count: int
    with_late: bool = True


def current_plan() -> Plan | None:
    return Plan.objects.select_related("owner", "document").order_by("-starts_on").first()


def by_group(plan: Plan) -> list[GroupProgress]:
    groups = {group.pk: GroupProgress(group) for group in plan.groups.order_by("number")}
    counts = (
        Task.objects.filter(group__plan=plan)
        .values("group_id", "status")
        .annotate(tasks=Count("id"), percent=Sum("percent_done"))
        .order_by()
    )
    for row in counts:
        progress = groups[row["group_id"]]
        progress.by_status[row["status"]] = row["tasks"]
        progress.percent_total += row["percent"] or 0
    return list(groups.values())


def overdue_tasks(plan: Plan, today: date) -> tuple[list[Task], int]:
    """The first overdue tasks (earliest due first) and how many there are in all."""
    tasks = (
        Task.objects.filter(group__plan=plan)
        .overdue(today)
        .select_related("lead_agency", "group")
        .order_by("due_on", "group__number", "code")
    )
    shown = list(tasks[:OVERDUE_SHOWN])
    total = len(shown) if len(shown) < OVERDUE_SHOWN else tasks.count()
    return shown, total


def late_agencies(plan: Plan, today: date) -> list[LateAgency]:
    """Agencies with reports past due and not submitted, most missing first."""
    rows = completeness.late_agencies(today, Task.objects.filter(group__plan=plan))
    agencies: dict[int, LateAgency] = {}
    for row in rows:  # already in order: most missing first
        late = agencies.setdefault(row.agency.pk, LateAgency(row.agency))
        late.missing += len(row.missing)
        late.periods.append(row.period)
    return list(agencies.values())


def progress(today: date, with_late: bool = True) -> PlanProgress | None:
    """The plan's progress; agencies late with their reports only `with_late`
    (the people who run the plan see them, the public does not)."""
    plan = current_plan()
    if plan is None:
        return None
    overdue, overdue_count = overdue_tasks(plan, today)
    late = late_agencies(plan, today) if with_late else []
    return PlanProgress(
        plan=plan,
        groups=by_group(plan),
        overdue=overdue,
        overdue_count=overdue_count,
        late=late[:LATE_SHOWN],
        late_count=len(late),
        with_late=with_late,
    )
