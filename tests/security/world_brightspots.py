"""The registry of models in the security tests' city: an open round that invites
departments (all the city's agencies), with a council of the lead agency's leader and
the leader elsewhere; the lead agency's nomination, admitted for assessment, with an
evidence file (the lead's leader may not score it: their own agency's); and a
recognised model."""

from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from cnvh.brightspots import workflow
from cnvh.brightspots.models import BrightSpot, Decision, Round, Rubric
from cnvh.plan.models import Agency

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def _spot(name: str, lead: Agency) -> BrightSpot:
    return BrightSpot(
        name_vi=name,
        level="department",
        sector="design",
        host_kind=BrightSpot.HostKind.AGENCY,
        host_agency=lead,
        start_year=2023,
    )


def build(people: dict[str, Any], lead: Agency) -> dict[str, Any]:
    today = timezone.localdate()
    coordinator, officer = people["coordinator"], people["officer_of_lead"]
    round_ = workflow.make_round(
        coordinator,
        Round(
            name_vi="Đợt thử",
            opens_on=today - timedelta(days=1),
            closes_on=today + timedelta(days=30),
            nominator_kinds=[Agency.Kind.DEPARTMENT],
            rubric=Rubric.objects.get(code="mo-hinh", version=1),
        ),
        [people["leader_of_lead"], people["leader_elsewhere"]],
    )
    assessed = workflow.nominate(round_, officer, lead, _spot("Đang đánh giá", lead))
    assessed = workflow.screen(assessed, coordinator, admitted=True)
    upload = SimpleUploadedFile("minutes.pdf", PDF, content_type="application/pdf")
    evidence = workflow.attach_evidence(assessed, upload, officer)
    recognised = workflow.nominate(round_, officer, lead, _spot("Đã công nhận", lead))
    workflow.screen(recognised, coordinator, admitted=True)
    criteria = round_.rubric.criteria.all()
    workflow.record_scores(
        recognised, people["leader_elsewhere"], {c.pk: (Decimal(9), "") for c in criteria}
    )
    decision = Decision(
        outcome=Decision.Outcome.RECOGNISED,
        number="1/QĐ-UBND",
        decided_on=today,
        level="city",
        valid_until=today + timedelta(days=3 * 365),
    )
    workflow.decide(recognised, coordinator, decision)
    return {
        "bs_round": round_,
        "bs_nomination": assessed,
        "bs_evidence": evidence,
        "bs_model": recognised.spot,
        "bs_rubric": round_.rubric,
    }
