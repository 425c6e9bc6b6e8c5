"""The support indicators, computed from the records each time they are asked: never
typed. An enterprise is supported when a case of it was approved (reported cases
included); it counts once in a breakdown however many cases it has."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Sum

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


def support_indicators(year: int | None = None) -> SupportIndicators:
    """All years, or the cases decided in `year` (their disbursements in any year)."""
    cases = SupportCase.objects.filter(stage__in=SUPPORTED)
    if year is not None:
        cases = cases.filter(decided_on__year=year)
    supported = cases.values("enterprise")
    sectors = (
        EnterpriseSector.objects.filter(scope_key=PLAN_SCOPE, enterprise__in=supported)
        .values("sector")
        .annotate(n=Count("enterprise", distinct=True))
        .order_by("sector")
    )
    ip = IPFiling.objects.filter(stage=IPStage.GRANTED)
    if year is not None:
        ip = ip.filter(decided_on__year=year)
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
        ip_granted=ip.count(),
        cases_supported=cases.count(),
        cases_reported=cases.filter(stage=CaseStage.REPORTED).count(),
    )
