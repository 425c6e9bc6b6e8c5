"""The support indicators, computed from the records each time they are asked: never
typed. An enterprise is supported when a case of it was approved (reported cases
included); it counts once in a breakdown however many cases it has. A span (a year, or
the first and last days of a report's period) takes the cases decided in it; what was
paid in the span is every disbursement dated in it, whichever case it went to."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

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
    by_programme: dict[str, int] = field(default_factory=dict)  # programme code → enterprises
    by_sector: dict[str, int] = field(default_factory=dict)
    by_ward: dict[str, int] = field(default_factory=dict)
    granted: Decimal = Decimal(0)
    disbursed: Decimal = Decimal(0)
    ip_granted: int = 0
    ip_granted_supported: int = 0
    cases_supported: int = 0
    cases_reported: int = 0
    paid_in_span: Decimal = Decimal(0)  # every disbursement dated in the span (all: any date)

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


def _within(
    rows: QuerySet[Any], field: str, starts_on: date | None, ends_on: date | None
) -> QuerySet[Any]:
    if starts_on is not None:
        rows = rows.filter(**{f"{field}__gte": starts_on})
    if ends_on is not None:
        rows = rows.filter(**{f"{field}__lte": ends_on})
    return rows


def _span(
    year: int | None, starts_on: date | None, ends_on: date | None
) -> tuple[date | None, date | None]:
    return (date(year, 1, 1), date(year, 12, 31)) if year is not None else (starts_on, ends_on)


def supported_cases(
    year: int | None = None, *, starts_on: date | None = None, ends_on: date | None = None
) -> QuerySet[SupportCase]:
    """Approved (or reported) cases: all, those decided in `year`, or in the span."""
    cases = SupportCase.objects.filter(stage__in=SUPPORTED)
    return _within(cases, "decided_on", *_span(year, starts_on, ends_on))


def titles_granted(
    year: int | None = None,
    *,
    supported: bool = False,
    starts_on: date | None = None,
    ends_on: date | None = None,
) -> QuerySet[IPFiling]:
    """IP titles granted (in `year`, or in the span); with `supported`, only to
    enterprises that have had support approved."""
    titles = _within(
        IPFiling.objects.filter(stage=IPStage.GRANTED),
        "decided_on",
        *_span(year, starts_on, ends_on),
    )
    if supported:
        titles = titles.filter(enterprise__in=supported_cases().values("enterprise"))
    return titles


def support_indicators(
    year: int | None = None, *, starts_on: date | None = None, ends_on: date | None = None
) -> SupportIndicators:
    """All years; the cases decided in `year`; or those decided from `starts_on` to
    `ends_on` (both included). `disbursed` is what those cases were paid, in any year."""
    starts_on, ends_on = _span(year, starts_on, ends_on)
    cases = supported_cases(starts_on=starts_on, ends_on=ends_on)
    payments = _within(Disbursement.objects.all(), "paid_on", starts_on, ends_on)
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
        by_programme=_counts(cases, "programme__code"),
        by_sector={row["sector"]: row["n"] for row in sectors},
        by_ward=_counts(cases, "enterprise__ward_code"),
        granted=cases.aggregate(total=Sum("amount_granted"))["total"] or Decimal(0),
        disbursed=Disbursement.objects.filter(case__in=cases).aggregate(total=Sum("amount"))[
            "total"
        ]
        or Decimal(0),
        ip_granted=titles_granted(starts_on=starts_on, ends_on=ends_on).count(),
        ip_granted_supported=titles_granted(
            supported=True, starts_on=starts_on, ends_on=ends_on
        ).count(),
        cases_supported=cases.count(),
        cases_reported=cases.filter(stage=CaseStage.REPORTED).count(),
        paid_in_span=payments.aggregate(total=Sum("amount"))["total"] or Decimal(0),
    )
