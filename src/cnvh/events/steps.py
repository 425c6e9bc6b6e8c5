"""The primitives of an event's workflow (`cnvh.events.workflow`): which status each
step may be reached from, the refusal a step raises, and the locked read and the
recorded move every step is made of."""

from datetime import date
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _

from cnvh import language
from cnvh.events.models import Event, Status, Transition
from cnvh.plan.permissions import require

BEFORE_HELD = (
    Status.FILED,
    Status.INCOMPLETE,
    Status.RESUBMITTED,
    Status.IN_CLEARANCE,
    Status.APPROVED,
    Status.DEEMED_ACCEPTED,
    Status.PUBLISHED,
)
# The steps each status may be reached from: nothing skips a step.
REACHED_FROM: dict[str, tuple[str, ...]] = {
    Status.INCOMPLETE: (Status.FILED, Status.RESUBMITTED),
    Status.RESUBMITTED: (Status.INCOMPLETE,),
    Status.IN_CLEARANCE: (Status.FILED, Status.RESUBMITTED),
    Status.APPROVED: (Status.IN_CLEARANCE,),
    Status.REFUSED: (Status.IN_CLEARANCE,),
    Status.DEEMED_ACCEPTED: (Status.IN_CLEARANCE,),
    Status.PUBLISHED: (Status.APPROVED, Status.DEEMED_ACCEPTED),
    Status.HELD: (Status.PUBLISHED,),
    Status.REPORTED: (Status.HELD,),
    Status.CLOSED: (Status.REPORTED,),
    Status.POSTPONED: BEFORE_HELD,
    Status.SUSPENDED: (*BEFORE_HELD, Status.HELD),
    Status.CANCELLED: (*BEFORE_HELD, Status.POSTPONED, Status.SUSPENDED),
}
RESUMABLE = (Status.POSTPONED, Status.SUSPENDED)


class StepRefused(Exception):
    """A step the event's state or the given facts do not allow, with its reason and,
    where one input is at fault, its name. A reason given untranslated (lazy, with its
    parameters apart) can be said in both languages (`both`), as the API says it."""

    def __init__(self, message: str | Promise, *, field: str | None = None, **params: Any) -> None:
        self.text, self.params, self.field = message, params, field
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return str(self.text) % self.params if self.params else str(self.text)

    def both(self) -> dict[str, str]:
        return language.both(self.text, **self.params)


def stamp(obj: Any, user: Any) -> None:
    # simple-history reads the acting user from here outside a web request.
    obj._history_user = user


def locked(event: Event, to: str, user: Any, permission: str) -> Event:
    """The event re-read under a row lock; the caller's permission asked of it as it
    is now, then whether its status allows the step."""
    fresh = Event.objects.select_for_update().select_related("procedure").get(pk=event.pk)
    if permission:
        require(user, permission, fresh)
    if fresh.status not in REACHED_FROM[to]:
        raise StepRefused(
            _("This event is “%(now)s”: it cannot become “%(to)s”.")
            % {"now": fresh.get_status_display(), "to": Status(to).label}
        )
    return fresh


def move(event: Event, to: str, on: date, user: Any, note: str = "", **fields: Any) -> Event:
    before = event.status
    event.status = to
    for name, value in fields.items():
        setattr(event, name, value)
    stamp(event, user)
    event.save()
    Transition.objects.create(
        event=event, from_status=before, to_status=to, on=on, by=user, note=note
    )
    return event
