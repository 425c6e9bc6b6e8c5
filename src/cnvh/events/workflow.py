"""The life of an event's file: filed → (incomplete ⇄ resubmitted) → in clearance →
decided (approved, refused, or deemed accepted when the procedure says silence is
consent and its window passed) → published → held → reported → closed; postponed,
suspended (also while it is being held) or cancelled at any point before, with a
reason, a postponed or suspended event resuming at the step it was stopped at.

Every step is gated here, and only here: it checks the caller's permission, the
event's current status (re-read under a row lock) and what the step needs (all views
given before a decision, reasons for a refusal); it records a `Transition`. The
procedure is the version in force on the filing date, so a later change of the law
never moves an old file's deadlines.
"""

from dataclasses import dataclass
from datetime import date, time
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cnvh.events import clashes
from cnvh.events.models import (
    KIND_CHOICES,
    Clash,
    Clearance,
    ClearanceRule,
    Event,
    Status,
    Transition,
    Venue,
)
from cnvh.events.steps import RESUMABLE, StepRefused, locked, move, stamp
from cnvh.plan.models import Agency
from cnvh.plan.permissions import require
from cnvh.procedures import deadlines


@transaction.atomic
def file_event(event: Event, procedure_code: str, user: Any) -> Event:
    """Record a new file received on `event.filed_on` under the procedure in force
    that day; a file past the procedure's lead time is kept, and flagged late."""
    require(user, "events.file_event")
    procedure = deadlines.procedure_in_force(procedure_code, event.filed_on)
    if event.kind not in (procedure.applies_to or []):
        raise StepRefused(
            gettext_lazy("Procedure %(code)s does not apply to a %(kind)s: choose one that does."),
            field="procedure",
            code=procedure.code,
            kind=dict(KIND_CHOICES).get(event.kind, event.kind),
        )
    event.procedure = procedure
    event.filing_deadline = deadlines.filing_deadline(procedure, event.starts_on)
    event.late_filing = event.filed_on > event.filing_deadline
    event.status = Status.FILED
    event.created_by = user
    stamp(event, user)
    event.save()
    note = _("Filed late: the last day was %(day)s.") % {"day": f"{event.filing_deadline:%d/%m/%Y}"}
    Transition.objects.create(
        event=event,
        from_status="",
        to_status=Status.FILED,
        on=event.filed_on,
        by=user,
        note=note if event.late_filing else "",
    )
    clashes.record(event, event.filed_on, user)
    return event


@transaction.atomic
def mark_incomplete(event: Event, missing: str, on: date, user: Any) -> Event:
    if not missing.strip():
        raise StepRefused(_("Say what is missing from the file."))
    fresh = locked(event, Status.INCOMPLETE, user, "events.handle_event")
    return move(fresh, Status.INCOMPLETE, on, user, missing, missing=missing)


@transaction.atomic
def resubmit(event: Event, on: date, user: Any) -> Event:
    fresh = locked(event, Status.RESUBMITTED, user, "events.handle_event")
    return move(fresh, Status.RESUBMITTED, on, user)


def rules_applying(event: Event, on: date) -> list[ClearanceRule]:
    """The clearance rules in force on `on` whose conditions the event meets."""
    in_force = ClearanceRule.objects.filter(valid_from__lte=on).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=on)
    )
    return [
        rule
        for rule in in_force.select_related("agency")
        if (not rule.kinds or event.kind in rule.kinds)
        and (rule.min_attendance is None or event.expected_attendance >= rule.min_attendance)
        and (not rule.heritage_sites_only or event.venue.heritage_site)
    ]


def _reviewer(rule: ClearanceRule, event: Event) -> Agency | None:
    if rule.reviewer == ClearanceRule.Reviewer.VENUE_WARD:
        return event.venue.ward
    if rule.reviewer == ClearanceRule.Reviewer.HERITAGE_MANAGER:
        return event.venue.heritage_manager
    return rule.agency


def _ask(event: Event, on: date, due: date, user: Any) -> None:
    """Asks each agency the rules name, and not asked yet, for its view by `due`."""
    asked: dict[int, ClearanceRule] = {}
    already = set(event.clearances.values_list("agency_id", flat=True))
    for rule in rules_applying(event, on):
        agency = _reviewer(rule, event)
        if agency is not None and agency.pk not in already | {event.receiving_agency_id}:
            asked.setdefault(agency.pk, rule)
    for agency_id, rule in asked.items():
        clearance = Clearance(
            event=event, agency_id=agency_id, rule=rule, requested_on=on, due_on=due
        )
        stamp(clearance, user)
        clearance.save()


@transaction.atomic
def start_clearance(event: Event, on: date, user: Any) -> Event:
    """The file is complete on `on`: the decision is due within the procedure's answer
    time from that day, and each agency the rules name is asked for its view by then."""
    fresh = locked(event, Status.IN_CLEARANCE, user, "events.handle_event")
    due = deadlines.answer_due(fresh.procedure, on)
    _ask(fresh, on, due, user)
    return move(fresh, Status.IN_CLEARANCE, on, user, complete_on=on, decision_due=due)


# An event is moved before its decision; after it, the organiser files again.
MOVABLE = (Status.FILED, Status.INCOMPLETE, Status.RESUBMITTED, Status.IN_CLEARANCE)


@dataclass(frozen=True)
class Placing:
    """Where and when an event is held."""

    venue: Venue
    starts_on: date
    ends_on: date
    starts_at: time | None = None
    ends_at: time | None = None

    @classmethod
    def of(cls, event: Event) -> "Placing":
        return cls(event.venue, event.starts_on, event.ends_on, event.starts_at, event.ends_at)

    def shown(self) -> str:
        days = f"{self.starts_on:%d/%m/%Y}"
        if self.ends_on != self.starts_on:
            days += f"–{self.ends_on:%d/%m/%Y}"
        if self.starts_at and self.ends_at:
            days += f" {self.starts_at:%H:%M}–{self.ends_at:%H:%M}"
        return f"{days}, {self.venue.name}"


@transaction.atomic
def move_event(event: Event, to: Placing, on: date, user: Any) -> Event:
    """New days, hours or venue before the decision. The last day to file is counted
    again from the new first day; in clearance, the agencies the rules now name are
    asked too; the clashes are looked for again."""
    fresh = Event.objects.select_for_update().select_related("procedure", "venue").get(pk=event.pk)
    require(user, "events.handle_event", fresh)
    if fresh.status not in MOVABLE:
        raise StepRefused(
            _("This event is “%(now)s”: it can be moved only before the decision.")
            % {"now": fresh.get_status_display()}
        )
    before = Placing.of(fresh)
    if to == before:
        raise StepRefused(_("The new days and venue are those of the event: nothing to move."))
    if to.ends_on < to.starts_on:
        raise StepRefused(_("The last day is before the first: check both dates."))
    if to.starts_on != fresh.starts_on:
        # The lunar date no longer names the first day.
        fresh.lunar_day = fresh.lunar_month = None
        fresh.lunar_leap_month = False
    fresh.venue, fresh.starts_on, fresh.ends_on = to.venue, to.starts_on, to.ends_on
    fresh.starts_at, fresh.ends_at = to.starts_at, to.ends_at
    fresh.filing_deadline = deadlines.filing_deadline(fresh.procedure, fresh.starts_on)
    fresh.late_filing = fresh.filed_on > fresh.filing_deadline
    note = _("Moved from %(before)s to %(after)s.") % {
        "before": before.shown(),
        "after": to.shown(),
    }
    move(fresh, fresh.status, on, user, note)
    if fresh.status == Status.IN_CLEARANCE and fresh.decision_due:
        _ask(fresh, on, fresh.decision_due, user)
    clashes.record(fresh, on, user)
    return fresh


@transaction.atomic
def resolve_clash(clash: Clash, note: str, on: date, user: Any) -> Clash:
    """The authority's answer to a clash: what was agreed, by whom, when."""
    fresh = (
        Clash.objects.select_for_update(of=("self",))
        .select_related("event", "other")
        .get(pk=clash.pk)
    )
    require(user, "events.resolve_clash", fresh)
    if not note.strip():
        raise StepRefused(_("Say how the clash was resolved."))
    if on < fresh.found_on:
        raise StepRefused(
            _("The clash was found on %(day)s: it cannot be resolved before.")
            % {"day": f"{fresh.found_on:%d/%m/%Y}"}
        )
    fresh.resolved_on, fresh.resolved_by, fresh.resolution = on, user, note.strip()
    stamp(fresh, user)
    fresh.save()
    return fresh


@transaction.atomic
def answer_clearance(
    clearance: Clearance, answer: str, reasons: str, on: date, user: Any
) -> Clearance:
    fresh = (
        Clearance.objects.select_for_update(of=("self",))
        .select_related("event")
        .get(pk=clearance.pk)
    )
    require(user, "events.answer_clearance", fresh)
    if answer == Clearance.Answer.PENDING:
        raise StepRefused(gettext_lazy("Choose an answer."), field="answer")
    if answer != Clearance.Answer.AGREE and not reasons.strip():
        raise StepRefused(
            gettext_lazy("Give the reasons or the conditions of this answer."), field="reasons"
        )
    if not fresh.pending:
        raise StepRefused(gettext_lazy("This view has already been given."))
    fresh.answer, fresh.reasons, fresh.answered_on, fresh.answered_by = answer, reasons, on, user
    stamp(fresh, user)
    fresh.save()
    return fresh


@transaction.atomic
def decide(event: Event, approved: bool, number: str, on: date, reasons: str, user: Any) -> Event:
    """Approve or refuse, by a numbered decision, once every agency has given its view."""
    fresh = locked(
        event, Status.APPROVED if approved else Status.REFUSED, user, "events.decide_event"
    )
    waiting = [c.agency.name for c in fresh.clearances.select_related("agency") if c.pending]
    if waiting:
        raise StepRefused(
            _("Still waiting for the view of: %(agencies)s.") % {"agencies": ", ".join(waiting)}
        )
    if not number.strip():
        raise StepRefused(_("Give the decision's number."))
    if fresh.complete_on and on < fresh.complete_on:
        raise StepRefused(
            _("The file was complete on %(day)s: the decision cannot be dated before.")
            % {"day": f"{fresh.complete_on:%d/%m/%Y}"}
        )
    if not approved and not reasons.strip():
        raise StepRefused(_("A refusal is written with its reasons."))
    to = Status.APPROVED if approved else Status.REFUSED
    return move(
        fresh,
        to,
        on,
        user,
        reasons,
        decision_number=number,
        decided_on=on,
        decision_reasons=reasons,
    )


def deem_silent_consents(today: date) -> list[Event]:
    """Events whose procedure says silence is consent and whose answer window passed
    before `today` with no decision: the organiser may go ahead."""
    waiting = Event.objects.filter(
        status=Status.IN_CLEARANCE, procedure__silence_is_consent=True, decision_due__lt=today
    )
    moved = []
    for event in waiting:
        with transaction.atomic():
            fresh = locked(event, Status.DEEMED_ACCEPTED, None, "")
            note = _("No answer by %(day)s: silence is consent under this procedure.") % {
                "day": f"{fresh.decision_due:%d/%m/%Y}"
            }
            moved.append(move(fresh, Status.DEEMED_ACCEPTED, today, None, note))
    return moved


@transaction.atomic
def publish(event: Event, on: date, user: Any) -> Event:
    fresh = locked(event, Status.PUBLISHED, user, "events.handle_event")
    return move(fresh, Status.PUBLISHED, on, user, sequence=fresh.sequence + 1, published_on=on)


@transaction.atomic
def mark_held(event: Event, on: date, user: Any) -> Event:
    fresh = locked(event, Status.HELD, user, "events.handle_event")
    if on < fresh.starts_on:
        raise StepRefused(
            _("The event starts on %(day)s: it cannot be held before.")
            % {"day": f"{fresh.starts_on:%d/%m/%Y}"}
        )
    return move(fresh, Status.HELD, on, user)


@transaction.atomic
def report(event: Event, actual_attendance: int, note: str, on: date, user: Any) -> Event:
    """The report after the event: how many came."""
    fresh = locked(event, Status.REPORTED, user, "events.handle_event")
    return move(
        fresh,
        Status.REPORTED,
        on,
        user,
        note,
        actual_attendance=actual_attendance,
        report_note=note,
    )


@transaction.atomic
def close(event: Event, on: date, user: Any) -> Event:
    """The file is closed once the report after the event is in."""
    fresh = locked(event, Status.CLOSED, user, "events.handle_event")
    return move(fresh, Status.CLOSED, on, user)


def _told_subscribers(event: Event) -> int:
    """The next SEQUENCE of an event the public calendar carries; others keep theirs."""
    return event.sequence + 1 if event.published_on is not None else event.sequence


@transaction.atomic
def call_off(event: Event, to: str, reason: str, on: date, user: Any) -> Event:
    """Postponed, suspended or cancelled, with its reason. A published event stays on the
    public calendar marked as such, and its feed entry is revised (SEQUENCE)."""
    if to not in (*RESUMABLE, Status.CANCELLED):
        raise StepRefused(_("Unknown step."))
    if not reason.strip():
        raise StepRefused(_("Give the reason: it is kept with the step and shown to the public."))
    fresh = locked(event, to, user, "events.handle_event")
    return move(fresh, to, on, user, reason.strip(), sequence=_told_subscribers(fresh))


@transaction.atomic
def resume(event: Event, on: date, user: Any) -> Event:
    """A postponed or suspended event goes on from the step it was stopped at."""
    fresh = Event.objects.select_for_update().select_related("procedure").get(pk=event.pk)
    require(user, "events.handle_event", fresh)
    if fresh.status not in RESUMABLE:
        raise StepRefused(
            _("This event is “%(now)s”: only a postponed or suspended event resumes.")
            % {"now": fresh.get_status_display()}
        )
    stopped = fresh.stopping_step()
    if stopped is None or not stopped.from_status:
        raise StepRefused(_("The step this event was stopped at is not recorded."))
    note = _("Resumed at “%(step)s”.") % {"step": Status(stopped.from_status).label}
    return move(fresh, stopped.from_status, on, user, note, sequence=_told_subscribers(fresh))
