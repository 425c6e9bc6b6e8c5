"""The crafts registry's counts as measures a plan indicator can take (see
`cnvh.plan.registry_measures`), each computed by `cnvh.crafts.indicators` on the last
day of a year (today, in the current year): what stood then."""

from collections.abc import Callable
from datetime import date

from django.db.models import Count, Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cnvh.crafts import indicators
from cnvh.crafts.models import CraftVillage, OcopRating, ProductGroup
from cnvh.plan.registry_measures import Records, RegistryMeasure, span, year_end

MODELS = ("crafts.CraftVillage", "crafts.OcopRating", "crafts.Product")


HANDICRAFTS = ProductGroup.HANDICRAFTS


def _at_year_ends(first: date | None, count: Callable[[date], int]) -> dict[int, float]:
    today = timezone.localdate()
    return {year: float(count(year_end(year, today))) for year in span(first, today)}


def ocop_products() -> dict[int, float]:
    rated = OcopRating.objects.filter(stars__gte=3, product__group=HANDICRAFTS)
    first = rated.aggregate(first=Min("decision_date"))["first"]
    return _at_year_ends(first, lambda on: indicators.starred_on(on, HANDICRAFTS).count())


def ocop_by_ward(year: int) -> dict[str, float]:
    on = year_end(year, timezone.localdate())
    rows = (
        indicators.starred_on(on, HANDICRAFTS)
        .values("ward__code")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["ward__code"]: float(row["n"]) for row in rows if row["ward__code"]}


def recognised_villages() -> dict[int, float]:
    recognised = CraftVillage.objects.exclude(recognition_number="")
    first = recognised.aggregate(first=Min("recognition_date"))["first"]
    return _at_year_ends(first, lambda on: indicators.recognised_on(on).count())


MEASURES = (
    RegistryMeasure(
        key="ocop_handicrafts",
        name=_("OCOP handicraft products with 3 stars or more"),
        unit="products",
        description=_(
            "Counted in the handicrafts and OCOP registry: products of the group souvenirs, "
            "furniture and decoration with an OCOP certificate of 3 stars or more in force "
            "on the last day of the year (today, for the current year); by the product's "
            "ward."
        ),
        by_year=ocop_products,
        records=lambda year: Records(
            "crafts-products",
            (("group", HANDICRAFTS), ("in_force", str(year))),
            permission="crafts.view_crafts",
        ),
        by_area=ocop_by_ward,
        models=MODELS,
    ),
    RegistryMeasure(
        key="craft_villages_recognised",
        name=_("Recognised craft villages"),
        unit="villages",
        description=_(
            "Counted in the handicrafts and OCOP registry: craft villages with a recognition "
            "decision (Decree 52/2018/NĐ-CP) dated on or before the last day of the year."
        ),
        by_year=recognised_villages,
        records=lambda year: Records(
            "crafts-villages", (("recognised_by", str(year)),), permission="crafts.view_crafts"
        ),
        models=MODELS,
    ),
)
