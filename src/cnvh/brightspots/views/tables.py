"""The registry's tables as CSV or XLSX files: the models (with their recognition and
how many times each was taken up) and the replications.

What a file shows follows the pages: a nomination's weighted score only to the
coordinator, or once the nomination is decided to whoever may read it (a nominee
never sees a score before the decision); on the public file only recognised models,
and a person hosting a model is not named."""

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from cnvh.brightspots import ranking
from cnvh.brightspots.models import BrightSpot, Criterion, Nomination, Replication, Score
from cnvh.presentation.tables.table import DATE, DECIMAL, WHOLE, Column, Table

DECIDED = (Nomination.Status.RECOGNISED, Nomination.Status.REJECTED)


def _source() -> str:
    return _(
        "The registry of models and bright spots in cnvh: decisions and replications as recorded."
    )


def spot_columns(public: bool) -> list[Column]:
    shown = [
        Column(_("Id"), width=6),
        Column(_("Model (Vietnamese)"), width=40),
        Column(_("Model (English)"), width=40),
        Column(_("Level"), width=14),
        Column(_("Sector"), width=16),
        Column(_("Host"), width=30),
        Column(_("Host's tax code"), width=14),
        Column(_("Ward or commune"), width=24),
        Column(_("Start year"), width=8),
        Column(_("Plan task"), width=10),
        Column(_("Status"), width=14),
        Column(_("Decision number"), width=16),
        Column(_("Decision date"), DATE, 12),
        Column(_("Recognised at level"), width=14),
        Column(_("Recognised until"), DATE, 12),
        Column(_("Replications"), WHOLE, 10),
        Column(_("Replications in place"), WHOLE, 10),
    ]
    if not public:
        shown.append(Column(_("Weighted score (latest nomination)"), DECIMAL, 12))
    return shown


def spots_for_table(spots: Iterable[BrightSpot]) -> list[BrightSpot]:
    nominations = Nomination.objects.select_related("round__rubric", "decision").prefetch_related(
        Prefetch("scores", Score.objects.select_related("criterion")),
        Prefetch("round__rubric__criteria", Criterion.objects.order_by("position")),
    )
    return list(
        BrightSpot.objects.filter(pk__in=[spot.pk for spot in spots])
        .select_related("ward", "host_agency", "task")
        .prefetch_related("replications", Prefetch("nominations", nominations))
        .order_by("name_vi", "pk")
    )


def _latest(spot: BrightSpot) -> Nomination | None:
    nominations = sorted(spot.nominations.all(), key=lambda n: (n.submitted_at, n.pk))
    return nominations[-1] if nominations else None


def _score(nomination: Nomination | None, user: Any) -> object:
    if nomination is None:
        return None
    allowed = user.has_perm("brightspots.manage_rounds") or (
        nomination.status in DECIDED and user.has_perm("brightspots.view_nomination", nomination)
    )
    criteria = list(nomination.round.rubric.criteria.all())
    if not allowed or not criteria:
        return None
    return ranking.as_decimal(ranking.weighted_score(nomination, criteria).score)


def _spot_row(spot: BrightSpot, user: Any | None) -> list[object]:
    nomination = _latest(spot)
    decision = getattr(nomination, "decision", None) if nomination else None
    person = spot.host_kind == BrightSpot.HostKind.PERSON
    replications = list(spot.replications.all())
    row: list[object] = [
        spot.pk,
        spot.name_vi,
        spot.name_en,
        spot.get_level_display(),
        spot.sector_title,
        _("(a person)") if person and user is None else spot.host,
        spot.host_tax_code,
        spot.ward.label if spot.ward else "",
        spot.start_year,
        spot.task.code if spot.task else "",
        spot.get_status_display(),
        decision.number if decision else "",
        decision.decided_on if decision else None,
        decision.get_level_display() if decision and decision.level else "",
        spot.recognised_until,
        len(replications),
        sum(1 for r in replications if r.status == Replication.Status.IN_PLACE),
    ]
    if user is not None:
        row.append(_score(nomination, user))
    return row


def spot_table(spots: Iterable[BrightSpot], user: Any | None, address: str) -> Table:
    """`user` None: the public file (recognised models only, no person named, no score)."""
    day = timezone.localdate()
    return Table(
        name=f"models-{day:%Y%m%d}",
        title=_("Models and bright spots")
        if user is not None
        else _("Recognised models and bright spots"),
        columns=spot_columns(public=user is None),
        rows=[_spot_row(spot, user) for spot in spots_for_table(spots)],
        source=_source(),
        address=address,
    )


def replication_table(replications: Iterable[Replication], address: str) -> Table:
    day: date = timezone.localdate()
    return Table(
        name=f"replications-{day:%Y%m%d}",
        title=_("Replications of models and bright spots"),
        columns=[
            Column(_("Id"), width=6),
            Column(_("Model"), width=40),
            Column(_("Model's ward or commune"), width=24),
            Column(_("Taken up by"), width=30),
            Column(_("Started on"), DATE, 12),
            Column(_("Status"), width=12),
            Column(_("Results"), width=48),
        ],
        rows=[
            [
                r.pk,
                r.spot.name,
                r.spot.ward.label if r.spot.ward else "",
                r.target.label,
                r.started_on,
                r.get_status_display(),
                r.results,
            ]
            for r in replications
        ],
        source=_source(),
        address=address,
    )
