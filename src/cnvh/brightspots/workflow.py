"""The life of a model: nominated in a round, screened, scored by the council,
recognised or rejected by a decision, taken up elsewhere, then re-assessed, extended
or revoked. Every step checks the caller's permission through the rules and records
who did it in the history; the pages, the API and the demo all go through here."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cnvh.brightspots.models import (
    BrightSpot,
    CouncilSeat,
    Decision,
    EvidenceFile,
    FollowUp,
    Nomination,
    Replication,
    Result,
    Round,
    Score,
)
from cnvh.brightspots.permissions import nominating_agencies
from cnvh.plan import evidence as files
from cnvh.plan.models import Agency, Role
from cnvh.plan.permissions import agencies_with, require

# At most this many evidence files per nomination (each at most files.MAX_BYTES).
MAX_EVIDENCE_FILES = 10


def _stamp(record: models.Model, user: Any, now: datetime | None = None) -> None:
    record._history_user = user  # type: ignore[attr-defined]
    if now is not None:
        record._history_date = now  # type: ignore[attr-defined]


def _save(record: models.Model, user: Any, now: datetime | None = None) -> None:
    record.full_clean()
    _stamp(record, user, now)
    record.save()


@transaction.atomic
def make_round(user: Any, round_: Round, council: Iterable[Any]) -> Round:
    """A new round on a rubric whose weights sum to 1, with its council."""
    require(user, "brightspots.manage_rounds")
    round_.rubric.check_weights()
    _save(round_, user)
    for member in council:
        seat = CouncilSeat(round=round_, member=member)
        _save(seat, user)
    return round_


@dataclass(frozen=True)
class ResultRow:
    year: int
    indicator: str
    unit: str
    value: Decimal


@transaction.atomic
def nominate(
    round_: Round,
    user: Any,
    agency: Agency,
    spot: BrightSpot,
    results: Iterable[ResultRow] = (),
    now: datetime | None = None,
) -> Nomination:
    """Nominate a model (new, or one already in the registry) in an open round, for
    one of the user's agencies the round invites."""
    require(user, "brightspots.nominate", round_)
    day = timezone.localtime(now).date() if now else timezone.localdate()
    if not round_.is_open(day):
        raise ValidationError(
            _("This round takes nominations from %(opens)s to %(closes)s.")
            % {"opens": f"{round_.opens_on:%d/%m/%Y}", "closes": f"{round_.closes_on:%d/%m/%Y}"}
        )
    if agency.pk not in nominating_agencies(user, round_):
        raise ValidationError(
            _("This round does not take nominations from %(agency)s.") % {"agency": agency.name}
        )
    if spot.pk is None:
        spot.created_by = user
        spot.status = BrightSpot.Status.NOMINATED
        _save(spot, user, now)
    elif Nomination.objects.filter(round=round_, spot=spot).exists():
        raise ValidationError(_("This model is already nominated in this round."))
    for row in results:
        add_result(spot, user, row, now, checked=True)
    nomination = Nomination(
        round=round_,
        spot=spot,
        agency=agency,
        nominated_by=user,
        submitted_at=now or timezone.now(),
    )
    _save(nomination, user, now)
    return nomination


def add_result(
    spot: BrightSpot, user: Any, row: ResultRow, now: datetime | None = None, checked: bool = False
) -> Result:
    if not checked:
        require(user, "brightspots.change_model", spot)
    result = Result(
        spot=spot, year=row.year, indicator=row.indicator, unit=row.unit, value=row.value
    )
    _save(result, user, now)
    return result


@transaction.atomic
def attach_evidence(nomination: Nomination, upload: UploadedFile, user: Any) -> EvidenceFile:
    require(user, "brightspots.add_evidence", nomination)
    if nomination.evidence.count() >= MAX_EVIDENCE_FILES:
        raise ValidationError(
            _("A nomination holds at most %(count)s files: remove one, or join them in one PDF.")
            % {"count": MAX_EVIDENCE_FILES}
        )
    files.check_upload(upload)
    extension = files.extension_of(upload.name or "")
    record = EvidenceFile(
        nomination=nomination,
        original_name=files.display_name(upload.name or ""),
        extension=".jpg" if extension == ".jpeg" else extension,
        size=upload.size or 0,
        sha256=files.sha256_of(upload),
        uploaded_by=user,
    )
    _stamp(record, user)
    record.file.save(f"evidence{record.extension}", upload, save=True)
    return record


def _locked(nomination: Nomination) -> Nomination:
    return Nomination.objects.select_for_update().get(pk=nomination.pk)


@transaction.atomic
def screen(
    nomination: Nomination,
    user: Any,
    admitted: bool,
    note: str = "",
    now: datetime | None = None,
) -> Nomination:
    """The administrator's first step: admit the nomination for assessment, or not
    (with the reason)."""
    require(user, "brightspots.manage_rounds")
    nomination = _locked(nomination)
    if nomination.status != Nomination.Status.SUBMITTED:
        raise ValidationError(_("This nomination has already been screened."))
    if not admitted and not note.strip():
        raise ValidationError({"screening_note": _("Say why the nomination is not admitted.")})
    nomination.status = (
        Nomination.Status.SCREENED_IN if admitted else Nomination.Status.SCREENED_OUT
    )
    nomination.screening_note = note
    _save(nomination, user, now)
    if not admitted:
        _set_spot(nomination.spot, user, BrightSpot.Status.NOT_RECOGNISED, None, now)
    return nomination


@transaction.atomic
def record_site_visit(nomination: Nomination, user: Any, day: date) -> Nomination:
    require(user, "brightspots.manage_rounds")
    nomination = _locked(nomination)
    nomination.site_visit_on = day
    _save(nomination, user)
    return nomination


@transaction.atomic
def record_scores(
    nomination: Nomination,
    user: Any,
    sheet: Mapping[int, tuple[Decimal, str]],
    now: datetime | None = None,
) -> list[Score]:
    """A council member's scores, one for every criterion of the round's rubric
    (criterion id → score on the rubric's scale, comment); a new sheet replaces their last."""
    nomination = _locked(nomination)
    require(user, "brightspots.score", nomination)
    criteria = list(nomination.round.rubric.criteria.order_by("position"))
    missing = [c.name for c in criteria if c.pk not in sheet]
    if missing or set(sheet) - {c.pk for c in criteria}:
        raise ValidationError(
            _("Score every criterion of the round's rubric: missing %(names)s.")
            % {"names": ", ".join(missing) or "—"}
        )
    scores = []
    for criterion in criteria:
        value, comment = sheet[criterion.pk]
        score = Score.objects.filter(
            nomination=nomination, member=user, criterion=criterion
        ).first() or Score(nomination=nomination, member=user, criterion=criterion)
        score.score, score.comment = value, comment
        _save(score, user, now)
        scores.append(score)
    return scores


def _set_spot(
    spot: BrightSpot, user: Any, status: str, until: date | None, now: datetime | None = None
) -> None:
    spot.status = status
    spot.recognised_until = until
    _stamp(spot, user, now)
    spot.save(update_fields=["status", "recognised_until"])


@transaction.atomic
def decide(
    nomination: Nomination, user: Any, decision: Decision, now: datetime | None = None
) -> Decision:
    """Record the decision on an assessed nomination: recognised (number, date, level,
    valid until) or rejected (reasons)."""
    require(user, "brightspots.manage_rounds")
    nomination = _locked(nomination)
    if nomination.status != Nomination.Status.SCREENED_IN:
        raise ValidationError(_("Only a nomination admitted for assessment can be decided."))
    decision.nomination, decision.decided_by = nomination, user
    recognised = decision.outcome == Decision.Outcome.RECOGNISED
    if recognised:
        _require_recognition_fields(decision, nomination)
    elif not decision.reasons.strip():
        raise ValidationError({"reasons": _("Give the reasons for the rejection.")})
    _save(decision, user, now)
    nomination.status = Nomination.Status.RECOGNISED if recognised else Nomination.Status.REJECTED
    _save(nomination, user, now)
    if recognised:
        _set_spot(nomination.spot, user, BrightSpot.Status.RECOGNISED, decision.valid_until, now)
    elif nomination.spot.status == BrightSpot.Status.NOMINATED:
        _set_spot(nomination.spot, user, BrightSpot.Status.NOT_RECOGNISED, None, now)
    return decision


def _require_recognition_fields(decision: Decision, nomination: Nomination) -> None:
    errors = {}
    if not decision.number.strip():
        errors["number"] = _("Write the decision's number, e.g. 125/QĐ-UBND.")
    if not decision.level:
        errors["level"] = _("Choose the level of the recognition.")
    if decision.valid_until is None:
        errors["valid_until"] = _("Write until when the recognition is valid.")
    elif decision.valid_until <= decision.decided_on:
        errors["valid_until"] = _("The recognition must be valid after the decision date.")
    if errors:
        raise ValidationError(errors)
    if not nomination.scores.exists():
        raise ValidationError(_("The council has not scored this nomination yet."))


@transaction.atomic
def follow_up(spot: BrightSpot, user: Any, record: FollowUp) -> FollowUp:
    """Re-assess, extend or revoke a recognition, by a new decision."""
    require(user, "brightspots.manage_rounds")
    if spot.status != BrightSpot.Status.RECOGNISED:
        raise ValidationError(_("Only a recognised model can be re-assessed, extended or revoked."))
    record.spot, record.decided_by = spot, user
    if record.kind == FollowUp.Kind.EXTENDED and (
        record.valid_until is None
        or (spot.recognised_until and record.valid_until <= spot.recognised_until)
    ):
        raise ValidationError({"valid_until": _("An extension must end after the current one.")})
    if record.kind == FollowUp.Kind.REVOKED and not record.reasons.strip():
        raise ValidationError({"reasons": _("Give the reasons for the revocation.")})
    _save(record, user)
    if record.kind == FollowUp.Kind.REVOKED:
        _set_spot(spot, user, BrightSpot.Status.REVOKED, spot.recognised_until)
    elif record.valid_until:
        _set_spot(spot, user, BrightSpot.Status.RECOGNISED, record.valid_until)
    return record


@transaction.atomic
def record_replication(spot: BrightSpot, user: Any, replication: Replication) -> Replication:
    """Where a recognised model was taken up: an officer records it for their own
    agency, a coordinator for any."""
    require(user, "brightspots.record_replication")
    if spot.status != BrightSpot.Status.RECOGNISED:
        raise ValidationError(_("Only a recognised model is recorded as taken up elsewhere."))
    own = agencies_with(user, Role.OFFICER)
    if not user.has_perm("brightspots.manage_rounds") and replication.target_id not in own:
        raise ValidationError({"target": _("Record only where your own agency took it up.")})
    if spot.ward_id is not None and replication.target_id == spot.ward_id:
        raise ValidationError(
            {
                "target": _(
                    "%(ward)s is the model's own ward: a replication is where it was taken"
                    " up elsewhere. Choose another ward or agency."
                )
                % {"ward": spot.ward.label if spot.ward else ""}
            }
        )
    replication.spot, replication.recorded_by = spot, user
    _save(replication, user)
    return replication
