"""The progress report: its form for those who may edit it, read-only for the others."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from cnvh.plan import evidence as evidence_files
from cnvh.plan import reminders, workflow
from cnvh.plan.forms import ReportForm, reported_indicators
from cnvh.plan.models import Evidence, ProgressReport, ReportValue
from cnvh.plan.permissions import require


def _report(pk: int) -> ProgressReport:
    return get_object_or_404(
        ProgressReport.objects.select_related(
            "task__group", "task__lead_agency", "period", "agency", "submitted_by", "reviewed_by"
        ).prefetch_related("values__indicator", "evidence"),
        pk=pk,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def report_page(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(pk)
    require(request.user, "plan.view_report", report)
    reminders.mark_seen(request.user, report)
    can_edit = request.user.has_perm("plan.change_report", report)
    if request.method == "POST" and not can_edit:
        if request.user.has_perm("plan.add_report", report.task) and not report.editable:
            # Submitted (or approved) elsewhere since this person opened the form.
            messages.error(request, state_changed(workflow.ReportStateChanged(report)))
            return redirect("plan-report", pk=report.pk)
        require(request.user, "plan.change_report", report)
    form = None
    if can_edit:
        form = ReportForm(
            request.POST or None,
            request.FILES or None,
            instance=report,
            indicators=reported_indicators(report),
        )
        if request.method == "POST" and form.is_valid():
            submitted = save_report(request, report, form)
            if submitted:
                return redirect("plan-report", pk=report.pk)
    context = {
        "report": report,
        "form": form,
        "can_submit": request.user.has_perm("plan.submit_report", report),
        # Read afresh: a save in this request may have changed them.
        "values": list(ReportValue.objects.filter(report=report).select_related("indicator")),
        "evidence": list(Evidence.objects.filter(report=report)),
    }
    return render(request, "plan/report.html", context)


def save_report(request: HttpRequest, report: ProgressReport, form: ReportForm) -> bool:
    """Save the draft, its values and evidence; submit it if asked. False when the
    submission was refused (the form then shows why). The workflow re-reads the report
    under a lock: if a submission elsewhere came first, nothing is written and the
    page says so."""
    fields = {name: form.cleaned_data[name] for name in workflow.EDITED_FIELDS}
    try:
        workflow.save_draft(
            report, request.user, fields, form.values(), form.cleaned_data.get("evidence")
        )
    except workflow.ReportStateChanged as changed:
        messages.error(request, state_changed(changed))
        return True
    if "submit" not in request.POST:
        messages.success(request, _("The draft is saved."))
        return True
    try:
        workflow.submit(report, request.user)
    except workflow.ReportStateChanged as changed:
        messages.error(request, state_changed(changed))
        return True
    except ValidationError as error:
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
        messages.warning(request, _("The draft is saved but not submitted."))
        return False
    messages.success(request, _("The report is submitted for approval."))
    return True


def state_changed(changed: "workflow.ReportStateChanged") -> str:
    return _(
        "Nothing was changed: the report became %(status)s in the meantime (someone else "
        "acted on it first). Read it again below; only a draft or a returned report can "
        "be changed or submitted."
    ) % {"status": changed.report.get_status_display()}


@require_safe
@login_required
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    item = get_object_or_404(Evidence.objects.select_related("report__task"), pk=pk)
    require(request.user, "plan.view_report", item.report)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError as error:
        raise Http404(_("The file is missing from the server.")) from error
    return FileResponse(
        handle,
        as_attachment=True,
        filename=item.original_name,
        content_type=evidence_files.content_type(item),
    )


@require_POST
@login_required
def evidence_delete(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Evidence.objects.select_related("report__task"), pk=pk)
    report: Any = item.report
    require(request.user, "plan.change_report", report)
    item.file.delete(save=False)
    item.delete()
    messages.success(request, _("The file is removed."))
    return redirect("plan-report", pk=report.pk)
