"""An investment project's steps, each checked by the rules before it runs:

proposed → approved (the decision of investment, numbered and dated) → under way →
operating, or stalled (with a reason) and under way again; cancelled (with a reason)
from any step before operating.

Every change goes through here — pages, demo — and is saved only once the model's own
checks pass (`InvestmentProject.clean`, `CapitalLine.clean`, `Milestone.clean`), so a
refusal never leaves half a change behind."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cnvh.enterprises.models import (
    CapitalLine,
    InvestmentProject,
    Milestone,
    ProjectStatus,
    StatusChange,
)
from cnvh.plan.permissions import require

Status = ProjectStatus


@dataclass(frozen=True)
class Move:
    to: str
    permission: str
    sources: tuple[str, ...]
    needs_reason: bool = False


MOVES: dict[str, Move] = {
    "approve": Move(Status.APPROVED, "enterprises.decide_project", (Status.PROPOSED,)),
    "start": Move(
        Status.UNDER_WAY, "enterprises.advance_project", (Status.APPROVED, Status.STALLED)
    ),
    "operate": Move(Status.OPERATING, "enterprises.advance_project", (Status.UNDER_WAY,)),
    "stall": Move(Status.STALLED, "enterprises.advance_project", (Status.UNDER_WAY,), True),
    "cancel": Move(
        Status.CANCELLED,
        "enterprises.decide_project",
        (Status.PROPOSED, Status.APPROVED, Status.UNDER_WAY, Status.STALLED),
        True,
    ),
}


def _saved(record: models.Model, user: Any) -> Any:
    record.full_clean()
    record._history_user = user  # type: ignore[attr-defined]
    record.save()
    return record


@transaction.atomic
def propose(project: InvestmentProject, proposed_on: date, user: Any) -> InvestmentProject:
    """A new project, proposed on `proposed_on`: by a coordinator, or an officer of the
    agency that will follow it."""
    require(user, "enterprises.add_project")
    project.status = Status.PROPOSED
    require(user, "enterprises.change_project", project)
    _not_ahead(proposed_on, "proposed_on")
    _saved(project, user)
    _step(project, Status.PROPOSED, proposed_on, "", user)
    return project


@transaction.atomic
def change(project: InvestmentProject, user: Any) -> InvestmentProject:
    """The project's record as edited; its status moves only through `move`."""
    stored = InvestmentProject.objects.select_for_update().get(pk=project.pk)
    require(user, "enterprises.change_project", stored)
    # Handing a project to another agency is allowed only to one who keeps that one too.
    require(user, "enterprises.change_project", project)
    project.status = stored.status
    return _saved(project, user)


@transaction.atomic
def move(
    project: InvestmentProject,
    action: str,
    on: date,
    reason: str,
    user: Any,
    decision_number: str = "",
) -> InvestmentProject:
    """One step of the workflow, dated `on`. Approving records the decision of
    investment: its number, and `on` as its date."""
    step = MOVES[action]
    require(user, step.permission, project)
    locked = InvestmentProject.objects.select_for_update().get(pk=project.pk)
    if locked.status not in step.sources:
        raise ValidationError(
            _("A project %(status)s cannot take this step.")
            % {"status": str(Status(locked.status).label).lower()}
        )
    errors: dict[str, str] = {}
    if step.needs_reason and not reason.strip():
        errors["reason"] = _("Reason: write why the project is stalled or cancelled.")
    last = locked.steps.order_by("on", "pk").last()
    if last is not None and on < last.on:
        errors["on"] = _(
            "Date: %(on)s is before the project's previous step (%(status)s, %(last)s)."
        ) % {
            "on": f"{on:%d/%m/%Y}",
            "status": str(Status(last.status).label).lower(),
            "last": f"{last.on:%d/%m/%Y}",
        }
    if errors:
        raise ValidationError(errors)
    _not_ahead(on, "on")
    if action == "approve":
        if not decision_number.strip():
            raise ValidationError(
                {"investment_decision_number": _("Decision of investment: write its number.")}
            )
        locked.investment_decision_number = decision_number.strip()
        locked.investment_decided_on = on
    locked.status = step.to
    _saved(locked, user)
    _step(locked, step.to, on, reason.strip(), user)
    project.refresh_from_db()
    return project


@transaction.atomic
def record_capital(
    project: InvestmentProject,
    year: int,
    source: str,
    planned: Decimal,
    disbursed: Decimal,
    user: Any,
) -> CapitalLine:
    """The capital of one year and source, planned and disbursed so far: a new line, or
    the amounts of the line already there."""
    require(user, "enterprises.change_project", project)
    # Locked: two lines saved at once cannot both pass the project's total.
    locked = InvestmentProject.objects.select_for_update().get(pk=project.pk)
    line = CapitalLine.objects.filter(project=locked, year=year, source=source).first()
    line = line or CapitalLine(project=locked, year=year, source=source)
    line.planned, line.disbursed = planned, disbursed
    return _saved(line, user)


def add_milestone(project: InvestmentProject, title: str, due_on: date, user: Any) -> Milestone:
    require(user, "enterprises.change_project", project)
    return _saved(Milestone(project=project, title=title.strip(), due_on=due_on), user)


def mark_done(milestone: Milestone, done_on: date, user: Any) -> Milestone:
    require(user, "enterprises.change_project", milestone.project)
    milestone.done_on = done_on
    return _saved(milestone, user)


def _not_ahead(day: date, field: str) -> None:
    if day > timezone.localdate():
        raise ValidationError(
            {field: _("Date: %(day)s has not come yet.") % {"day": f"{day:%d/%m/%Y}"}}
        )


def _step(project: InvestmentProject, status: str, on: date, reason: str, user: Any) -> None:
    made = StatusChange(project=project, status=status, on=on, reason=reason)
    made.recorded_by = user if getattr(user, "is_authenticated", False) else None
    made._history_user = user  # type: ignore[attr-defined]
    made.save()
