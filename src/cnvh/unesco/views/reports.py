"""The Membership Monitoring Report: the coordinator starts the draft of a four-year
period, edits it section by section and submits it; another coordinator or a leader
returns or approves it. The draft is read on the page or downloaded as DOCX or PDF,
in English or Vietnamese."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cnvh.plan.permissions import require
from cnvh.unesco import builder, documents, workflow
from cnvh.unesco.forms import PeriodForm, ReturnForm, SectionTextForm
from cnvh.unesco.models import MonitoringReport, ReportSection, SectionText


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


@require_http_methods(["GET", "POST"])
@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "unesco.view_reports")
    form = PeriodForm(request.POST or None)
    if request.method == "POST":
        require(request.user, "unesco.start_report")
        if form.is_valid():
            data = form.cleaned_data
            try:
                report = workflow.start_report(data["first_year"], data["last_year"], request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect("unesco-report", report.pk)
    context = {
        "reports": MonitoringReport.objects.all(),
        "form": form,
        "can_start": request.user.has_perm("unesco.start_report"),
    }
    return render(request, "unesco/report_list.html", context)


def _report(request: HttpRequest, pk: int) -> MonitoringReport:
    require(request.user, "unesco.view_reports")
    return get_object_or_404(MonitoringReport, pk=pk)


@require_GET
@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    language = "en" if (get_language() or "vi").startswith("en") else "vi"
    user = request.user
    context = {
        "report": report,
        "draft": builder.build(report, language, request.build_absolute_uri("/")),
        "can_edit": user.has_perm("unesco.change_report", report),
        "can_submit": user.has_perm("unesco.submit_report", report),
        "can_review": user.has_perm("unesco.review_report", report),
        "return_form": ReturnForm(),
    }
    return render(request, "unesco/report_detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def section_edit(request: HttpRequest, pk: int, section: int) -> HttpResponse:
    report = _report(request, pk)
    require(request.user, "unesco.change_report", report)
    row = get_object_or_404(ReportSection, pk=section)
    stored = SectionText.objects.filter(report=report, section=row).first()
    initial = {"text_vi": stored.text_vi, "text_en": stored.text_en} if stored else {}
    form = SectionTextForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            workflow.save_section(report, row, request.user, data["text_vi"], data["text_en"])
        except (ValidationError, workflow.ReportStateChanged) as error:
            messages.error(request, _state(error))
        else:
            messages.success(request, _("The section is saved."))
            return redirect("unesco-report", report.pk)
    language = "en" if (get_language() or "vi").startswith("en") else "vi"
    draft = builder.build(report, language, request.build_absolute_uri("/"))
    generated = next((s for s in draft.sections if s.section_id == row.pk), None)
    context = {"report": report, "section": row, "form": form, "generated": generated}
    return render(request, "unesco/section_form.html", context)


def _state(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return _errors(error)
    return _("The report changed meanwhile: it is now %(status)s.") % {
        "status": error.report.get_status_display()  # type: ignore[attr-defined]
    }


def _step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    report = _report(request, pk)
    user = request.user
    try:
        if step == "submit":
            workflow.submit(report, user)
            messages.success(request, _("The report is submitted for review."))
        elif step == "approve":
            workflow.approve(report, user)
            messages.success(request, _("The report is approved."))
        else:
            form = ReturnForm(request.POST)
            reason = form.cleaned_data["reason"] if form.is_valid() else ""
            workflow.return_report(report, user, reason)
            messages.success(request, _("The report is returned to the coordinator."))
    except (ValidationError, workflow.ReportStateChanged) as error:
        messages.error(request, _state(error))
    return redirect("unesco-report", report.pk)


@require_POST
@login_required
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, "submit")


@require_POST
@login_required
def report_return(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, "return")


@require_POST
@login_required
def report_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(request, pk, "approve")


@require_GET
@login_required
def report_download(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(request, pk)
    file_format = request.GET.get("format", "docx")
    language = request.GET.get("lang", "en")
    if file_format not in documents.FORMATS or language not in ("vi", "en"):
        return HttpResponse(
            _("Unknown format or language: choose format docx or pdf, lang vi or en."),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    draft = builder.build(report, language, request.build_absolute_uri("/"))
    response = HttpResponse(
        documents.render(draft, file_format), content_type=documents.MEDIA_TYPES[file_format]
    )
    name = documents.filename(draft, file_format)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
