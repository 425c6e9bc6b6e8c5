"""The registry's indicators, computed from its records for a span of years; never
typed. Each counts records the pages list, so every figure can be traced to them.

- commitments with activity: commitments with at least one activity overlapping the span;
- inter-city activities: commitment activities in the span done with a partner city;
- budget executed vs planned: what the span's activities spent, against the planned
  budget of all commitments;
- people trained: participants of training courses that started in the span, by sex;
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
class Indicators:
    span: Span
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


def activities_in(span: Span) -> QuerySet[CommitmentActivity]:
    return CommitmentActivity.objects.filter(
        starts_on__lte=span.ends_on, ends_on__gte=span.starts_on
    )


def inter_city(activities: QuerySet[CommitmentActivity]) -> QuerySet[CommitmentActivity]:
    return activities.exclude(partner_cities="")


def outreach_in(span: Span, kind: str) -> QuerySet[Outreach]:
    return Outreach.objects.filter(
        kind=kind, starts_on__gte=span.starts_on, starts_on__lte=span.ends_on
    )


def local_units(span: Span) -> QuerySet[Agency]:
    """The wards and communes that existed at the end of the span."""
    return Agency.objects.filter(kind__in=LOCAL_UNITS).filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=span.ends_on),
        Q(valid_to__isnull=True) | Q(valid_to__gte=span.ends_on),
    )


def units_disseminating(span: Span) -> QuerySet[Agency]:
    sessions = outreach_in(span, Outreach.Kind.DISSEMINATION)
    return local_units(span).filter(pk__in=sessions.values("organiser"))


def compute(span: Span) -> Indicators:
    activities = activities_in(span)
    trained = Participants.objects.filter(
        outreach__in=outreach_in(span, Outreach.Kind.TRAINING)
    ).aggregate(women=Sum("women"), men=Sum("men"))
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
    )
