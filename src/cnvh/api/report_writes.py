"""Writing a progress report: start it, fill it in, submit it (on the reports router).

The same steps as the report page: `cnvh.plan.workflow` starts and submits (and checks
the rules), the page's `ReportForm` checks the fields, and every change is kept in
the report's history with the caller as its author.
"""

import json
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from ninja import Field, Schema, Status

from cnvh.api import auth
from cnvh.api.auth import caller
from cnvh.api.errors import ERRORS, ApiError
from cnvh.api.fields import MAX_ID, Code, IdInPath, Text
from cnvh.api.reports import ReportDetailOut, TaskStatus, detail_out, find_report, router
from cnvh.plan import limits, workflow
from cnvh.plan.completeness import owes_report
from cnvh.plan.forms import ReportForm, reported_indicators
from cnvh.plan.models import ProgressReport, ReportingPeriod, Task
from cnvh.plan.permissions import require

MAX_NARRATIVE = limits.MAX_NARRATIVE

NOT_DUE = _(
    "No report is due for this task in this period: the period's kind must be the "
    "task's reporting frequency, within the task's dates. Choose another period."
)
NOT_EDITABLE = _(
    "The report is %(state)s: only a draft or a returned report can be changed or "
    "submitted. A submitted report waits for its approver; an approved one is final."
)
NOT_AN_OBJECT = _(
    'The body must be a JSON object with the fields to change, such as {"narrative": '
    '"..."}; {} changes nothing.'
)
NOT_REPORTED = _(
    "The indicator %(indicator)s is not one the task reports on. Use one of: %(known)s."
)


class StartIn(Schema):
    task_id: int = Field(ge=1, le=MAX_ID)
    period_id: int = Field(ge=1, le=MAX_ID)


class ValueIn(Schema):
    indicator: Code
    value: Decimal | None = Field(
        max_digits=20, decimal_places=4, description="Null removes the value."
    )


class ReportIn(Schema):
    task_status: TaskStatus | None = None
    percent_done: int | None = Field(None, ge=0, le=100)
    narrative: Text | None = Field(None, max_length=MAX_NARRATIVE)
    values: list[ValueIn] | None = Field(None, max_length=200)


@router.post(
    "/reports",
    response={200: ReportDetailOut, 201: ReportDetailOut, **ERRORS},
    throttle=auth.write_limit,
    operation_id="startReport",
    summary="Start the task's report for a period (or find the one started)",
)
def start_report(request: HttpRequest, payload: StartIn) -> Status[dict[str, Any]]:
    user = request.auth  # type: ignore[attr-defined]
    require(caller(request), "plan.view_task")
    task = get_object_or_404(Task, pk=payload.task_id)
    period = get_object_or_404(ReportingPeriod, pk=payload.period_id)
    require(caller(request), "plan.add_report", task)
    if not owes_report(task, period):
        raise ApiError(422, "no_report_due", NOT_DUE, field="period_id")
    existed = ProgressReport.objects.filter(task=task, period=period).exists()
    report = workflow.start_report(task, period, user)
    return Status(200 if existed else 201, detail_out(user, find_report(user, report.pk)))


@router.patch(
    "/reports/{report_id}",
    response={200: ReportDetailOut, **ERRORS},
    throttle=auth.write_limit,
    operation_id="updateReport",
    summary="Change a draft or returned report; fields left out stay as they are",
)
def update_report(request: HttpRequest, payload: ReportIn, report_id: IdInPath) -> dict[str, Any]:
    user = request.auth  # type: ignore[attr-defined]
    _require_object(request)
    report = find_report(user, report_id)
    require_editable(request, report, "plan.change_report")
    indicators = {indicator.code: indicator for indicator in reported_indicators(report)}
    stored = {value.indicator.code: value.value for value in report.values.all()}
    given = _given_values(payload, indicators)
    data: dict[str, Any] = {
        "task_status": payload.task_status or report.task_status,
        "percent_done": (
            payload.percent_done if payload.percent_done is not None else report.percent_done
        ),
        "narrative": payload.narrative if payload.narrative is not None else report.narrative,
    }
    for code, indicator in indicators.items():
        value = given[code] if code in given else stored.get(code)
        data[ReportForm.value_field(indicator)] = "" if value is None else str(value)
    # In English, so that each message can be given in both languages.
    with translation.override("en"):
        form = ReportForm(data, instance=report, indicators=list(indicators.values()))
        valid = form.is_valid()
    if not valid:
        raise ValidationError(_form_errors(form, indicators))
    # Only the fields given: one left out keeps what is stored now, not what was read.
    fields = {
        name: form.cleaned_data[name]
        for name in workflow.EDITED_FIELDS
        if getattr(payload, name) is not None
    }
    values = {
        indicator: form.cleaned_data[form.value_field(indicator)]
        for code, indicator in indicators.items()
        if code in given
    }
    # The workflow re-reads the report under a lock and checks it again: a submission
    # that came first makes this a 409, and only the fields of the form are written.
    with conflicts_as_409():
        workflow.save_draft(report, user, fields, values)
    return detail_out(user, find_report(user, report.pk))


def _require_object(request: HttpRequest) -> None:
    """null, [1, 2] or "x" would read as a change of nothing and answer 200: the caller
    sent something else than they meant."""
    try:
        body = json.loads(request.body or b"null")
    except ValueError:
        return  # not JSON: refused before this view is reached
    if not isinstance(body, dict):
        raise ApiError(400, "body_not_object", NOT_AN_OBJECT)


def require_editable(request: HttpRequest, report: ProgressReport, permission: str) -> None:
    """403 for someone who may never do it; 409 for someone who may, but not in the
    report's present state (it works on the task, the report is not editable)."""
    user = request.auth  # type: ignore[attr-defined]
    if user.has_perm(permission, report):
        return
    if user.has_perm("plan.add_report", report.task) and not report.editable:
        raise ApiError(409, "not_editable", NOT_EDITABLE, state=report.status)
    require(caller(request), permission, report)


def _given_values(payload: ReportIn, indicators: dict[str, Any]) -> dict[str, Decimal | None]:
    given: dict[str, Decimal | None] = {}
    for index, item in enumerate(payload.values or []):
        if item.indicator not in indicators:
            known = ", ".join(sorted(indicators)) or "-"
            raise ApiError(
                422,
                "unknown_indicator",
                NOT_REPORTED,
                field=f"values.{index}.indicator",
                indicator=item.indicator,
                known=known,
            )
        given[item.indicator] = item.value
    return given


def _form_errors(form: ReportForm, indicators: dict[str, Any]) -> dict[str, Any]:
    """The form's errors under the API's field names."""
    names = {
        ReportForm.value_field(indicator): f"values.{code}"
        for code, indicator in indicators.items()
    }
    return {names.get(field, field): errors for field, errors in form.errors.as_data().items()}


@contextmanager
def conflicts_as_409() -> Iterator[None]:
    """A step that another one overtook: the report's state as it is now, as a 409."""
    try:
        yield
    except workflow.ReportStateChanged as changed:
        raise ApiError(409, "not_editable", NOT_EDITABLE, state=changed.status) from changed


@router.post(
    "/reports/{report_id}/submit",
    response={200: ReportDetailOut, **ERRORS},
    throttle=auth.write_limit,
    operation_id="submitReport",
    summary="Submit the report for approval",
)
def submit_report(request: HttpRequest, report_id: IdInPath) -> dict[str, Any]:
    user = request.auth  # type: ignore[attr-defined]
    report = find_report(user, report_id)
    require_editable(request, report, "plan.submit_report")
    # In English, so that the workflow's messages can be given in both languages.
    with translation.override("en"), conflicts_as_409():
        workflow.submit(report, user)
    return detail_out(user, find_report(user, report.pk))
