"""Tasks given to each ward or commune as copies of one ("1.2-hoan-kiem",
"1.2-ba-dinh", …): recognised by the code they share, so that pages and reports can
show them as one line with their coverage instead of a hundred near-identical ones."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from cnvh.plan.models import Agency, ProgressReport, ReportingPeriod, Task

LOCAL = {Agency.Kind.WARD, Agency.Kind.COMMUNE}


def stem(task: Task) -> str | None:
    """The code a ward's copy shares with the others, if it may be one."""
    if task.lead_agency.kind in LOCAL and "-" in task.code:
        return task.code.split("-", 1)[0]
    return None


def copied(tasks: Iterable[Task]) -> dict[int, str]:
    """Task id -> the code it shares with its copies, for two copies or more in a group."""
    stems: dict[tuple[int, str], list[Task]] = {}
    for task in tasks:
        if (shared := stem(task)) is not None:
            stems.setdefault((task.group_id, shared), []).append(task)
    return {
        task.pk: shared
        for (_group, shared), copies in stems.items()
        if len(copies) > 1
        for task in copies
    }


def common_title(titles: list[str]) -> str:
    """What the copies' titles share, to the last whole word: the task without a ward."""
    words = [title.split() for title in titles]
    shared: list[str] = []
    for found in zip(*words, strict=False):
        if any(word != found[0] for word in found):
            break
        shared.append(found[0])
    return " ".join(shared).strip(" ,;:-")


def latest_period(copies: list[Task], ends_on: date) -> ReportingPeriod | None:
    """The period the copies last owed a report for: the latest of their frequency that
    ends by `ends_on` (a half-yearly task owes none for the third quarter; its report
    for the first half is the latest)."""
    return (
        ReportingPeriod.objects.filter(
            kind=copies[0].frequency,
            ends_on__lte=ends_on,
            ends_on__gte=min(task.starts_on for task in copies),
        )
        .order_by("-ends_on")
        .first()
    )


def report_states(copies: list[Task], period: ReportingPeriod | None) -> dict[int, str]:
    """Each copy's report for the period: "approved", "submitted" (not yet approved)
    or "missing"."""
    reports = ProgressReport.objects.filter(task__in=copies, period=period).exclude(
        first_submitted_at=None
    )
    states = {task.pk: "missing" for task in copies}
    for task_id, status in reports.values_list("task_id", "status"):
        approved = status == ProgressReport.Status.APPROVED
        states[task_id] = "approved" if approved else "submitted"
    return states


@dataclass
class CopiedTasks:
    """One line for the copies of a task in a content group."""

    code: str
    title: str
    tasks: list[Task] = field(default_factory=list)
    period: ReportingPeriod | None = None
    coverage: dict[str, int] = field(default_factory=dict)

    @property
    def copies(self) -> int:
        return len(self.tasks)

    @property
    def overdue(self) -> int:
        return sum(1 for task in self.tasks if getattr(task, "overdue", False))

    @property
    def percent_done(self) -> int:
        """The copies' mean percent done, rounded for display by the page."""
        return round(sum(task.percent_done for task in self.tasks) / len(self.tasks))

    @property
    def due_on(self) -> date:
        return max(task.due_on for task in self.tasks)

    @property
    def by_status(self) -> list[tuple[str, str, int]]:
        labels = dict(Task.Status.choices)
        counts = {status: 0 for status in labels}
        for task in self.tasks:
            counts[task.status] += 1
        counts = {status: number for status, number in counts.items() if number}
        return [(status, str(labels[status]), counts[status]) for status in counts]


def gather(tasks: list[Task], day: date) -> dict[int, CopiedTasks]:
    """Task id -> the line of its copies (the same object for every copy), with each
    copy's report for the latest period owed by `day`."""
    stems = copied(tasks)
    lines: dict[tuple[int, str], CopiedTasks] = {}
    for task in tasks:
        if task.pk in stems:
            key = (task.group_id, stems[task.pk])
            lines.setdefault(key, CopiedTasks(code=stems[task.pk], title="")).tasks.append(task)
    for line in lines.values():
        line.title = common_title([task.title for task in line.tasks])
        line.period = latest_period(line.tasks, day)
        states = report_states(line.tasks, line.period)
        line.coverage = {
            state: sum(1 for value in states.values() if value == state)
            for state in ("approved", "submitted", "missing")
        }
    return {task.pk: line for line in lines.values() for task in line.tasks}
