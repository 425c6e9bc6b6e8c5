"""Progress reports and their numbers as tables: only the reports the person may see.

Every report is one `plan.view_report` allows (read from
`cnvh.plan.permissions.reports_visible_to`), so an officer's file holds their own
agencies' reports and nothing else.
"""

from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from cnvh.plan.models import Plan, ProgressReport, ReportValue
from cnvh.plan.permissions import reports_visible_to
from cnvh.presentation.formatting import unit_label
from cnvh.presentation.parameters import parse_id
from cnvh.presentation.tables.table import DATETIME, WHOLE, Column, Table
from cnvh.presentation.tables.tasks import demo_notes

FILTERS = ("status", "period", "agency", "task")


def filtered_reports(user: Any, query: Any) -> QuerySet[ProgressReport]:
    """The reports a download asks for, of those the user may see: ?status=, ?period=
    (id), ?agency= (code), ?task= (id). A filter that is not understood narrows nothing."""
    reports = (
        reports_visible_to(user)
        .select_related("task__group__plan", "task__lead_agency", "period", "agency")
        .order_by("period__starts_on", "task__group__number", "task__code", "pk")
    )
    status = query.get("status")
    if status in ProgressReport.Status.values:
        reports = reports.filter(status=status)
    for name, lookup in (("period", "period_id"), ("task", "task_id")):
        number = parse_id(query.get(name))
        if number is not None:
            reports = reports.filter(**{lookup: number})
    if query.get("agency"):
        reports = reports.filter(agency__code=query["agency"])
    return reports


def local(moment: datetime | None) -> datetime | None:
    """A moment in the city's time, as both files show it."""
    return timezone.localtime(moment).replace(tzinfo=None) if moment else None


def _yes_no(flag: bool | None) -> str:
    if flag is None:
        return ""
    return _("yes") if flag else _("no")


def report_columns() -> list[Column]:
    return [
        Column(_("Report id"), width=10),
        Column(_("Period"), width=10),
        Column(_("Task code"), width=10),
        Column(_("Task"), width=40),
        Column(_("Reporting agency"), width=28),
        Column(_("Report status"), width=12),
        Column(_("Task status reported"), width=14),
        Column(_("Percent done"), WHOLE, 10),
        Column(_("First submitted"), DATETIME, 17),
        Column(_("Submitted on time"), width=10),
        Column(_("Reviewed"), DATETIME, 17),
        Column(_("Narrative"), width=60),
        Column(_("Reason for return"), width=40),
    ]


def report_table(reports: list[ProgressReport], plan: Plan | None, address: str = "") -> Table:
    rows = [
        [
            report.pk,
            report.period.label,
            report.task.code,
            report.task.title,
            report.agency.name,
            report.get_status_display(),
            report.get_task_status_display(),
            report.percent_done,
            local(report.first_submitted_at),
            _yes_no(report.on_time()),
            local(report.reviewed_at),
            report.narrative,
            report.return_reason,
        ]
        for report in reports
    ]
    return Table(
        name="cnvh-progress-reports",
        title=_("Progress reports you may see, in every status"),
        columns=report_columns(),
        rows=rows,
        source=_("The progress reports in cnvh, as their agencies wrote them."),
        notes=[
            _("Times are local (%(zone)s).") % {"zone": timezone.get_current_timezone_name()},
            *demo_notes(plan),
        ],
        address=address,
    )


def value_columns() -> list[Column]:
    return [
        Column(_("Report id"), width=10),
        Column(_("Period"), width=10),
        Column(_("Task code"), width=10),
        Column(_("Reporting agency"), width=28),
        Column(_("Report status"), width=12),
        Column(_("Indicator code"), width=18),
        Column(_("Indicator"), width=36),
        Column(_("Value (in the indicator's unit)"), width=16),
        Column(_("Unit"), width=12),
        Column(_("Note"), width=40),
    ]


def report_values_table(
    asked: QuerySet[ProgressReport],
    reports: list[ProgressReport],
    plan: Plan | None,
    address: str = "",
) -> Table:
    """The numbers of `reports`, the reports `asked` for (`filtered_reports`)."""
    by_id = {report.pk: report for report in reports}
    numbers = (
        ReportValue.objects.filter(report__in=asked.values("pk"))
        .select_related("indicator")
        .order_by("report_id", "indicator__code")
    )
    rows = []
    for number in numbers:
        report = by_id.get(number.report_id)
        if report is None:
            continue
        rows.append(
            [
                report.pk,
                report.period.label,
                report.task.code,
                report.agency.name,
                report.get_status_display(),
                number.indicator.code,
                number.indicator.name,
                number.value,
                unit_label(number.indicator.unit),
                number.note,
            ]
        )
    return Table(
        name="cnvh-report-values",
        title=_("Numbers in the progress reports you may see, in every status"),
        columns=value_columns(),
        rows=rows,
        source=_(
            "The numbers the progress reports give for their tasks' indicators. Only "
            "approved reports count in the indicators."
        ),
        notes=demo_notes(plan),
        address=address,
    )
