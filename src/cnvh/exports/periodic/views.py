"""The periodic reports page (choose, preview) and its downloads (XLSX, PDF).

Every view is a GET that changes nothing; each builds the document once and
writes it in one format.
"""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from cnvh.exports.periodic import cache, pdf, xlsx
from cnvh.exports.periodic.build import periodic_report
from cnvh.exports.periodic.document import PeriodicReport
from cnvh.exports.periodic.forms import PeriodicReportForm, defaults
from cnvh.plan.progress import current_plan
from cnvh.presentation.access import permission_required

PERMISSION = "plan.export_report"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _form(request: HttpRequest) -> PeriodicReportForm:
    """The form as asked; what is not asked, the latest complete quarter of the plan."""
    return PeriodicReportForm(defaults(current_plan(), timezone.localdate()) | request.GET.dict())


def _document(form: PeriodicReportForm) -> PeriodicReport:
    data = form.cleaned_data
    return periodic_report(data["plan"], data["kind"], data["year"], data["number"], form.issue())


def _page(
    request: HttpRequest, form: PeriodicReportForm, document: PeriodicReport | None, status: int
) -> HttpResponse:
    context = {
        "form": form,
        "document": document,
        "charts": pdf.chart_images(document) if document else {},
        "query": _encode(form.data),
    }
    return render(request, "exports/periodic_reports.html", context, status=status)


def _encode(data: Any) -> str:
    query = QueryDict(mutable=True)
    for key, value in data.items():
        query[key] = str(value)
    return query.urlencode()


@require_safe
@permission_required(PERMISSION)
def periodic_reports(request: HttpRequest) -> HttpResponse:
    form = _form(request)
    return _page(request, form, _document(form) if form.is_valid() else None, 200)


def _download(
    request: HttpRequest,
    write: Callable[[PeriodicReport, dict[str, Any]], bytes],
    content_type: str,
    ext: str,
) -> HttpResponse:
    form = _form(request)
    if not form.is_valid():
        return _page(request, form, None, 400)
    document = _document(form)
    response = HttpResponse(write(document, form.cleaned_data), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{document.filename_stem}.{ext}"'
    return response


@require_safe
@permission_required(PERMISSION)
def periodic_xlsx(request: HttpRequest) -> HttpResponse:
    return _download(request, lambda document, _: xlsx.workbook(document), XLSX, "xlsx")


@require_safe
@permission_required(PERMISSION)
def periodic_pdf(request: HttpRequest) -> HttpResponse:
    return _download(request, _pdf, "application/pdf", "pdf")


def _pdf(document: PeriodicReport, choices: dict[str, Any]) -> bytes:
    return cache.cached_pdf(choices, lambda: pdf.pdf(document))
