"""The registry's indicators, computed from its records for a span of years (or of
days: a periodic report's quarter or half-year); never typed. Each counts records the
pages list, so every figure can be traced to them.

- commitments with activity: commitments with at least one activity overlapping the span;
- inter-city activities: commitment activities in the span done with a partner city;
- budget executed vs planned: what the span's activities spent, against the planned
  budget of all commitments;
- people trained: participants of training courses that started in the span, by sex,
  and by the course's sector;
- activities of training, cooperation and dissemination that started in the span;
- wards and communes that held a dissemination session in the span, of those existing.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum

from cnvh.plan.models import Agency
from cnvh.unesco.models import Commitment, CommitmentActivity, Outreach, Participants

LOCAL_UNITS = (Agency.Kind.WARD, Agency.Kind.COMMUNE)


@dataclass(frozen=True)
class Span:
    first_year: int
    last_year: int

    @property
    def starts_on(self) -> date:
        return date(self.first_year, 1, 1)

    @property
    def ends_on(self) -> date:
        return date(self.last_year, 12, 31)

    def __str__(self) -> str:
        if self.first_year == self.last_year:
            return str(self.first_year)
        return f"{self.first_year}–{self.last_year}"


@dataclass(frozen=True)
class Period:
    """A span of days, both included."""

    starts_on: date
    ends_on: date

    def __str__(self) -> str:
        return f"{self.starts_on:%d/%m/%Y}–{self.ends_on:%d/%m/%Y}"


AnySpan = Span | Period


@dataclass(frozen=True)
class Trained:
    sector: str  # as typed on the course ("" when none was)
    women: int
    men: int

    @property
    def total(self) -> int:
        return self.women + self.men


@dataclass(frozen=True)
class Indicators:
    span: AnySpan
    commitments: int
    commitments_with_activity: int
    activities: int
    inter_city_activities: int
    budget_planned: Decimal
    budget_executed: Decimal
    trained_women: int
    trained_men: int
    units_disseminating: int
    local_units: int
    outreach: int = 0
    trained_by_sector: tuple[Trained, ...] = ()

    @property
    def budget_rate(self) -> Decimal | None:
        """Executed ÷ planned, a fraction; None with nothing planned."""
        if not self.budget_planned:
            return None
        return self.budget_executed / self.budget_planned

    @property
    def trained(self) -> int:
        return self.trained_women + self.trained_men

    @property
    def coverage(self) -> Decimal | None:
        """Wards and communes with a session ÷ those existing, a fraction."""
        if not self.local_units:
            return None
        return Decimal(self.units_disseminating) / Decimal(self.local_units)


def activities_in(span: AnySpan) -> QuerySet[CommitmentActivity]:
    return CommitmentActivity.objects.filter(
        starts_on__lte=span.ends_on, ends_on__gte=span.starts_on
    )


def inter_city(activities: QuerySet[CommitmentActivity]) -> QuerySet[CommitmentActivity]:
    return activities.exclude(partner_cities="")


def outreach_in(span: AnySpan, kind: str) -> QuerySet[Outreach]:
    return Outreach.objects.filter(
        kind=kind, starts_on__gte=span.starts_on, starts_on__lte=span.ends_on
    )


def local_units(span: AnySpan) -> QuerySet[Agency]:
    """The wards and communes that existed at the end of the span."""
    return Agency.objects.filter(kind__in=LOCAL_UNITS).filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=span.ends_on),
        Q(valid_to__isnull=True) | Q(valid_to__gte=span.ends_on),
    )


def units_disseminating(span: AnySpan) -> QuerySet[Agency]:
    sessions = outreach_in(span, Outreach.Kind.DISSEMINATION)
    return local_units(span).filter(pk__in=sessions.values("organiser"))


def trained_by_sector(span: AnySpan) -> tuple[Trained, ...]:
    rows = (
        Participants.objects.filter(outreach__in=outreach_in(span, Outreach.Kind.TRAINING))
        .values("outreach__sector")
        .annotate(women=Sum("women"), men=Sum("men"))
        .order_by("outreach__sector")
    )
    return tuple(
        Trained(row["outreach__sector"].strip(), row["women"] or 0, row["men"] or 0) for row in rows
    )


def compute(span: AnySpan) -> Indicators:
    activities = activities_in(span)
    trained = Participants.objects.filter(
        outreach__in=outreach_in(span, Outreach.Kind.TRAINING)
    ).aggregate(women=Sum("women"), men=Sum("men"))
    started = Outreach.objects.filter(starts_on__gte=span.starts_on, starts_on__lte=span.ends_on)
    return Indicators(
        span=span,
        commitments=Commitment.objects.count(),
        commitments_with_activity=Commitment.objects.filter(
            pk__in=activities.values("commitment")
        ).count(),
        activities=activities.count(),
        inter_city_activities=inter_city(activities).count(),
        budget_planned=Commitment.objects.aggregate(total=Sum("budget"))["total"] or Decimal(0),
        budget_executed=activities.aggregate(total=Sum("budget_spent"))["total"] or Decimal(0),
        trained_women=trained["women"] or 0,
        trained_men=trained["men"] or 0,
        units_disseminating=units_disseminating(span).count(),
        local_units=local_units(span).count(),
        outreach=started.count(),
        trained_by_sector=trained_by_sector(span),
    )
