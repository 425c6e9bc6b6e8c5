"""The registry's indicators, computed from its records as they stand on a day:
recognised models by level, sector and ward, replications per model, and the models
still reporting results a year after their recognition. `recognised_in` lists the
models recognised in a period and `replications_started` counts what a period added, for
the periodic report and other registries' reports; `recognised_models_in` and
`replications_in` are what the plan's indicators count in a year."""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet

from cnvh.brightspots.models import BrightSpot, Decision, Replication


def recognised_models() -> QuerySet[BrightSpot]:
    """Models whose recognition stands (not revoked), with their decision."""
    return (
        BrightSpot.objects.filter(status=BrightSpot.Status.RECOGNISED)
        .select_related("ward", "host_agency")
        .prefetch_related(
            Prefetch("replications", queryset=Replication.objects.select_related("target"))
        )
        .order_by("name_vi", "pk")
    )


def recognised_in(start: date, end: date) -> list[Decision]:
    """The recognition decisions dated from `start` to `end` (both included), oldest
    first, each with its model: what a period's report lists."""
    return list(
        Decision.objects.filter(
            outcome=Decision.Outcome.RECOGNISED, decided_on__gte=start, decided_on__lte=end
        )
        .select_related("nomination__spot", "nomination__round")
        .order_by("decided_on", "pk")
    )


def recognised_models_in(start: date, end: date) -> QuerySet[BrightSpot]:
    """The models recognised from `start` to `end` whose recognition stands."""
    decided = Decision.objects.filter(
        outcome=Decision.Outcome.RECOGNISED, decided_on__gte=start, decided_on__lte=end
    )
    return recognised_models().filter(pk__in=decided.values("nomination__spot"))


# A replication counts once it has started: planned ones have not.
TAKEN_UP = (
    Replication.Status.UNDER_WAY,
    Replication.Status.IN_PLACE,
    Replication.Status.STOPPED,
)


def replications_in(start: date, end: date) -> QuerySet[Replication]:
    """Replications of recognised models that started from `start` to `end`."""
    return Replication.objects.filter(
        spot__status=BrightSpot.Status.RECOGNISED,
        status__in=TAKEN_UP,
        started_on__gte=start,
        started_on__lte=end,
    )


def recognition_of(spot: BrightSpot) -> Decision | None:
    return (
        Decision.objects.filter(nomination__spot=spot, outcome=Decision.Outcome.RECOGNISED)
        .order_by("-decided_on", "-pk")
        .first()
    )


@dataclass(frozen=True)
class Indicators:
    by_level: dict[str, int]
    by_sector: dict[str, int]
    by_ward: dict[int | None, int]
    replications: dict[int, int]  # model id → replications recorded
    still_reporting: int  # recognised over a year ago, with results after that year
    recognised_a_year_ago: int
    total: int

    @property
    def still_reporting_share(self) -> float | None:
        if not self.recognised_a_year_ago:
            return None
        return self.still_reporting / self.recognised_a_year_ago


def compute(today: date) -> Indicators:
    """The models recognised by `today` and the replications started by then."""
    decisions = {
        decision.nomination.spot_id: decision
        for decision in Decision.objects.filter(
            outcome=Decision.Outcome.RECOGNISED, decided_on__lte=today
        )
        .select_related("nomination")
        .order_by("decided_on", "pk")
    }
    replicated = Count("replications", filter=Q(replications__started_on__lte=today))
    models = [
        spot for spot in recognised_models().annotate(replicated=replicated) if spot.pk in decisions
    ]
    a_year_ago = date(today.year - 1, today.month, min(today.day, 28))
    old = [spot for spot in models if decisions[spot.pk].decided_on <= a_year_ago]
    reporting = [spot for spot in old if _reports_after(spot, decisions[spot.pk].decided_on)]
    return Indicators(
        by_level=dict(Counter(decisions[spot.pk].level for spot in models)),
        by_sector=dict(Counter(spot.sector for spot in models)),
        by_ward=dict(Counter(spot.ward_id for spot in models)),
        replications={spot.pk: spot.replicated for spot in models},
        still_reporting=len(reporting),
        recognised_a_year_ago=len(old),
        total=len(models),
    )


def _reports_after(spot: BrightSpot, decided_on: date) -> bool:
    """Results reported for a year after the year of the recognition."""
    return spot.results.filter(year__gt=decided_on.year).exists()


def replications_started(start: date, end: date) -> dict[int, int]:
    """Model id → replications started from `start` to `end` (both included)."""
    rows = (
        Replication.objects.filter(started_on__gte=start, started_on__lte=end)
        .values("spot")
        .annotate(n=Count("pk"))
        .order_by("spot")
    )
    return {row["spot"]: row["n"] for row in rows}
