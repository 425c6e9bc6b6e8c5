"""The crafts registry for members (`crafts.view_crafts`): its indicators computed
from the records, and the OCOP products with the certificate in force."""

from datetime import date
from typing import Any, Literal

from django.db.models import Count
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from cnvh.api import auth
from cnvh.api.auth import caller
from cnvh.api.errors import ERRORS
from cnvh.api.pagination import PageMeta, PageQuery, meta, ordered, page
from cnvh.crafts import indicators, workflow
from cnvh.crafts.models import Product
from cnvh.plan.permissions import require

router = Router(tags=["crafts"], auth=auth.member)
Group = Literal["food", "beverages", "herbal", "textiles", "handicrafts", "tourism"]


class WardStarsOut(Schema):
    ward: str
    three_stars: int
    four_stars: int
    five_stars: int


class CraftIndicatorsOut(Schema):
    on: date
    villages: int
    recognised_villages: int = Field(description="With a recognition decision by that day.")
    traditional_villages: int
    products: int
    ocop_products: int = Field(description="With an OCOP certificate in force that day.")
    by_stars: dict[int, int]
    by_ward: list[WardStarsOut]
    expiring_within_6_months: int
    products_with_traceability: int


class ProductOut(Schema):
    code: str
    name_vi: str
    name_en: str
    group: Group
    producer_name: str
    producer_tax_code: str
    ward: str = Field(description="The ward's or commune's agency code.")
    village: str | None
    stars: int | None = Field(description="Of the certificate in force, if any.")
    decision_number: str | None
    decision_date: date | None
    expires_on: date | None
    trace_events: int


class ProductPage(PageMeta):
    items: list[ProductOut]


class ProductFilter(PageQuery):
    group: Group | None = None


@router.get(
    "/crafts/indicators",
    response={200: CraftIndicatorsOut, **ERRORS},
    operation_id="getCraftIndicators",
    summary="Craft villages and OCOP products counted from the registry today",
)
def get_indicators(request: HttpRequest) -> dict[str, Any]:
    require(caller(request), "crafts.view_crafts")
    found = indicators.compute(timezone.localdate())
    return {
        "on": found.on,
        "villages": found.villages,
        "recognised_villages": found.recognised_villages,
        "traditional_villages": found.traditional_villages,
        "products": found.products,
        "ocop_products": found.ocop_products,
        "by_stars": found.by_stars,
        "by_ward": [
            {"ward": ward, "three_stars": three, "four_stars": four, "five_stars": five}
            for ward, three, four, five in found.by_ward
        ],
        "expiring_within_6_months": found.expiring,
        "products_with_traceability": found.traced_products,
    }


def product_out(product: Product, today: date) -> dict[str, Any]:
    rating = workflow.current_rating(product)
    if rating is not None and rating.expires_on is not None and rating.expires_on < today:
        rating = None
    return {
        "code": product.code,
        "name_vi": product.name_vi,
        "name_en": product.name_en,
        "group": product.group,
        "producer_name": product.producer_name,
        "producer_tax_code": product.producer_tax_code,
        "ward": product.ward.code,
        "village": product.village.name if product.village else None,
        "stars": rating.stars if rating else None,
        "decision_number": rating.decision_number if rating else None,
        "decision_date": rating.decision_date if rating else None,
        "expires_on": rating.expires_on if rating else None,
        "trace_events": product.steps,  # type: ignore[attr-defined]
    }


@router.get(
    "/crafts/products",
    response={200: ProductPage, **ERRORS},
    operation_id="listOcopProducts",
    summary="OCOP products with the certificate in force",
)
def list_products(request: HttpRequest, filters: Query[ProductFilter]) -> dict[str, Any]:
    require(caller(request), "crafts.view_crafts")
    products = workflow.with_certificates(
        Product.objects.select_related("ward", "village").annotate(steps=Count("trace_events"))
    )
    if filters.group:
        products = products.filter(group=filters.group)
    total, found = page(ordered(products, "code"), filters)
    today = timezone.localdate()
    return {**meta(total, filters), "items": [product_out(product, today) for product in found]}
