"""The workflow's rules: who scores what (conflict of interest included), a round
keeps its rubric version, the upload limits, and decisions that need their facts."""

from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from cnvh.brightspots import workflow
from cnvh.brightspots.models import (
    BrightSpot,
    Criterion,
    Decision,
    FollowUp,
    Replication,
    Round,
    Rubric,
)
from cnvh.brightspots.ranking import ranking
from cnvh.plan import evidence
from cnvh.plan.models import Role
from tests import factories
from tests.brightspots.conftest import City

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    with translation.override("en"):
        yield


def recognition(day: date = date(2026, 3, 15), until: date = date(2029, 3, 14)) -> Decision:
    return Decision(
        outcome=Decision.Outcome.RECOGNISED,
        number="125/QĐ-UBND",
        decided_on=day,
        level="ward",
        valid_until=until,
    )


def test_a_member_scores_only_in_rounds_they_sit_on(city: City) -> None:
    nomination = city.admitted("A")
    outsider = city.other_officer
    with pytest.raises(PermissionDenied):
        city.score(nomination, outsider, "5", "5", "5", "5", "5")


def test_nobody_scores_their_own_agencys_nomination(city: City) -> None:
    conflicted = city.members[2]  # also an officer of the first ward
    ours = city.admitted("Ours")
    theirs = city.admitted("Theirs", officer=city.other_officer, agency=city.other_ward)
    with pytest.raises(PermissionDenied):
        city.score(ours, conflicted, "9", "9", "9", "9", "9")
    city.score(theirs, conflicted, "6", "6", "6", "6", "6")
    assert conflicted.has_perm("brightspots.score", theirs)
    assert not conflicted.has_perm("brightspots.score", ours)


def test_scoring_waits_for_the_screening_and_stops_at_the_decision(city: City) -> None:
    nomination = city.nominate("A")
    member = city.members[0]
    with pytest.raises(PermissionDenied):
        city.score(nomination, member, "5", "5", "5", "5", "5")
    nomination = workflow.screen(nomination, city.coordinator, admitted=True)
    city.score(nomination, member, "5", "5", "5", "5", "5")
    workflow.decide(nomination, city.coordinator, recognition())
    nomination.refresh_from_db()
    with pytest.raises(PermissionDenied):
        city.score(nomination, member, "9", "9", "9", "9", "9")


def test_a_sheet_must_cover_every_criterion(city: City) -> None:
    nomination = city.admitted("A")
    first = nomination.round.rubric.criteria.order_by("position").first()
    assert first is not None
    with pytest.raises(ValidationError, match="Score every criterion"):
        workflow.record_scores(nomination, city.members[0], {first.pk: (Decimal(5), "")})


def test_a_round_keeps_its_rubric_version(city: City) -> None:
    old = city.round.rubric
    nomination = city.admitted("A")
    city.score(nomination, city.members[0], "10", "0", "0", "0", "0")
    # The used version cannot be edited...
    criterion = old.criteria.get(position=1)
    criterion.weight = Decimal("0.5")
    with pytest.raises(ValidationError, match="new version"):
        criterion.full_clean()
    # ...a new version is adopted instead, with measurable results weighing 0.5.
    new = Rubric.objects.create(
        code=old.code, version=2, name_vi=old.name_vi, adopted_on=date(2027, 1, 1)
    )
    for position, weight in enumerate(["0.5", "0.2", "0.1", "0.1", "0.1"], start=1):
        Criterion.objects.create(
            rubric=new, position=position, name_vi=f"Tiêu chí {position}", weight=Decimal(weight)
        )
    new.check_weights()
    # The round still scores on version 1: 0.30 × 10 = 3.
    [row] = ranking(Round.objects.get(pk=city.round.pk))
    assert row.score == Fraction(3)


def test_a_rubric_whose_weights_do_not_sum_to_one_is_refused(city: City) -> None:
    rubric = Rubric.objects.create(code="lech", version=1, name_vi="Lệch", adopted_on=date.today())
    Criterion.objects.create(rubric=rubric, position=1, name_vi="Một", weight=Decimal("0.6"))
    Criterion.objects.create(rubric=rubric, position=2, name_vi="Hai", weight=Decimal("0.3"))
    today = timezone.localdate()
    round_ = Round(name_vi="Đợt lệch", opens_on=today, closes_on=today, rubric=rubric)
    with pytest.raises(ValidationError, match=r"sum to 0\.9"):
        workflow.make_round(city.coordinator, round_, [])
    assert not Round.objects.filter(name_vi="Đợt lệch").exists()


def test_nominations_only_while_the_round_is_open_and_from_invited_agencies(city: City) -> None:
    department_officer = factories.user(Role.OFFICER, city.department)
    with pytest.raises(PermissionDenied):
        workflow.nominate(city.round, department_officer, city.department, city.spot("X"))
    city.round.closes_on = timezone.localdate() - timedelta(days=1)
    city.round.save()
    with pytest.raises(ValidationError, match="takes nominations from"):
        city.nominate("Late")
    # A nomination dated while the round was open is taken.
    city.nominate("In time", now=timezone.now() - timedelta(days=2))


def test_the_upload_limits(city: City, settings: object, tmp_path: object) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    nomination = city.nominate("A")
    officer = city.ward_officer
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * evidence.MAX_BYTES)
    with pytest.raises(ValidationError, match="larger than 10 MB"):
        workflow.attach_evidence(nomination, big, officer)
    fake = SimpleUploadedFile("run.pdf", b"MZ\x90\x00")
    with pytest.raises(ValidationError, match="does not match"):
        workflow.attach_evidence(nomination, fake, officer)
    for number in range(workflow.MAX_EVIDENCE_FILES):
        workflow.attach_evidence(nomination, SimpleUploadedFile(f"{number}.pdf", PDF), officer)
    with pytest.raises(ValidationError, match="at most 10 files"):
        workflow.attach_evidence(nomination, SimpleUploadedFile("one-more.pdf", PDF), officer)
    assert nomination.evidence.count() == workflow.MAX_EVIDENCE_FILES
    with pytest.raises(PermissionDenied):
        workflow.attach_evidence(nomination, SimpleUploadedFile("x.pdf", PDF), city.other_officer)


def test_a_decision_needs_its_facts_and_a_rejection_its_reasons(city: City) -> None:
    nomination = city.admitted("A")
    with pytest.raises(ValidationError, match="not scored"):
        workflow.decide(nomination, city.coordinator, recognition())
    city.score(nomination, city.members[0], "4", "4", "4", "4", "4")
    with pytest.raises(ValidationError) as refused:
        workflow.decide(nomination, city.coordinator, recognition(until=date(2026, 3, 1)))
    assert "valid_until" in refused.value.error_dict
    rejection = Decision(outcome=Decision.Outcome.REJECTED, decided_on=date(2026, 3, 15))
    with pytest.raises(ValidationError, match="reasons"):
        workflow.decide(nomination, city.coordinator, rejection)
    rejection.reasons = "Chưa có kết quả đo lường được."
    workflow.decide(nomination, city.coordinator, rejection)
    spot = BrightSpot.objects.get(pk=nomination.spot_id)
    assert spot.status == BrightSpot.Status.NOT_RECOGNISED


def test_extension_and_revocation(city: City) -> None:
    nomination = city.admitted("A")
    city.score(nomination, city.members[0], "9", "9", "9", "9", "9")
    workflow.decide(nomination, city.coordinator, recognition())
    spot = BrightSpot.objects.get(pk=nomination.spot_id)
    extension = FollowUp(
        kind=FollowUp.Kind.EXTENDED, number="9/QĐ-UBND", decided_on=date(2029, 1, 5)
    )
    extension.valid_until = date(2029, 1, 1)
    with pytest.raises(ValidationError, match="after the current one"):
        workflow.follow_up(spot, city.coordinator, extension)
    extension.valid_until = date(2032, 3, 14)
    workflow.follow_up(spot, city.coordinator, extension)
    assert spot.recognised_until == date(2032, 3, 14)
    revocation = FollowUp(
        kind=FollowUp.Kind.REVOKED,
        number="10/QĐ-UBND",
        decided_on=date(2030, 1, 5),
        reasons="Ngừng hoạt động.",
    )
    workflow.follow_up(spot, city.coordinator, revocation)
    assert spot.status == BrightSpot.Status.REVOKED
    assert spot.history.count() == 4  # nominated, recognised, extended, revoked


def test_enterprise_hosts_are_identified_by_a_valid_tax_code(city: City) -> None:
    spot = city.spot("Xưởng gốm", host_kind="enterprise", host_name="Công ty Gốm", host_agency=None)
    spot.host_tax_code = "0100109106-001"
    spot.created_by = city.coordinator
    spot.full_clean()
    assert spot.host_tax_code == "0100109106001"
    spot.host_tax_code = "0100109107"
    with pytest.raises(ValidationError, match="not a valid enterprise code"):
        spot.full_clean()


def test_a_replication_in_the_models_own_ward_is_refused(city: City) -> None:
    nomination = city.admitted("Phố sách")
    city.score(nomination, city.members[0], "8", "8", "8", "8", "8")
    workflow.decide(nomination, city.coordinator, recognition())
    spot = BrightSpot.objects.get(pk=nomination.spot_id)
    at_home = Replication(target=city.ward, started_on=date(2026, 5, 1), status="under_way")
    with pytest.raises(ValidationError) as refused, translation.override("vi"):
        workflow.record_replication(spot, city.coordinator, at_home)
    assert list(refused.value.message_dict) == ["target"]
    assert "phường của chính mô hình" in refused.value.message_dict["target"][0]
    elsewhere = Replication(target=city.other_ward, started_on=date(2026, 5, 1), status="in_place")
    workflow.record_replication(spot, city.coordinator, elsewhere)
    assert list(spot.replications.values_list("target", flat=True)) == [city.other_ward.pk]
