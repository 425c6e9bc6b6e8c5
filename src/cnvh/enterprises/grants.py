"""The support granted by the programmes that publish their grants: for each approved
case (a report received later keeps it approved), the enterprise's name, its tax code,
the amount granted and the decision. What the public may read: only the programmes
marked as publishing, only approved cases, and never a household business's or an
individual's personal number, nor a tax code of theirs."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from cnvh.enterprises.models import CaseStage, Enterprise, Programme, SupportCase
from cnvh.enterprises.models.register import PERSONAL_FORMS

GRANTED = (CaseStage.APPROVED, CaseStage.REPORTED)


@dataclass(frozen=True)
class Grant:
    enterprise: str
    tax_code: str  # empty for a household business or an individual
    amount: Decimal  # VND
    decision_number: str
    decided_on: date | None


@dataclass(frozen=True)
class ProgrammeGrants:
    programme: Programme
    grants: list[Grant]

    @property
    def total(self) -> Decimal:
        return sum((grant.amount for grant in self.grants), Decimal(0))


def public_tax_code(enterprise: Enterprise) -> str:
    """The tax code of an enterprise or a cooperative; nothing for a household
    business or an individual, whatever code they are registered under."""
    if enterprise.is_personal or enterprise.legal_form in PERSONAL_FORMS:
        return ""
    return enterprise.shown_code


def published_grants() -> list[ProgrammeGrants]:
    """Each publishing programme (by code) with its approved cases, the latest
    decision first."""
    cases = (
        SupportCase.objects.filter(programme__publishes_grants=True, stage__in=GRANTED)
        .select_related("enterprise")
        .order_by("-decided_on", "enterprise__name_vi", "pk")
    )
    by_programme: dict[int, list[Grant]] = {}
    for case in cases:
        by_programme.setdefault(case.programme_id, []).append(
            Grant(
                enterprise=case.enterprise.name,
                tax_code=public_tax_code(case.enterprise),
                amount=case.amount_granted or Decimal(0),
                decision_number=case.decision_number,
                decided_on=case.decided_on,
            )
        )
    programmes = Programme.objects.filter(publishes_grants=True).select_related("owner")
    programmes = programmes.order_by("code")
    return [ProgrammeGrants(found, by_programme.get(found.pk, [])) for found in programmes]
