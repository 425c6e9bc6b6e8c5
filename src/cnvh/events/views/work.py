"""The events register's working pages: the list, an event with its clearance
timeline, and the forms of each step, each for the role that takes it. Every step goes
through `cnvh.events.workflow`, which checks the permission and the event's state."""

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cnvh.events import indicators, reminders, workflow
from cnvh.events.forms import (
    CallOffForm,
    ClearanceForm,
    DecisionForm,
    EventForm,
    IncompleteForm,
    ListFilters,
    ReportForm,
    ResolveClashForm,
    StepForm,
)
from cnvh.events.models import Clash, Clearance, Event, Status
from cnvh.events.permissions import events_visible_to
from cnvh.events.steps import REACHED_FROM
from cnvh.events.views.clashes import say_clashes
from cnvh.events.workflow import MOVABLE, StepRefused
from cnvh.language import pick
from cnvh.plan.permissions import require
from cnvh.presentation.tables import table_response
from cnvh.presentation.tables.csv_file import requested_format
from cnvh.presentation.tables.events import working_table
from cnvh.procedures.deadlines import NoProcedureInForce

LIST_LIMIT = 200


def query_without_format(request: HttpRequest) -> str:
    """The page's filters, for its download links to add the format to."""
    query = request.GET.copy()
    query.pop("format", None)
    return query.urlencode()


def _filtered(events: QuerySet[Event], filters: ListFilters) -> QuerySet[Event]:
    if not filters.is_valid():
        return events
    data = filters.cleaned_data
    if data.get("status"):
        events = events.filter(status=data["status"])
    if data.get("kind"):
        events = events.filter(kind=data["kind"])
    if data.get("ward"):
        events = events.filter(venue__ward__code=data["ward"])
    month = filters.month_range()
    if month:
        events = events.filter(starts_on__lt=month[1], ends_on__gte=month[0])
    return _counted(events, data.get("counted") or "", data.get("year"))


def _counted(events: QuerySet[Event], counted: str, year: int | None) -> QuerySet[Event]:
    """The events of an indicator's count in a year, or those whose first day falls in it."""
    if year is None:
        return events
    starts_on, ends_on = date(year, 1, 1), date(year, 12, 31)
    if counted:
        return events.filter(pk__in=indicators.counted_in(counted, starts_on, ends_on).values("pk"))
    return events.filter(starts_on__gte=starts_on, starts_on__lte=ends_on)


@require_GET
@login_required
def event_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "events.view_events")
    today = timezone.localdate()
    filters = ListFilters(request.GET or None)
    if file_format := requested_format(request):
        events = _filtered(events_visible_to(request.user), filters)
        table = working_table(events, request.build_absolute_uri())
        return table_response(table, file_format)
    overdue = Q(clearances__answer=Clearance.Answer.PENDING, clearances__due_on__lt=today)
    events = (
        _filtered(events_visible_to(request.user), filters)
        .select_related("venue__ward", "receiving_agency")
        .annotate(overdue_views=Count("clearances", filter=overdue))
        .order_by("-starts_on", "pk")
    )
    overdue_views = (
        Clearance.objects.filter(answer=Clearance.Answer.PENDING, due_on__lt=today)
        .select_related("event", "agency")
        .order_by("due_on")
    )
    context = {
        "filters": filters,
        "events": events[:LIST_LIMIT],
        "limit": LIST_LIMIT,
        "overdue_views": overdue_views,
        "due_soon_views": reminders.due_soon(today),
        "can_file": request.user.has_perm("events.file_event"),
        "query": query_without_format(request),
    }
    return render(request, "events/event_list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def event_new(request: HttpRequest) -> HttpResponse:
    require(request.user, "events.file_event")
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            event = workflow.file_event(
                form.save(commit=False), form.cleaned_data["procedure_code"], request.user
            )
        except NoProcedureInForce as error:
            form.add_error("procedure_code", pick(error.message_vi, error.message_en))
        except StepRefused as refused:
            form.add_error("procedure_code", refused.message)
        else:
            form.save_m2m()
            say_clashes(request, event)
            return redirect("events-detail", pk=event.pk)
    return render(request, "events/event_form.html", {"form": form})


def _event(pk: int) -> Event:
    return get_object_or_404(
        Event.objects.select_related(
            "venue__ward",
            "venue__heritage_manager",
            "receiving_agency",
            "procedure",
            "organiser_agency",
            "task",
            "created_by",
        ),
        pk=pk,
    )


@require_GET
@login_required
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(pk)
    require(request.user, "events.view_events", event)
    today = timezone.localdate()
    clearances = list(event.clearances.select_related("agency", "answered_by"))
    user = request.user
    found = Clash.objects.filter(Q(event=event) | Q(other=event)).select_related(
        "event", "other", "ward", "found_by", "resolved_by"
    )
    clashes = [(clash, clash.other_than(event)) for clash in found.order_by("-found_at", "pk")]
    reminders.mark_seen(user, event.pk)
    waiting = [c for c in clearances if c.pending and event.status == Status.IN_CLEARANCE]
    context = {
        "clashes": clashes,
        "resolvable": {
            clash.pk for clash, _other in clashes if user.has_perm("events.resolve_clash", clash)
        },
        "resolve_form": ResolveClashForm(),
        "movable": event.status in MOVABLE,
        "event": event,
        "today": today,
        "clearances": clearances,
        "answerable": {c.pk for c in clearances if user.has_perm("events.answer_clearance", c)},
        "overdue": {c.pk for c in clearances if c.overdue_on(today)},
        "countdowns": _countdowns(clearances, waiting, today),
        "transitions": event.transitions.select_related("by"),
        "can_handle": user.has_perm("events.handle_event", event),
        "can_decide": user.has_perm("events.decide_event", event),
        "incomplete_form": IncompleteForm(),
        "call_off_form": CallOffForm(),
        "can_call_off": event.status in REACHED_FROM[Status.CANCELLED],
    }
    return render(request, "events/event_detail.html", context)


def _countdowns(
    clearances: list[Clearance], waiting: list[Clearance], today: date
) -> list[tuple[Clearance, reminders.Countdown | None]]:
    """Each view with its working days left, while it is still awaited."""
    found = reminders.countdowns(waiting, today)
    return [(clearance, found.get(clearance.pk)) for clearance in clearances]


def _refused(request: HttpRequest, refused: StepRefused, pk: int) -> HttpResponse:
    messages.error(request, refused.message)
    return redirect("events-detail", pk=pk)


@require_POST
@login_required
def event_step(request: HttpRequest, pk: int) -> HttpResponse:
    """Resubmission, clearance, publication, held, closing, resuming: the receiving
    authority's steps that need nothing but the day."""
    event = _event(pk)
    require(request.user, "events.handle_event", event)
    form = StepForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Unknown step."))
        return redirect("events-detail", pk=pk)
    step: Any = {
        "resubmit": workflow.resubmit,
        "clearance": workflow.start_clearance,
        "publish": workflow.publish,
        "held": workflow.mark_held,
        "close": workflow.close,
        "resume": workflow.resume,
    }[form.cleaned_data["step"]]
    try:
        step(event, timezone.localdate(), request.user)
    except StepRefused as refused:
        return _refused(request, refused, pk)
    messages.success(request, _("Done."))
    return redirect("events-detail", pk=pk)


@require_POST
@login_required
def event_call_off(request: HttpRequest, pk: int) -> HttpResponse:
    """Postponed, suspended or cancelled, with the reason."""
    event = _event(pk)
    require(request.user, "events.handle_event", event)
    form = CallOffForm(request.POST)
    if not form.is_valid():
        for error in form.errors.values():
            messages.error(request, " ".join(str(message) for message in error))
        return redirect("events-detail", pk=pk)
    to, reason = form.cleaned_data["to"], form.cleaned_data["reason"]
    try:
        workflow.call_off(event, to, reason, timezone.localdate(), request.user)
    except StepRefused as refused:
        return _refused(request, refused, pk)
    messages.success(request, _("The event is now “%(status)s”.") % {"status": Status(to).label})
    return redirect("events-detail", pk=pk)


@require_POST
@login_required
def event_incomplete(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(pk)
    require(request.user, "events.handle_event", event)
    form = IncompleteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say what is missing from the file."))
        return redirect("events-detail", pk=pk)
    try:
        workflow.mark_incomplete(
            event, form.cleaned_data["missing"], timezone.localdate(), request.user
        )
    except StepRefused as refused:
        return _refused(request, refused, pk)
    messages.success(request, _("The organiser is asked for what is missing."))
    return redirect("events-detail", pk=pk)


@require_http_methods(["GET", "POST"])
@login_required
def event_decide(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(pk)
    require(request.user, "events.decide_event", event)
    form = DecisionForm(request.POST or None, initial={"decided_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            workflow.decide(
                event,
                data["approved"],
                data["decision_number"],
                data["decided_on"],
                data["reasons"],
                request.user,
            )
        except StepRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("The decision is recorded."))
            return redirect("events-detail", pk=pk)
    return render(request, "events/decide.html", {"form": form, "event": event})


@require_http_methods(["GET", "POST"])
@login_required
def event_report(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(pk)
    require(request.user, "events.handle_event", event)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            workflow.report(
                event,
                data["actual_attendance"],
                data["note"],
                timezone.localdate(),
                request.user,
            )
        except StepRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("The report is recorded."))
            return redirect("events-detail", pk=pk)
    return render(request, "events/report.html", {"form": form, "event": event})


@require_http_methods(["GET", "POST"])
@login_required
def clearance_answer(request: HttpRequest, pk: int) -> HttpResponse:
    clearance = get_object_or_404(Clearance.objects.select_related("event__venue", "agency"), pk=pk)
    require(request.user, "events.answer_clearance", clearance)
    form = ClearanceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            workflow.answer_clearance(
                clearance,
                form.cleaned_data["answer"],
                form.cleaned_data["reasons"],
                timezone.localdate(),
                request.user,
            )
        except StepRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("Your agency's view is recorded."))
            return redirect("events-detail", pk=clearance.event_id)
    context = {"form": form, "clearance": clearance, "event": clearance.event}
    return render(request, "events/clearance_form.html", context)
