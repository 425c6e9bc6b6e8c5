"""The crafts registry's measures as plan indicators: OCOP handicraft products with 3
stars or more in force at each year's end (by ward), and recognised craft villages;
ratings decided through the workflow, counts made by hand, each year's value linking
to the products or villages behind it."""

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from cnvh.crafts import workflow
from cnvh.plan import values
from cnvh.plan.models import Indicator, Role
from tests import factories
from tests.crafts import make

pytestmark = pytest.mark.django_db


def indicator(key: str) -> Indicator:
    found, _ = Indicator.objects.get_or_create(
        code=key.replace("_", "-"),
        defaults={"name_vi": key, "unit": "products", "source": "registry", "registry": key},
    )
    return found


@pytest.fixture
def records() -> dict[str, Any]:
    """Ward A: a vase (3 stars from 2023, until 2026-03-31), a lacquer box (4 stars from
    2025); ward B: a tea (food, 3 stars from 2025) and a screen (points below 3 stars are
    never decided: left proposed). Villages recognised in 2019 and 2025, one not yet."""
    coordinator, leader = factories.user(Role.COORDINATOR), factories.user(Role.LEADER)
    a, b = make.ward("00004"), make.ward("00008")

    def rated(product: object, points: tuple[int, int, int], on: date) -> None:
        rating = workflow.propose(product, coordinator, on)  # type: ignore[arg-type]
        workflow.score(rating, coordinator, *(Decimal(p) for p in points))
        workflow.decide(rating, leader, "7/QĐ-UBND", on)

    rated(make.product(a, name_vi="Bình gốm"), (25, 15, 15), date(2023, 3, 31))
    rated(make.product(a, name_vi="Hộp sơn mài"), (30, 20, 20), date(2025, 5, 4))
    rated(make.product(b, name_vi="Trà sen", group="food"), (25, 15, 15), date(2025, 5, 4))
    workflow.propose(make.product(b, name_vi="Bình phong"), coordinator, date(2025, 5, 4))
    make.village(a, name="Làng gốm", recognition_number="9/QĐ", recognition_date=date(2019, 5, 20))
    make.village(
        b, name="Làng sơn mài", recognition_number="3/QĐ", recognition_date=date(2025, 8, 1)
    )
    make.village(b, name="Làng mây tre")
    return {"coordinator": coordinator}


def test_ocop_handicrafts_at_each_year_end(records: dict[str, Any]) -> None:
    ocop = indicator("ocop_handicrafts")
    found = {v.year: v.value for v in values.series(ocop)}
    # The vase's certificate runs 36 months, to 31/03/2026: in force at the ends of
    # 2023–2025, not at the end of 2026; the food product is not a handicraft.
    expected = {2023: 1.0, 2024: 1.0, 2025: 2.0}
    assert {year: found[year] for year in expected} == expected
    assert found[2026] == 1.0  # only the box, whose certificate runs to 2028
    by_ward = values.breakdown(ocop, "area", 2025)
    assert [(v.key, v.value) for v in by_ward] == [("00004", 2.0)]


def test_recognised_villages_at_each_year_end(records: dict[str, Any]) -> None:
    found = {v.year: v.value for v in values.series(indicator("craft_villages_recognised"))}
    assert (found[2019], found[2024], found[2025]) == (1.0, 1.0, 2.0)
    assert min(found) == 2019


def test_each_value_lists_its_records(records: dict[str, Any]) -> None:
    client = Client()
    client.force_login(records["coordinator"])
    for key, year, shown, hidden in (
        ("ocop_handicrafts", 2025, {"Bình gốm", "Hộp sơn mài"}, {"Trà sen", "Bình phong"}),
        ("ocop_handicrafts", 2024, {"Bình gốm"}, {"Hộp sơn mài", "Trà sen"}),
        ("craft_villages_recognised", 2024, {"Làng gốm"}, {"Làng sơn mài", "Làng mây tre"}),
    ):
        value = next(v for v in values.series(indicator(key)) if v.year == year)
        assert value.records is not None
        page = client.get(value.records.url).content.decode()
        assert all(name in page for name in shown), key
        assert not any(name in page for name in hidden), key
