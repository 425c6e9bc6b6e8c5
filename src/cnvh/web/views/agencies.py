"""Agencies, for the people who work on the plan: each one's tasks, how complete and
timely its reports are, its wards or children, and its history."""

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from cnvh.plan import agency_order, completeness
from cnvh.plan.models import Agency, ReportingPeriod, Task
from cnvh.presentation.access import permission_required
from cnvh.presentation.tables import pages, table_response
from cnvh.presentation.tables.csv_file import requested_format


@require_safe
@permission_required("plan.view_agency")
def agency_list(request: HttpRequest) -> HttpResponse:
    agencies = Agency.objects.select_related("parent").annotate(
        led=Count("led_tasks", distinct=True),
        coordinated=Count("coordinated_tasks", distinct=True),
    )
    today = timezone.localdate()
    periods, rates = completeness.last_period_rates(today)
    for agency in agencies:
        agency.rate = rates.get(agency.pk)  # type: ignore[attr-defined]
    current = [a for a in agencies if a.exists_on(today)]
    former = agency_order.in_order(a for a in agencies if not a.exists_on(today))
    kinds = [
        {"kind": key, "label": label, "agencies": members}
        for key, label, members in agency_order.grouped(current)
    ]
    context = {"kinds": kinds, "former": former, "periods": periods}
    return render(request, "web/agency_list.html", context)


def _completeness(agency: Agency) -> list[completeness.Completeness]:
    """By period, for the periods whose reports are past due (before that, a missing
    report is not late, and a rate would read as a failure)."""
    periods = ReportingPeriod.objects.past_due(timezone.localdate())
    return completeness.completeness(periods, Task.objects.filter(lead_agency=agency))


@require_safe
@permission_required("plan.view_agency")
def agency_detail(request: HttpRequest, code: str) -> HttpResponse:
    agency = get_object_or_404(Agency.objects.select_related("parent"), code=code)
    rows = _completeness(agency)
    if file_format := requested_format(request):
        return _table(request, agency, rows, file_format)
    tasks = (
        Task.objects.filter(Q(lead_agency=agency) | Q(coordinating_agencies=agency))
        .select_related("group", "lead_agency")
        .distinct()
        .order_by("due_on", "code")
    )
    day = timezone.localdate()
    for task in tasks:
        task.overdue = task.is_overdue(day)  # type: ignore[attr-defined]
    context = {
        "agency": agency,
        "led": [task for task in tasks if task.lead_agency_id == agency.pk],
        "coordinated": [task for task in tasks if task.lead_agency_id != agency.pk],
        "rows": list(reversed(rows)),  # the latest period first
        "children": agency_order.in_order(agency.children.all()),
    }
    return render(request, "web/agency_detail.html", context)


def _table(
    request: HttpRequest, agency: Agency, rows: list[completeness.Completeness], file_format: str
) -> HttpResponse:
    header = [
        _("Agency"),
        _("Period"),
        _("Reports due on"),
        _("Reports due"),
        _("Reports submitted"),
        _("Reports submitted on time"),
        _("Completeness (fraction)"),
        _("Timeliness (fraction)"),
    ]
    lines = [
        [
            agency.code,
            row.period.label,
            row.period.due_on.isoformat(),
            row.expected,
            row.submitted,
            row.on_time,
            row.completeness,
            row.timeliness,
        ]
        for row in rows
    ]
    table = pages.agency_table(agency, header, lines, request.build_absolute_uri())
    return table_response(table, file_format)
