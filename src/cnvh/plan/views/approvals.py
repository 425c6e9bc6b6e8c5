"""The approval queue and each report's review page, where it is approved or returned:
the reviewer decides having read the narrative, the numbers and the evidence."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from cnvh.plan import names, reminders, workflow
from cnvh.plan.forms import ReturnForm
from cnvh.plan.models import Evidence, ProgressReport
from cnvh.plan.permissions import reports_to_review, require
from cnvh.plan.review import previous_report, review_lines
from cnvh.presentation.parameters import parse_id

QUEUE_RELATED = ("task__group", "task__lead_agency", "period", "agency", "submitted_by")
# The queue shows the oldest reports, a page's worth: a city can have hundreds waiting,
# and each row carries its forms. The next ones appear as these are handled.
QUEUE_SHOWN = 50


@require_safe
@login_required
def approvals(request: HttpRequest) -> HttpResponse:
    """The queue, oldest first, filtered by the person who submitted if asked; each
    report is opened on its review page, where it is approved or returned."""
    require(request.user, "plan.view_approvals")
    waiting = reports_to_review(request.user).select_related(*QUEUE_RELATED)
    submitters = names.submitters(waiting)
    chosen = parse_id(request.GET.get("person", ""))
    if chosen is not None:
        waiting = waiting.filter(submitted_by=chosen)
    reports = list(waiting.order_by("submitted_at"))
    rows = [{"report": report} for report in reports[:QUEUE_SHOWN]]
    context = {
        "rows": rows,
        "more": len(reports) - len(rows),
        "submitters": submitters,
        "chosen": chosen,
    }
    return render(request, "plan/approvals.html", context)


@require_safe
@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    """One report as the reviewer decides on it: narrative, numbers beside the previous
    period's and the target, evidence, and the approve and return forms."""
    report = _reviewable(request, pk)
    reminders.mark_seen(request.user, report)
    previous = previous_report(report)
    context = {
        "report": report,
        "previous": previous,
        "lines": review_lines(report, previous),
        "evidence": list(Evidence.objects.filter(report=report)),
        "form": ReturnForm(prefix=f"r{report.pk}"),
        "can_review": request.user.has_perm("plan.review_report", report),
        "submitter": names.describe(report.submitted_by),
    }
    return render(request, "plan/approval_review.html", context)


def _reviewable(request: HttpRequest, pk: int) -> ProgressReport:
    """The report, if the user reviews reports and may see this one (else 403).

    A report already handled is not refused here: the row then says what became of it.
    """
    require(request.user, "plan.view_approvals")
    report = get_object_or_404(ProgressReport.objects.select_related(*QUEUE_RELATED), pk=pk)
    require(request.user, "plan.view_report", report)
    return report


def _act(
    request: HttpRequest, report: ProgressReport, action: Callable[[], Any], done: str
) -> HttpResponse:
    error = None
    if report.status != ProgressReport.Status.SUBMITTED:
        error = _("This report is no longer waiting for approval (now: %(status)s).") % {
            "status": report.get_status_display()
        }
    else:
        require(request.user, "plan.review_report", report)
        try:
            report = action()
        except workflow.ReportStateChanged as changed:
            # Another approver acted between this page's read and the locked one.
            report = changed.report
            error = _("This report is no longer waiting for approval (now: %(status)s).") % {
                "status": report.get_status_display()
            }
        except ValidationError as problem:
            error = " ".join(problem.messages)
    if error:
        messages.error(request, error)
        return redirect("plan-approval", pk=report.pk)
    messages.success(request, done)
    return redirect("plan-approvals")


@require_POST
@login_required
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    report = _reviewable(request, pk)
    done = _("Report %(report)s approved.") % {"report": report}
    return _act(request, report, lambda: workflow.approve(report, request.user), done)


@require_POST
@login_required
def return_report(request: HttpRequest, pk: int) -> HttpResponse:
    report = _reviewable(request, pk)
    reason = request.POST.get(f"r{report.pk}-reason", "")
    done = _("Report %(report)s returned to the agency.") % {"report": report}
    return _act(request, report, lambda: workflow.return_report(report, request.user, reason), done)
