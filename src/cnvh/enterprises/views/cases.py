"""A support case's page for those who handle it (reviews and internal notes included),
the forms of its steps, and the programmes' list. Each step goes through
`cnvh.enterprises.workflow`, which asks the rules."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cnvh.enterprises import workflow
from cnvh.enterprises.case_forms import (
    DecisionForm,
    DisbursementForm,
    ReportForm,
    ReviewForm,
    step_error,
)
from cnvh.enterprises.models import Programme, SupportCase
from cnvh.plan.permissions import require

FORMS: dict[str, type[Any]] = {
    "review": ReviewForm,
    "decide": DecisionForm,
    "disburse": DisbursementForm,
    "report": ReportForm,
}
PERMISSIONS = {
    "review": "enterprises.assess_case",
    "decide": "enterprises.decide_case",
    "disburse": "enterprises.follow_case",
    "report": "enterprises.follow_case",
}


def _case(pk: int) -> SupportCase:
    return get_object_or_404(
        SupportCase.objects.select_related("programme__owner", "enterprise"), pk=pk
    )


def _page(request: HttpRequest, case: SupportCase, bound: dict[str, Any]) -> HttpResponse:
    user: Any = request.user
    forms = {
        step: bound.get(step) or form_class()
        for step, form_class in FORMS.items()
        if user.has_perm(PERMISSIONS[step], case)
    }
    context = {
        "case": case,
        "facing": workflow.facing_status(case),
        "reviews": case.reviews.select_related("reviewer"),
        "disbursements": case.disbursements.all(),
        "disbursed": case.disbursed(),
        "forms": forms,
    }
    return render(request, "enterprises/case_detail.html", context, status=400 if bound else 200)


@require_GET
@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = _case(pk)
    require(request.user, "enterprises.view_case_internal", case)
    return _page(request, case, {})


def _run(step: str, case: SupportCase, data: dict[str, Any], user: Any) -> None:
    actions: dict[str, Callable[[], object]] = {
        "review": lambda: workflow.review(case, data["score"], data["comment"], user),
        "disburse": lambda: workflow.disburse(
            case, data["paid_on"], data["amount"], data["note"], user
        ),
        "report": lambda: workflow.receive_report(case, data["received_on"], data["outcome"], user),
    }
    if step == "decide" and data["result"] == "approve":
        workflow.approve(
            case,
            data["decided_on"],
            data["number"],
            data["amount_granted"],
            data["report_due_on"],
            user,
        )
    elif step == "decide":
        workflow.refuse(case, data["decided_on"], data["number"], data["reason"], user)
    else:
        actions[step]()


@require_POST
@login_required
def case_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    case = _case(pk)
    if step not in FORMS:
        return redirect("enterprises-case", pk=case.pk)
    require(request.user, PERMISSIONS[step], case)
    form = FORMS[step](request.POST)
    if form.is_valid():
        try:
            _run(step, case, form.cleaned_data, request.user)
        except ValidationError as error:
            step_error(form, error)
        else:
            messages.success(request, _("The case is saved."))
            return redirect("enterprises-case", pk=case.pk)
    return _page(request, case, {step: form})


@require_GET
@login_required
def programme_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "enterprises.view_register")
    programmes = list(Programme.objects.select_related("owner").prefetch_related("budgets"))
    user: Any = request.user
    for programme in programmes:
        programme.can_change = user.has_perm(  # type: ignore[attr-defined]
            "enterprises.change_programme", programme
        )
        programme.can_add_case = user.has_perm("enterprises.add_case", programme)  # type: ignore[attr-defined]
    return render(request, "enterprises/programme_list.html", {"programmes": programmes})
