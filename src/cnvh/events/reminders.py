"""Deadlines that act. Each view waiting shows its working days left; a view due within
`CNVH_EVENT_VIEW_DUE_SOON_DAYS` working days is reminded to the officers of the agency
that gives it; a view past its due day tells them so and is escalated to their agency's
leaders and to the coordinators.

`cnvh events-remind`, run daily, makes each notice once per person, view, kind and due
day (a unique constraint), in the app and by e-mail (Vietnamese then English: a mail has
no language switch). Days are working days on Vietnam's calendar with the announced day
swaps (`cnvh.procedures.deadlines`)."""

import logging
import smtplib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cnvh.events.models import Clearance, ClearanceNotice, Status
from cnvh.plan.models import Role
from cnvh.plan.permissions import people_holding
from cnvh.procedures.deadlines import working_calendar

logger = logging.getLogger(__name__)
Kind = ClearanceNotice.Kind


@dataclass(frozen=True)
class Countdown:
    """A view's working days left: 0 on its due day, negative once past it."""

    left: int
    due_soon_days: int

    @property
    def overdue(self) -> bool:
        return self.left < 0

    @property
    def due_soon(self) -> bool:
        return 0 <= self.left <= self.due_soon_days

    @property
    def tag(self) -> str:
        """The page's colour: red past the due day, amber when it is near."""
        return "overdue" if self.overdue else "due-soon" if self.due_soon else ""

    def shown(self) -> str:
        if self.left == 0:
            return _("due today")
        if self.left > 0:
            return ngettext(
                "%(days)s working day left", "%(days)s working days left", self.left
            ) % {"days": self.left}
        late = -self.left
        return ngettext("%(days)s working day late", "%(days)s working days late", late) % {
            "days": late
        }


def countdowns(clearances: Iterable[Clearance], today: date) -> dict[int, Countdown]:
    """Each view's countdown, on one working calendar (one query however many views)."""
    calendar = working_calendar()
    soon = settings.CNVH_EVENT_VIEW_DUE_SOON_DAYS
    return {
        view.pk: Countdown(calendar.working_days_between(today, view.due_on), soon)
        for view in clearances
    }


def waiting() -> QuerySet[Clearance]:
    """The views still to be given on events in clearance."""
    return Clearance.objects.filter(
        answer=Clearance.Answer.PENDING, event__status=Status.IN_CLEARANCE
    ).select_related("event", "agency")


def due_soon(today: date) -> list[tuple[Clearance, Countdown]]:
    """The views waiting whose due day is near, the soonest first (the board's amber)."""
    views = list(waiting().filter(due_on__gte=today).order_by("due_on", "pk"))
    found = countdowns(views, today)
    return [(view, found[view.pk]) for view in views if found[view.pk].due_soon]


def recipients(view: Clearance, kind: str) -> list[Any]:
    """Who is told: the agency's officers of a view near or past its due day; its
    leaders and the coordinators of one past it."""
    if kind == Kind.ESCALATED:
        people = people_holding(Role.LEADER, {view.agency_id}) | people_holding(Role.COORDINATOR)
        return list(people.distinct())
    return list(people_holding(Role.OFFICER, {view.agency_id}).distinct())


def send_clearance_reminders(today: date, *, mail: bool = True) -> list[ClearanceNotice]:
    """Every notice due on `today` and not made before; `mail=False` keeps them in the app
    (the demo, whose people have no real addresses)."""
    views = list(waiting().order_by("due_on", "pk"))
    found = countdowns(views, today)
    made: list[ClearanceNotice] = []
    for view in views:
        for kind in _kinds(found[view.pk]):
            made += _notify(view, kind, recipients(view, kind))
    for notice in made if mail else []:
        _email(notice)
    return made


def _kinds(countdown: Countdown) -> list[str]:
    if countdown.overdue:
        return [Kind.OVERDUE, Kind.ESCALATED]
    return [Kind.DUE_SOON] if countdown.due_soon else []


def _notify(view: Clearance, kind: str, people: list[Any]) -> list[ClearanceNotice]:
    made = []
    for person in people:
        try:
            with transaction.atomic():
                made.append(
                    ClearanceNotice.objects.create(
                        user=person, clearance=view, kind=kind, due_on=view.due_on
                    )
                )
        except IntegrityError:
            continue  # already told of this due day
    return made


def message(notice: ClearanceNotice) -> str:
    view = notice.clearance
    values = {
        "agency": view.agency.name,
        "event": view.event.title,
        "due": f"{notice.due_on:%d/%m/%Y}",
    }
    texts = {
        Kind.DUE_SOON: _("The view of %(agency)s on “%(event)s” is due on %(due)s."),
        Kind.OVERDUE: _(
            "The view of %(agency)s on “%(event)s” was due on %(due)s and has not been given."
        ),
        Kind.ESCALATED: _(
            "Escalated: the view of %(agency)s on “%(event)s” was due on %(due)s and has not "
            "been given."
        ),
    }
    return texts[Kind(notice.kind)] % values


def _email(notice: ClearanceNotice) -> None:
    address = notice.user.email
    if not address:
        return
    parts = []
    for language in ("vi", "en"):
        with translation.override(language):
            parts.append(message(notice))
    try:
        send_mail(f"[cnvh] {parts[0]}", "\n\n".join(parts), None, [address])
    except (OSError, smtplib.SMTPException):
        # The notice is in the app either way; the mail is a courtesy.
        logger.warning("could not e-mail notice %s", notice.pk, exc_info=True)
        return
    ClearanceNotice.objects.filter(pk=notice.pk).update(emailed=True)


def unread(user: Any) -> list[ClearanceNotice]:
    return list(
        ClearanceNotice.objects.filter(user=user, read_at__isnull=True).select_related(
            "clearance__event", "clearance__agency"
        )[:50]
    )


def mark_seen(user: Any, event_id: int) -> None:
    """Opening an event reads the person's notices about its views."""
    ClearanceNotice.objects.filter(
        user=user, clearance__event_id=event_id, read_at__isnull=True
    ).update(read_at=timezone.now())
