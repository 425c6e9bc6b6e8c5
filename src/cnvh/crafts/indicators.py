"""The registry's indicators, computed from its records on a day: recognised craft
villages, OCOP products in force by stars and by ward, certificates expiring soon,
and products with a traceability chain."""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, QuerySet

from cnvh.crafts.models import CraftVillage, OcopRating, Product
from cnvh.crafts.ocop import add_months

EXPIRY_WINDOW_MONTHS = 6


@dataclass
class Indicators:
    on: date
    villages: int
    recognised_villages: int
    traditional_villages: int
    products: int
    ocop_products: int
    by_stars: dict[int, int] = field(default_factory=dict)
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
    by_stars = dict(
        current.values_list("stars").annotate(n=Count("product", distinct=True)).order_by()
    )
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
        by_stars={stars: by_stars.get(stars, 0) for stars in (3, 4, 5)},
        by_ward=[
            (ward, counts.get(3, 0), counts.get(4, 0), counts.get(5, 0))
            for ward, counts in wards.items()
        ],
        expiring=current.filter(expires_on__lt=add_months(on, EXPIRY_WINDOW_MONTHS)).count(),
        traced_products=Product.objects.filter(trace_events__isnull=False).distinct().count(),
    )
