"""The plan's tasks as they stood at the end of a period.

A task's status and percent done are those of its latest approved report (by the
period's end, then the time of approval): the rule `cnvh.plan.workflow` applies
when it moves the task on approval, here limited to reports for periods that end
by the span's end. For the latest period reported on, that is the task as the plan
page shows it. Counts by content group use `cnvh.plan.progress.GroupProgress`,
and completeness and timeliness come from `cnvh.plan.completeness`.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from cnvh.exports.periodic.document import (
    CopiedTask,
    Coverage,
    ReportingLine,
    Section,
    StatusCount,
    Summary,
    TaskLine,
)
from cnvh.plan import completeness
from cnvh.plan.copies import common_title, copied, latest_period, report_states
from cnvh.plan.models import Plan, ProgressReport, ReportingPeriod, Task
from cnvh.plan.models.plans import is_overdue
from cnvh.plan.progress import GroupProgress


@dataclass(frozen=True)
class Reported:
    """What an approved report says of its task."""

    report_id: int
    task_id: int
    task_status: str
    percent_done: int
    narrative: str
    period: ReportingPeriod


def plan_tasks(plan: Plan, ends_on: date) -> QuerySet[Task]:
    """The plan's tasks that had started by the span's end."""
    return (
        Task.objects.filter(group__plan=plan, starts_on__lte=ends_on)
        .select_related("group", "lead_agency")
        .order_by("group__number", "code")
    )


def latest_approved(
    tasks: list[Task], ends_on: date, starts_on: date | None = None
) -> dict[int, Reported]:
    """Each task's latest approved report for a period ending by `ends_on` (and, with
    `starts_on`, starting on or after it)."""
    reports = ProgressReport.objects.filter(
        task__in=tasks, status=ProgressReport.Status.APPROVED, period__ends_on__lte=ends_on
    )
    if starts_on is not None:
        reports = reports.filter(period__starts_on__gte=starts_on)
    latest: dict[int, Reported] = {}
    for report in reports.select_related("period").order_by("period__ends_on", "reviewed_at"):
        latest[report.task_id] = Reported(
            report.pk,
            report.task_id,
            report.task_status,
            report.percent_done,
            report.narrative,
            report.period,
        )
    return latest


def _state(reported: Reported | None) -> tuple[str, int]:
    if reported is None:
        return Task.Status.NOT_STARTED, 0
    if reported.task_status == Task.Status.COMPLETED:
        return reported.task_status, 100  # as the approval sets it
    return reported.task_status, reported.percent_done


def _coverage(copies: list[Task], period: ReportingPeriod | None) -> list[Coverage]:
    states = report_states(copies, period)
    names: dict[str, list[str]] = {"approved": [], "submitted": [], "missing": []}
    for task in sorted(copies, key=lambda task: task.lead_agency.name):
        names[states[task.pk]].append(task.lead_agency.name)
    labels = {
        "approved": _("Report approved"),
        "submitted": _("Report submitted, not yet approved"),
        "missing": _("No report submitted"),
    }
    return [Coverage(str(labels[state]), state, names[state]) for state in names]


def sections(plan: Plan, tasks: list[Task], starts_on: date, ends_on: date) -> list[Section]:
    status_at_end = latest_approved(tasks, ends_on)
    in_span = latest_approved(tasks, ends_on, starts_on)
    copies = copied(tasks)
    labels = dict(Task.Status.choices)
    found = {
        group.pk: Section(group.number, group.title, GroupProgress(group), [])
        for group in plan.groups.order_by("number")
    }
    for task in tasks:
        status, percent = _state(status_at_end.get(task.pk))
        section = found[task.group_id]
        section.progress.by_status[status] = section.progress.by_status.get(status, 0) + 1
        section.progress.percent_total += percent
        latest = in_span.get(task.pk)
        section.tasks.append(
            TaskLine(
                number=0 if task.pk in copies else len(section.listed) + 1,
                code=task.code,
                title=task.title,
                lead_agency=task.lead_agency.name,
                status=status,
                status_label=str(labels[status]),
                percent_done=percent,
                narrative=latest.narrative if latest else "",
                narrative_period=str(latest.period.label) if latest else "",
                due_on=task.due_on,
                # At the span's end and with the status then.
                overdue=is_overdue(status, task.due_on, ends_on),
                report_id=reported.report_id if (reported := status_at_end.get(task.pk)) else None,
                copy_of=copies.get(task.pk, ""),
            )
        )
    by_stem: dict[tuple[int, str], list[Task]] = {}
    for task in tasks:
        if task.pk in copies:
            by_stem.setdefault((task.group_id, copies[task.pk]), []).append(task)
    for (group_id, stem), group_copies in by_stem.items():
        lines = [line for line in found[group_id].tasks if line.copy_of == stem]
        period = latest_period(group_copies, ends_on)
        found[group_id].copied.append(
            CopiedTask(
                code=stem,
                title=common_title([task.title for task in group_copies]),
                copies=len(group_copies),
                due_on=max(task.due_on for task in group_copies),
                overdue=sum(1 for line in lines if line.overdue),
                period=str(period.label) if period else "",
                coverage=_coverage(group_copies, period),
            )
        )
    return list(found.values())


def reporting(
    tasks: QuerySet[Task], starts_on: date, ends_on: date, total_label: str
) -> tuple[list[ReportingLine], ReportingLine | None]:
    """Completeness and timeliness of every reporting period within the span, and of
    all of them together when there are several."""
    periods = ReportingPeriod.objects.filter(starts_on__gte=starts_on, ends_on__lte=ends_on)
    rows = completeness.completeness(periods.order_by("starts_on", "kind"), tasks)
    by_period: dict[int, list[completeness.Completeness]] = {}
    for row in rows:
        by_period.setdefault(row.period.pk, []).append(row)
    lines = [
        _line(str(group[0].period.label), group[0].period.due_on, group)
        for group in by_period.values()
    ]
    total = _line(total_label, None, rows) if len(lines) > 1 else None
    return lines, total


def _line(label: str, due_on: date | None, rows: list[completeness.Completeness]) -> ReportingLine:
    # One Completeness over every agency's reports: its rates are the ones the
    # agency pages show, applied to the sums.
    total = completeness.Completeness(agency=rows[0].agency, period=rows[0].period)
    for row in rows:
        total.due.extend(row.due)
        total.submitted += row.submitted
        total.on_time += row.on_time
    return ReportingLine(
        period=label,
        due_on=due_on,
        expected=total.expected,
        submitted=total.submitted,
        on_time=total.on_time,
        completeness=total.completeness,
        timeliness=total.timeliness,
        agencies_missing=len({row.agency.pk for row in rows if row.missing}),
    )


def summary(
    found: list[Section], lines: list[ReportingLine], reporting_total: ReportingLine | None
) -> Summary:
    # The whole plan as one more group, so its mean is the pages' mean.
    whole = GroupProgress(group=None)  # type: ignore[arg-type]
    overdue = 0
    for section in found:
        for status, count in section.progress.by_status.items():
            whole.by_status[status] = whole.by_status.get(status, 0) + count
        whole.percent_total += section.progress.percent_total
        overdue += sum(1 for task in section.tasks if task.overdue)
    return Summary(
        tasks=whole.tasks,
        by_status=[StatusCount(value, label, count) for value, label, count in whole.statuses],
        mean_percent=whole.mean_percent,
        overdue=overdue,
        reporting=lines,
        reporting_total=reporting_total,
    )
