"""The plan's task table, as the plan page filters it."""

from collections.abc import Iterable
from datetime import date

from django.utils.translation import gettext as _

from cnvh.plan.models import Plan, Task
from cnvh.presentation.tables.table import DATE, Column, Table


def demo_notes(plan: Plan | None) -> list[str]:
    """What in the plan is a demo assumption, as the plan's record says."""
    if plan is None or not plan.assumption:
        return []
    return [_("Demo assumptions: %(assumption)s") % {"assumption": plan.assumption}]


def task_columns() -> list[Column]:
    return [
        Column(_("Group"), width=8),
        Column(_("Code"), width=8),
        Column(_("Task"), width=48),
        Column(_("Lead agency"), width=28),
        Column(_("Coordinating agencies"), width=36),
        Column(_("Starts on"), DATE, 12),
        Column(_("Due on"), DATE, 12),
        Column(_("Status"), width=14),
        Column(_("Percent done"), width=10),
        Column(_("Overdue"), width=8),
    ]


def task_table(plan: Plan, tasks: Iterable[Task], day: date, address: str = "") -> Table:
    """`tasks` with their coordinating agencies prefetched."""
    rows = [
        [
            task.group.number,
            task.code,
            task.title,
            task.lead_agency.name,
            "; ".join(agency.name for agency in task.coordinating_agencies.all()),
            task.starts_on,
            task.due_on,
            task.get_status_display(),
            task.percent_done,
            _("yes") if task.is_overdue(day) else "",
        ]
        for task in tasks
    ]
    return Table(
        name=f"{plan.code}-tasks",
        title=_("Tasks of the plan %(plan)s, as filtered on the plan page") % {"plan": plan.title},
        columns=task_columns(),
        rows=rows,
        source=_(
            "The plan's task list in cnvh; status and percent done come from approved "
            "progress reports. Overdue on %(day)s."
        )
        % {"day": day.isoformat()},
        notes=demo_notes(plan),
        address=address,
    )
