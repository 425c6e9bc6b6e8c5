"""The registry in the API: its indicators and products, for members only."""

from datetime import date
from decimal import Decimal

import pytest
from django.test import Client

from cnvh.crafts import ocop, workflow
from cnvh.plan.models import Role
from tests import factories
from tests.crafts import make

pytestmark = pytest.mark.django_db


def test_indicators_and_products_for_a_member() -> None:
    coordinator, leader = factories.user(Role.COORDINATOR), factories.user(Role.LEADER)
    ward = make.ward("phuong-bat-trang")
    product = make.product(ward, code="binh-gom")
    make.product(ward, code="chen", group="food")
    decided_on = date(2025, 1, 1)
    rating = workflow.propose(product, coordinator, decided_on)
    workflow.score(rating, coordinator, Decimal(36), Decimal(22), Decimal(32))
    workflow.decide(rating, leader, "3/QĐ-BNN", decided_on)
    client = Client()
    client.force_login(coordinator)
    found = client.get("/api/crafts/indicators").json()
    assert (found["products"], found["ocop_products"]) == (2, 1)
    assert found["by_stars"] == {"3": 0, "4": 0, "5": 1}
    assert found["by_ward"] == [
        {"ward": ward.name_vi, "three_stars": 0, "four_stars": 0, "five_stars": 1}
    ]
    listed = client.get("/api/crafts/products?group=handicrafts").json()
    assert listed["count"] == 1
    item = listed["items"][0]
    assert (item["code"], item["stars"], item["ward"]) == ("binh-gom", 5, "phuong-bat-trang")
    assert item["expires_on"] == ocop.add_months(decided_on, 36).isoformat()


def test_the_public_and_people_without_a_role_are_refused() -> None:
    assert Client().get("/api/crafts/indicators").status_code == 401
    client = Client()
    client.force_login(factories.user())
    assert client.get("/api/crafts/products").status_code == 403
