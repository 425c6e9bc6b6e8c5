"""The support indicators, computed from the records each time they are asked: never
typed. An enterprise is supported when a case of it was approved (reported cases
included); it counts once in a breakdown however many cases it has."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, QuerySet, Sum

from cnvh.enterprises.forms import PLAN_SCOPE
from cnvh.enterprises.models import (
    CaseStage,
    Disbursement,
    EnterpriseSector,
    IPFiling,
    SupportCase,
)
from cnvh.enterprises.models.outcomes import IPStage

SUPPORTED = (CaseStage.APPROVED, CaseStage.REPORTED)


@dataclass(frozen=True)
class SupportIndicators:
    enterprises_supported: int
    by_kind: dict[str, int] = field(default_factory=dict)
    by_sector: dict[str, int] = field(default_factory=dict)
    by_ward: dict[str, int] = field(default_factory=dict)
    granted: Decimal = Decimal(0)
    disbursed: Decimal = Decimal(0)
    ip_granted: int = 0
    ip_granted_supported: int = 0
    cases_supported: int = 0
    cases_reported: int = 0

    @property
    def reported_share(self) -> Decimal | None:
        """Approved cases whose report with its outcome came in, as a fraction."""
        if not self.cases_supported:
            return None
        return Decimal(self.cases_reported) / Decimal(self.cases_supported)


def _counts(cases: "object", key: str) -> dict[str, int]:
    rows = (
        cases.values(key)  # type: ignore[attr-defined]
        .annotate(n=Count("enterprise", distinct=True))
        .order_by(key)
    )
    return {row[key] or "": row["n"] for row in rows}


def supported_cases(year: int | None = None) -> QuerySet[SupportCase]:
    """Approved (or reported) cases: all, or those decided in `year`."""
    cases = SupportCase.objects.filter(stage__in=SUPPORTED)
    return cases if year is None else cases.filter(decided_on__year=year)


def titles_granted(year: int | None = None, *, supported: bool = False) -> QuerySet[IPFiling]:
    """IP titles granted (in `year`); with `supported`, only to enterprises that have
    had support approved."""
    titles = IPFiling.objects.filter(stage=IPStage.GRANTED)
    if year is not None:
        titles = titles.filter(decided_on__year=year)
    if supported:
        titles = titles.filter(enterprise__in=supported_cases().values("enterprise"))
    return titles


def support_indicators(year: int | None = None) -> SupportIndicators:
    """All years, or the cases decided in `year` (their disbursements in any year)."""
    cases = supported_cases(year)
    supported = cases.values("enterprise")
    sectors = (
        EnterpriseSector.objects.filter(scope_key=PLAN_SCOPE, enterprise__in=supported)
        .values("sector")
        .annotate(n=Count("enterprise", distinct=True))
        .order_by("sector")
    )
    return SupportIndicators(
        enterprises_supported=supported.distinct().count(),
        by_kind=_counts(cases, "programme__kind"),
        by_sector={row["sector"]: row["n"] for row in sectors},
        by_ward=_counts(cases, "enterprise__ward_code"),
        granted=cases.aggregate(total=Sum("amount_granted"))["total"] or Decimal(0),
        disbursed=Disbursement.objects.filter(case__in=cases).aggregate(total=Sum("amount"))[
            "total"
        ]
        or Decimal(0),
        ip_granted=titles_granted(year).count(),
        ip_granted_supported=titles_granted(year, supported=True).count(),
        cases_supported=cases.count(),
        cases_reported=cases.filter(stage=CaseStage.REPORTED).count(),
    )
