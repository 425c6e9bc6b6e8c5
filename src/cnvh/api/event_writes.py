"""Filing an event and giving an agency's view on it (on the events router).

The same steps as the pages: the filing form (`EventForm`) checks the fields, and
`cnvh.events.workflow` files the event under the procedure in force on its filing date
(flagged late when late, its clashes looked for) and records a view, checking the rules
itself. Every change is kept in the history with the caller as its author.
"""

from collections.abc import Callable
from datetime import date, time
from decimal import Decimal
from typing import Any, Literal

from django.db import transaction
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from ninja import Field, Schema, Status

from cnvh import language
from cnvh.api import auth
from cnvh.api.auth import caller
from cnvh.api.errors import ERRORS, ApiError
from cnvh.api.events import EventDetailOut, detail_out, router
from cnvh.api.fields import MAX_ID, Code, CodeInPath, IdInPath, Text
from cnvh.api.validation import INVALID
from cnvh.events import workflow
from cnvh.events.forms import EventForm
from cnvh.events.models import Clash, Clearance, Event
from cnvh.events.models import Status as EventStatus
from cnvh.events.permissions import answers_for_agency
from cnvh.events.workflow import StepRefused
from cnvh.plan.models import Agency
from cnvh.plan.permissions import require
from cnvh.procedures.deadlines import NoProcedureInForce

UNKNOWN_AGENCY = _(
    "No agency with the code “%(code)s” exists today. Use a code from /api/agencies."
)
NOT_ASKED = _("The agency “%(agency)s” is not asked for its view on this event.")
NOT_OPEN = _(
    "Your agency's view cannot be given now: it was given already, or the event is no "
    "longer in clearance (it is “%(now)s”)."
)
# The API's names of the form's fields, where they differ.
FIELD_NAMES = {
    "procedure_code": "procedure",
    "venue": "venue_id",
    "task": "task_id",
    "budget": "budget_vnd",
    "__all__": None,
}


class EventIn(Schema):
    procedure: Code = Field(description="The procedure's code; the version in force is used.")
    receiving_agency: Code = Field(description="The code of the authority that received it.")
    filed_on: date = Field(description="The day the file was received.")
    title_vi: Text = Field(max_length=255)
    title_en: Text = Field("", max_length=255)
    kind: Code = Field(description="e.g. performance, festival, exhibition, other.")
    sectors: list[Code] = Field([], max_length=20, description="Sector keys of hanoi-plan.")
    organiser_kind: Literal["agency", "enterprise", "person"]
    organiser_agency: Code | None = Field(None, description="The organising agency's code.")
    organiser_tax_code: Text = Field("", max_length=14)
    organiser_name: Text = Field("", max_length=255)
    venue_id: int = Field(ge=1, le=MAX_ID)
    starts_on: date | None = Field(None, description="Or give the lunar date.")
    ends_on: date | None = Field(None, description="Empty: a one-day event.")
    lunar_day: int | None = Field(None, ge=1, le=30)
    lunar_month: int | None = Field(None, ge=1, le=12)
    lunar_year: int | None = Field(None, ge=1901, le=2099)
    lunar_leap_month: bool = False
    recurs_yearly: bool = False
    starts_at: time | None = Field(None, description="Daily hours, both or neither.")
    ends_at: time | None = None
    city_wide: bool = False
    expected_attendance: int = Field(ge=0, le=2_147_483_647)
    budget_vnd: Decimal | None = Field(None, ge=0, max_digits=18, decimal_places=0)
    budget_sources: Text = Field("", max_length=255)
    task_id: int | None = Field(None, ge=1, le=MAX_ID)
    description_vi: Text = Field("", max_length=10_000)
    description_en: Text = Field("", max_length=10_000)


class ClashOut(Schema):
    other_event_id: int
    other_title: str
    rule: str = Field(description="same_venue, nearby, ward_crowd or city_wide.")
    day: date
    distance_metres: int | None


class FiledEventOut(EventDetailOut):
    clashes: list[ClashOut] = Field(description="The open clashes found when it was filed.")


class ViewIn(Schema):
    answer: Literal["agree", "conditions", "object"]
    reasons: Text = Field(
        "", max_length=4000, description="Required with conditions or an objection."
    )


@router.post(
    "/events",
    response={201: FiledEventOut, **ERRORS},
    throttle=auth.write_limit,
    operation_id="fileEvent",
    summary="File an event, as the receiving authority records it",
)
def file_event(request: HttpRequest, payload: EventIn) -> Status[dict[str, Any]]:
    user = caller(request)
    require(user, "events.file_event")
    data = _form_data(payload)
    form = _checked(lambda: EventForm(data))
    try:
        with transaction.atomic():
            event = workflow.file_event(
                form.save(commit=False), form.cleaned_data["procedure_code"], user
            )
            form.save_m2m()
    except NoProcedureInForce as error:
        message = {"vi": error.message_vi, "en": error.message_en}
        problem = {"code": "no_procedure", "message": message, "field": "procedure"}
        raise _invalid([problem]) from error
    except StepRefused as refused:
        raise _invalid([_refusal(refused, "procedure")]) from refused
    return Status(201, {**detail_out(event), "clashes": _clashes(event)})


def _form_data(payload: EventIn) -> dict[str, Any]:
    """The form's data from the body: agencies by code, numbers and dates as values
    (never text, which the form would read in the page's number style)."""
    data: dict[str, Any] = payload.dict()
    data["procedure_code"] = data.pop("procedure")
    data["venue"] = data.pop("venue_id")
    data["task"] = data.pop("task_id") or ""
    data["budget"] = data.pop("budget_vnd")
    problems = []
    for name in ("receiving_agency", "organiser_agency"):
        code = data[name]
        agency = Agency.objects.filter(code=code).first() if code else None
        if code and (agency is None or not agency.is_current):
            message = language.both(UNKNOWN_AGENCY, code=code)
            problems.append({"code": "unknown_agency", "message": message, "field": name})
        data[name] = agency.pk if agency else ""
    if problems:
        raise _invalid(problems)
    return {name: value for name, value in data.items() if value is not None}


def _checked(make: Callable[[], EventForm]) -> EventForm:
    """The form, valid; else a 422 with each problem in Vietnamese and English (the form
    is read once in each language, since its messages are written with their values)."""
    said: dict[str, dict[str, list[str]]] = {}
    for code in language.LANGUAGES:
        with translation.override(code):
            form = make()
            if form.is_valid():
                return form
            # Read here: a message may be a lazy translation, said in the active language.
            said[code] = {
                name: [str(text) for text in texts] for name, texts in form.errors.items()
            }
    problems = []
    for field, errors in form.errors.as_data().items():
        for number, error in enumerate(errors):
            message = {code: said[code][field][number] for code in language.LANGUAGES}
            name = FIELD_NAMES.get(field, field)
            problems.append({"code": error.code or "invalid", "message": message, "field": name})
    raise _invalid(problems)


def _invalid(problems: list[dict[str, Any]]) -> ApiError:
    found = ApiError(422, "invalid", INVALID, field=problems[0]["field"], details=problems)
    # One problem is said as it is; several are listed in the details.
    if len(problems) == 1:
        found.message = problems[0]["message"]
    return found


def _refusal(refused: StepRefused, field: str | None) -> dict[str, Any]:
    return {"code": "refused", "message": refused.both(), "field": refused.field or field}


def _clashes(event: Event) -> list[dict[str, Any]]:
    found = Clash.objects.filter(event=event, resolved_on__isnull=True).select_related("other")
    return [
        {
            "other_event_id": clash.other_id,
            "other_title": clash.other.title,
            "rule": clash.rule,
            "day": clash.day,
            "distance_metres": clash.distance_metres,
        }
        for clash in found.order_by("pk")
    ]


@router.post(
    "/events/{event_id}/clearances/{agency}",
    response={200: EventDetailOut, **ERRORS},
    throttle=auth.write_limit,
    operation_id="giveEventView",
    summary="Give your agency's view on an event in clearance (dated today)",
)
def give_view(
    request: HttpRequest, payload: ViewIn, event_id: IdInPath, agency: CodeInPath
) -> dict[str, Any]:
    user = caller(request)
    event = get_object_or_404(Event, pk=event_id)
    require(user, "events.view_events", event)
    clearance = (
        Clearance.objects.select_related("event", "agency")
        .filter(event=event, agency__code=agency)
        .first()
    )
    if clearance is None:
        raise ApiError(404, "not_asked", NOT_ASKED, field="agency", agency=agency)
    if not user.has_perm("events.answer_clearance", clearance):
        if answers_for_agency(user, clearance):
            now = EventStatus(event.status).label
            raise ApiError(409, "not_open", NOT_OPEN, now=now)
        require(user, "events.answer_clearance", clearance)
    today = timezone.localdate()
    try:
        workflow.answer_clearance(clearance, payload.answer, payload.reasons, today, user)
    except StepRefused as refused:
        raise _invalid([_refusal(refused, None)]) from refused
    return detail_out(event)
