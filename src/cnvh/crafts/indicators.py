"""The registry's indicators, computed from its records on a day: recognised craft
villages, OCOP products in force by stars (all groups, and handicrafts) and by ward,
certificates expiring soon, and products with a traceability chain. `in_period` adds
what a period saw: certificates decided, re-ratings (and those decided before the
certificate they replace expired), villages recognised."""

from dataclasses import dataclass, field
from datetime import date

from django.db import models
from django.db.models import Count, QuerySet

from cnvh.crafts.models import CraftVillage, OcopRating, Product, ProductGroup
from cnvh.crafts.ocop import add_months

EXPIRY_WINDOW_MONTHS = 6
STARS = (3, 4, 5)
DECIDED = (OcopRating.Status.DECIDED, OcopRating.Status.EXPIRED, OcopRating.Status.RERATED)


@dataclass
class Indicators:
    on: date
    villages: int
    recognised_villages: int
    traditional_villages: int
    products: int
    ocop_products: int
    by_stars: dict[int, int] = field(default_factory=dict)
    handicraft_by_stars: dict[int, int] = field(default_factory=dict)
    by_ward: list[tuple[str, int, int, int]] = field(default_factory=list)
    expiring: int = 0
    traced_products: int = 0


def in_force(on: date) -> QuerySet[OcopRating]:
    """Ratings decided on or before the day and not expired on it (re-rated ones
    leave when their successor is decided)."""
    return OcopRating.objects.filter(
        status__in=[OcopRating.Status.DECIDED, OcopRating.Status.EXPIRED],
        decision_date__lte=on,
        expires_on__gte=on,
    )


def _by_stars(ratings: QuerySet[OcopRating]) -> dict[int, int]:
    """Products by stars (3, 4, 5, each present)."""
    found = dict(
        ratings.values_list("stars").annotate(n=Count("product", distinct=True)).order_by()
    )
    return {stars: found.get(stars, 0) for stars in STARS}


def recognised_on(on: date) -> QuerySet[CraftVillage]:
    """Villages with a recognition decision dated on or before the day."""
    return CraftVillage.objects.exclude(recognition_number="").filter(recognition_date__lte=on)


def starred_on(on: date, group: str | None = None) -> QuerySet[Product]:
    """Products (of an OCOP group) with a certificate of 3 stars or more in force on the
    day."""
    products = Product.objects.filter(pk__in=in_force(on).filter(stars__gte=3).values("product"))
    return products.filter(group=group) if group else products


def compute(on: date) -> Indicators:
    recognised = recognised_on(on)
    current = in_force(on)
    rows = (
        current.values("product__ward__name_vi", "stars")
        .annotate(n=Count("product", distinct=True))
        .order_by("product__ward__name_vi", "stars")
    )
    wards: dict[str, dict[int | None, int]] = {}
    for row in rows:
        wards.setdefault(row["product__ward__name_vi"], {})[row["stars"]] = row["n"]
    return Indicators(
        on=on,
        villages=CraftVillage.objects.count(),
        recognised_villages=recognised.count(),
        traditional_villages=recognised.filter(craft__traditional=True).count(),
        products=Product.objects.count(),
        ocop_products=current.values("product").distinct().count(),
        by_stars=_by_stars(current),
        handicraft_by_stars=_by_stars(current.filter(product__group=ProductGroup.HANDICRAFTS)),
        by_ward=[
            (ward, counts.get(3, 0), counts.get(4, 0), counts.get(5, 0))
            for ward, counts in wards.items()
        ],
        expiring=current.filter(expires_on__lt=add_months(on, EXPIRY_WINDOW_MONTHS)).count(),
        traced_products=Product.objects.filter(trace_events__isnull=False).distinct().count(),
    )


@dataclass(frozen=True)
class PeriodIndicators:
    starts_on: date
    ends_on: date
    at_end: Indicators  # the registry on the period's last day
    decided_by_stars: dict[int, int]  # products given a certificate in the period
    rerated: int  # decisions in the period that re-rate an earlier certificate
    rerated_before_expiry: int  # of those, dated on or before its expiry
    villages_recognised: int  # recognition decisions dated in the period

    @property
    def decided(self) -> int:
        return sum(self.decided_by_stars.values())


def decided_in(starts_on: date, ends_on: date) -> QuerySet[OcopRating]:
    """Every certificate decided in the span, whatever became of it since."""
    return OcopRating.objects.filter(
        status__in=DECIDED, decision_date__gte=starts_on, decision_date__lte=ends_on
    )


def in_period(starts_on: date, ends_on: date) -> PeriodIndicators:
    decided = decided_in(starts_on, ends_on)
    rerated = decided.filter(previous__isnull=False, previous__decision_date__isnull=False)
    villages = recognised_on(ends_on).filter(recognition_date__gte=starts_on)
    return PeriodIndicators(
        starts_on=starts_on,
        ends_on=ends_on,
        at_end=compute(ends_on),
        decided_by_stars=_by_stars(decided),
        rerated=rerated.count(),
        rerated_before_expiry=rerated.filter(
            decision_date__lte=models.F("previous__expires_on")
        ).count(),
        villages_recognised=villages.count(),
    )
