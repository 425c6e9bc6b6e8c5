"""Downloads of tables: the list of them, and each table as CSV or XLSX.

The estimate and indicator tables follow the pages' rule: the public gets published
things only. Tasks and reports are for the people who work on the plan, and each
report row is one `plan.view_report` allows.
"""

from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from cnvh.estimates.models import Estimate
from cnvh.estimates.store import latest_estimates
from cnvh.plan.models import Indicator, Plan, ProgressReport, Target
from cnvh.presentation.access import permission_required, published_only
from cnvh.presentation.tables import estimates, indicators, reports
from cnvh.presentation.tables.respond import table_response


@require_safe
def downloads(request: HttpRequest) -> HttpResponse:
    public = published_only(request)
    context = {
        "estimates": latest_estimates(published_only=public),
        "public": public,
        "formats": ("csv", "xlsx"),
    }
    return render(request, "exports/tables.html", context)


@require_safe
def estimate_file(request: HttpRequest, pk: int, file_format: str) -> HttpResponse:
    estimate = get_object_or_404(Estimate.objects.select_related("publication"), pk=pk)
    if published_only(request) and not hasattr(estimate, "publication"):
        raise Http404  # as on its page: an unpublished revision does not exist for the public
    table = estimates.estimate_table(estimate, request.build_absolute_uri())
    return table_response(table, file_format)


@require_safe
def indicators_file(request: HttpRequest, file_format: str) -> HttpResponse:
    public = published_only(request)
    targets = Target.objects.select_related("document").order_by("year")
    chosen = Indicator.objects.prefetch_related(Prefetch("targets", queryset=targets))
    if public:
        chosen = chosen.filter(published=True)
    table = indicators.indicators_table(
        list(chosen), public=public, address=request.build_absolute_uri()
    )
    return table_response(table, file_format)


def _asked_reports(request: HttpRequest) -> tuple[list[ProgressReport], Plan | None]:
    visible = list(reports.filtered_reports(request.user, request.GET))
    plans = {report.task.group.plan for report in visible}
    return visible, plans.pop() if len(plans) == 1 else None


@require_safe
@permission_required("plan.view_plan")
def reports_file(request: HttpRequest, file_format: str) -> HttpResponse:
    visible, plan = _asked_reports(request)
    table = reports.report_table(visible, plan, request.build_absolute_uri())
    return table_response(table, file_format)


@require_safe
@permission_required("plan.view_plan")
def report_values_file(request: HttpRequest, file_format: str) -> HttpResponse:
    asked = reports.filtered_reports(request.user, request.GET)
    visible, plan = _asked_reports(request)
    table = reports.report_values_table(asked, visible, plan, request.build_absolute_uri())
    return table_response(table, file_format)
