"""Official administrative units: the 126 communes and wards of today, the 30 districts
and 526 communes before 2025-07-01 (GSO codes)."""

from typing import Any

import pytest

from tests.api.world import World

pytestmark = pytest.mark.django_db


def areas(world: World, **query: object) -> dict[str, Any]:
    answer = world.get("anonymous", "/api/areas", limit=1000, **query)
    assert answer.status_code == 200
    body: dict[str, Any] = answer.json()
    return body


def test_today_the_126_communes_and_wards(world: World) -> None:
    body = areas(world)
    items = body["items"]
    assert body["count"] == 126 and len(items) == 126
    assert {item["level"] for item in items} == {"commune"}
    assert all(len(item["code"]) == 5 and item["valid_from"] == "2025-07-01" for item in items)
    assert all(item["valid_to"] is None for item in items)


def test_before_the_reform_the_districts_and_their_communes(world: World) -> None:
    body = areas(world, on="2025-06-30")
    assert body["count"] == 30 + 526
    districts = areas(world, on="2025-06-30", level="district")["items"]
    assert len(districts) == 30
    assert all(len(d["code"]) == 3 and d["valid_to"] == "2025-06-30" for d in districts)
    assert areas(world, on="2025-07-01", level="district")["count"] == 0


def test_another_province(world: World) -> None:
    assert areas(world, province="79")["count"] > 0  # Ho Chi Minh City
    assert areas(world, province="00")["count"] == 0
    assert world.get("anonymous", "/api/areas", province="01; DROP").status_code == 422
