"""The cultural events register, for members (`events.view_events`): the events with
their clearances and steps, and the register's indicators computed from its records.
Filing an event and giving a view are in `event_writes`. The public calendar is the page
/calendar/ and its feed /calendar/events.ics."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from cnvh.api import auth
from cnvh.api.auth import caller
from cnvh.api.errors import ERRORS
from cnvh.api.fields import Code, IdInPath
from cnvh.api.pagination import PageMeta, PageQuery, meta, ordered, page
from cnvh.events import indicators
from cnvh.events.models import Event
from cnvh.events.permissions import events_visible_to
from cnvh.plan.permissions import require

router = Router(tags=["events"], auth=auth.member)


class ClearanceOut(Schema):
    agency: str = Field(description="The agency's code.")
    requested_on: date
    due_on: date
    answer: str = Field(description="pending, agree, conditions or object.")
    reasons: str
    answered_on: date | None
    on_time: bool | None = Field(description="Answered by the due date; null while pending.")


class StepOut(Schema):
    from_status: str
    to_status: str
    on: date
    note: str


class EventOut(Schema):
    id: int
    title_vi: str
    title_en: str
    kind: str
    sectors: list[str] = Field(description="Sector keys of the hanoi-plan scope.")
    status: str
    starts_on: date
    ends_on: date
    lunar_start: str = Field(description="The first day in the lunar calendar, d/m[N]/yyyy.")
    recurs_yearly: bool
    venue: str
    ward: str = Field(description="The venue's ward (agency code).")
    organiser: str
    expected_attendance: int
    actual_attendance: int | None
    budget_vnd: Decimal | None = Field(description="In VND, exact.")
    task_id: int | None
    receiving_agency: str
    procedure: str = Field(description="The procedure's code; its version is valid_from.")
    procedure_valid_from: date
    filed_on: date
    filing_deadline: date
    late_filing: bool
    decision_due: date | None
    decision_number: str
    decided_on: date | None


class EventDetailOut(EventOut):
    clearances: list[ClearanceOut]
    steps: list[StepOut]


class EventPage(PageMeta):
    items: list[EventOut]


class EventFilter(PageQuery):
    status: Code | None = Field(None, description="e.g. in_clearance, published, held.")
    kind: Code | None = Field(None, description="e.g. performance, festival.")
    starts_from: date | None = None
    starts_to: date | None = None


class EventCountOut(Schema):
    key: str
    events: int


class EventIndicatorsOut(Schema):
    starts_on: date
    ends_on: date
    events_held: int
    by_kind: list[EventCountOut]
    by_sector: list[EventCountOut]
    by_ward: list[EventCountOut]
    views_due: int
    views_on_time: int
    on_time_share: float | None = Field(description="A fraction; null when no view was due.")
    decisions: int
    median_working_days_to_decision: float | None
    attendance: int = Field(description="Actual attendance reported by the events held.")
    clashes_found: int = Field(description="Clashes between events found in the period.")
    clashes_resolved: int = Field(description="Clashes resolved in the period.")


def event_out(event: Event) -> dict[str, Any]:
    return {
        **{name: getattr(event, name) for name in EventOut.model_fields if hasattr(event, name)},
        "lunar_start": str(event.lunar_start),
        "venue": event.venue.name,
        "ward": event.venue.ward.code,
        "organiser": event.organiser,
        "budget_vnd": event.budget,
        "receiving_agency": event.receiving_agency.code,
        "procedure": event.procedure.code,
        "procedure_valid_from": event.procedure.valid_from,
    }


def _events() -> Any:
    return Event.objects.select_related(
        "venue__ward", "receiving_agency", "procedure", "organiser_agency"
    )


@router.get(
    "/events",
    response={200: EventPage, **ERRORS},
    operation_id="listEvents",
    summary="Cultural events filed, in clearance, decided and held",
)
def list_events(request: HttpRequest, filters: Query[EventFilter]) -> dict[str, Any]:
    require(caller(request), "events.view_events")
    events = _events().filter(pk__in=events_visible_to(caller(request)).values("pk"))
    if filters.status:
        events = events.filter(status=filters.status)
    if filters.kind:
        events = events.filter(kind=filters.kind)
    if filters.starts_from:
        events = events.filter(starts_on__gte=filters.starts_from)
    if filters.starts_to:
        events = events.filter(starts_on__lte=filters.starts_to)
    total, found = page(ordered(events, "starts_on"), filters)
    return {**meta(total, filters), "items": [event_out(event) for event in found]}


@router.get(
    "/events/{event_id}",
    response={200: EventDetailOut, **ERRORS},
    operation_id="getEvent",
    summary="One event with the agencies' views and its steps",
)
def get_event(request: HttpRequest, event_id: IdInPath) -> dict[str, Any]:
    event = get_object_or_404(_events(), pk=event_id)
    require(caller(request), "events.view_events", event)
    return detail_out(event)


def detail_out(event: Event) -> dict[str, Any]:
    """The event as read now, with its views and steps."""
    event = _events().get(pk=event.pk)
    clearances = [
        {
            "agency": c.agency.code,
            "requested_on": c.requested_on,
            "due_on": c.due_on,
            "answer": c.answer,
            "reasons": c.reasons,
            "answered_on": c.answered_on,
            "on_time": c.on_time,
        }
        for c in event.clearances.select_related("agency")
    ]
    steps = list(event.transitions.values("from_status", "to_status", "on", "note"))
    return {**event_out(event), "clearances": clearances, "steps": steps}


class PeriodQuery(Schema):
    starts_on: date = Field(description="First day of the period.")
    ends_on: date = Field(description="Last day of the period.")


@router.get(
    "/event-indicators",
    response={200: EventIndicatorsOut, **ERRORS},
    operation_id="getEventIndicators",
    summary="The events register's indicators for a period, computed from its records",
)
def event_indicators(request: HttpRequest, period: Query[PeriodQuery]) -> dict[str, Any]:
    require(caller(request), "events.view_indicators")
    found = indicators.compute(period.starts_on, period.ends_on, timezone.localdate())

    def counts(counter: Any) -> list[dict[str, Any]]:
        return [{"key": key, "events": n} for key, n in sorted(counter.items())]

    return {
        "starts_on": found.starts_on,
        "ends_on": found.ends_on,
        "events_held": found.held,
        "by_kind": counts(found.by_kind),
        "by_sector": counts(found.by_sector),
        "by_ward": counts(found.by_ward),
        "views_due": found.views_due,
        "views_on_time": found.views_on_time,
        "on_time_share": found.on_time_share,
        "decisions": found.decisions,
        "median_working_days_to_decision": found.median_days_to_decision,
        "attendance": found.attendance,
        "clashes_found": found.clashes_found,
        "clashes_resolved": found.clashes_resolved,
    }
