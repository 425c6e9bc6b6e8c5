"""A support case's steps, each checked by the rules before it runs: received →
assessment (reviews) → decision (approved with an amount, or refused with a reason) →
disbursements (never above the amount granted) → report → outcome. Pages, the API and
the demo all go through here."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cnvh.enterprises.models import (
    CaseStage,
    Disbursement,
    Enterprise,
    Programme,
    Review,
    SupportCase,
)
from cnvh.plan.permissions import require


def _saved(case: SupportCase, user: Any) -> SupportCase:
    case._history_user = user  # type: ignore[attr-defined]
    case.save()
    return case


def receive(
    programme: Programme, enterprise: Enterprise, received_on: date, requested: Decimal, user: Any
) -> SupportCase:
    require(user, "enterprises.add_case", programme)
    case = SupportCase(
        programme=programme,
        enterprise=enterprise,
        received_on=received_on,
        amount_requested=requested,
    )
    return _saved(case, user)


def review(case: SupportCase, score: int, comment: str, user: Any) -> Review:
    require(user, "enterprises.assess_case", case)
    if not 0 <= score <= 100:
        raise ValidationError(_("A score is between 0 and 100."))
    made = Review.objects.create(case=case, reviewer=user, score=score, comment=comment)
    if case.stage == CaseStage.RECEIVED:
        case.stage = CaseStage.ASSESSMENT
        _saved(case, user)
    return made


def approve(
    case: SupportCase, decided_on: date, number: str, granted: Decimal, report_due: date, user: Any
) -> SupportCase:
    require(user, "enterprises.decide_case", case)
    if not case.reviews.exists():
        raise ValidationError(_("A case is decided after at least one review."))
    if granted <= 0 or granted > (case.amount_requested or 0):
        raise ValidationError(
            _("The amount granted is above zero and at most the amount requested.")
        )
    if not number.strip():
        raise ValidationError(_("A decision has its number."))
    case.stage, case.decided_on, case.decision_number = CaseStage.APPROVED, decided_on, number
    case.amount_granted, case.report_due_on = granted, report_due
    return _saved(case, user)


def refuse(case: SupportCase, decided_on: date, number: str, reason: str, user: Any) -> SupportCase:
    require(user, "enterprises.decide_case", case)
    if not reason.strip():
        raise ValidationError(_("A refusal gives its reason."))
    case.stage, case.decided_on, case.decision_number = CaseStage.REFUSED, decided_on, number
    case.refusal_reason = reason
    return _saved(case, user)


@transaction.atomic
def disburse(
    case: SupportCase, paid_on: date, amount: Decimal, note: str, user: Any
) -> Disbursement:
    require(user, "enterprises.follow_case", case)
    # Locked: two payments made at once cannot both pass the cap.
    locked = SupportCase.objects.select_for_update().get(pk=case.pk)
    granted = locked.amount_granted or Decimal(0)
    if amount <= 0:
        raise ValidationError(_("A disbursement is above zero."))
    if locked.disbursed() + amount > granted:
        raise ValidationError(
            _("This payment would bring the disbursed total above the %(granted)s VND granted.")
            % {"granted": f"{granted:,.0f}".replace(",", ".")}
        )
    paid = Disbursement(case=locked, paid_on=paid_on, amount=amount, note=note)
    paid._history_user = user  # type: ignore[attr-defined]
    paid.save()
    return paid


def receive_report(case: SupportCase, received_on: date, outcome: str, user: Any) -> SupportCase:
    require(user, "enterprises.follow_case", case)
    if not outcome.strip():
        raise ValidationError(_("Write the outcome the report shows."))
    case.stage, case.report_received_on, case.outcome = CaseStage.REPORTED, received_on, outcome
    return _saved(case, user)


def facing_status(case: SupportCase) -> str:
    """What the enterprise is told: the stage, never the reviews or internal notes."""
    return str(CaseStage(case.stage).label)
