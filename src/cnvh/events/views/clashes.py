"""Clashes between events on the working pages: the clearance queue (the views waiting,
each with its event's open clashes), moving an event before its decision, and the note
that resolves a clash. The steps go through `cnvh.events.workflow`."""

from collections import defaultdict
from collections.abc import Iterable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cnvh.events import reminders, workflow
from cnvh.events.forms import MoveForm, ResolveClashForm
from cnvh.events.models import Clash, Clearance, Event, Status
from cnvh.events.workflow import Placing, StepRefused
from cnvh.plan.models import Role
from cnvh.plan.permissions import agencies_with, is_coordinator, require


def clashes_by_event(event_ids: Iterable[int]) -> dict[int, list[tuple[Clash, Event]]]:
    """The open clashes of each event, with the event each clashes with: one query."""
    ids = list(event_ids)
    found: dict[int, list[tuple[Clash, Event]]] = defaultdict(list)
    clashes = Clash.objects.filter(
        Q(event_id__in=ids) | Q(other_id__in=ids), resolved_on__isnull=True
    ).select_related("event", "other")
    for clash in clashes:
        found[clash.event_id].append((clash, clash.other))
        found[clash.other_id].append((clash, clash.event))
    return found


@require_GET
@login_required
def clearance_queue(request: HttpRequest) -> HttpResponse:
    """The views waiting: an officer's agencies' own, everyone's for the others."""
    require(request.user, "events.view_events")
    user = request.user
    waiting = (
        Clearance.objects.filter(answer=Clearance.Answer.PENDING, event__status=Status.IN_CLEARANCE)
        .select_related("event__venue__ward", "agency")
        .order_by("due_on", "pk")
    )
    officer_of = agencies_with(user, Role.OFFICER)
    own_only = bool(officer_of) and not is_coordinator(user)
    if own_only:
        waiting = waiting.filter(agency_id__in=officer_of)
    views = list(waiting)
    clashes = clashes_by_event({view.event_id for view in views})
    countdowns = reminders.countdowns(views, timezone.localdate())
    context = {
        "rows": [(view, countdowns[view.pk], clashes.get(view.event_id, [])) for view in views],
        "notices": [(notice, reminders.message(notice)) for notice in reminders.unread(user)],
        "own_only": own_only,
        "answerable": {v.pk for v in views if user.has_perm("events.answer_clearance", v)},
    }
    return render(request, "events/queue.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def event_move(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.select_related("venue"), pk=pk)
    require(request.user, "events.handle_event", event)
    initial = {
        "venue": event.venue_id,
        "starts_on": event.starts_on,
        "ends_on": event.ends_on,
        "starts_at": event.starts_at,
        "ends_at": event.ends_at,
    }
    form = MoveForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        to = Placing(
            data["venue"], data["starts_on"], data["ends_on"], data["starts_at"], data["ends_at"]
        )
        try:
            workflow.move_event(event, to, timezone.localdate(), request.user)
        except StepRefused as refused:
            form.add_error(None, refused.message)
        else:
            say_clashes(request, event)
            return redirect("events-detail", pk=pk)
    return render(request, "events/move.html", {"form": form, "event": event})


def say_clashes(request: HttpRequest, event: Event) -> None:
    count = Clash.objects.filter(Q(event=event) | Q(other=event), resolved_on__isnull=True).count()
    if count:
        messages.warning(
            request,
            _("Done. This event clashes with other events (%(count)s): see “Clashes” below.")
            % {"count": count},
        )
    else:
        messages.success(request, _("Done. No clash with another event was found."))


@require_POST
@login_required
def clash_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    clash = get_object_or_404(
        Clash.objects.select_related("event", "other"),
        pk=pk,
    )
    require(request.user, "events.resolve_clash", clash)
    back = request.POST.get("from")
    target = clash.other_id if back == str(clash.other_id) else clash.event_id
    form = ResolveClashForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say how the clash was resolved."))
        return redirect("events-detail", pk=target)
    try:
        workflow.resolve_clash(
            clash, form.cleaned_data["resolution"], timezone.localdate(), request.user
        )
    except StepRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("The clash is resolved; the note is kept with it."))
    return redirect("events-detail", pk=target)
