"""GET /api/road: the road page's scenario, computed by the engine on the published
estimate, with its provenance; mistakes answered with the API's one error body."""

import pytest
from django.test import Client

from cnvh.estimates.models import Estimate
from cnvh.estimates.store import save_estimate
from tests.road_data import BASE_SHARE, GRDP_TREND, published_road_estimate, road_result

pytestmark = pytest.mark.django_db


@pytest.fixture
def road_estimate(db: None) -> Estimate:
    return published_road_estimate()


def test_the_public_gets_the_published_road(client: Client, road_estimate: Estimate) -> None:
    response = client.get("/api/road", {"target_year": "2030", "target_share": "0.08"})
    assert response.status_code == 200
    body = response.json()
    assert (body["estimate_id"], body["base_year"], body["trend_from"]) == (
        road_estimate.pk,
        2024,
        2021,
    )
    assert body["grdp_growth"] == pytest.approx(GRDP_TREND)  # 1.3^(1/3) − 1
    total = body["rows"][0]
    assert total["sector"] is None
    # (1 + g) · (0.08 / 0.042)^(1/6) − 1, g GRDP's own trend
    assert total["required_growth"] == pytest.approx(
        (1 + GRDP_TREND) * (0.08 / BASE_SHARE) ** (1 / 6) - 1
    )
    design = next(row for row in body["rows"] if row["sector"] == "design")
    assert design["trend_growth"] == pytest.approx(2 ** (1 / 3) - 1)  # 10M -> 20M in 3 years
    assert body["provenance"]["scenario"]["target_share"] == 0.08


def test_assumed_growth_changes_the_path(client: Client, road_estimate: Estimate) -> None:
    body = client.get(
        "/api/road",
        {
            "target_year": "2026",
            "target_share": "0.05",
            "grdp_growth": "0.1",
            "sector_growth": "design=0.5",
        },
    ).json()
    design_2026 = next(p for p in body["path"] if p["year"] == 2026 and p["sector"] == "design")
    # 20M / 1,430M grown 1.5² against GRDP 1.1²
    assert design_2026["share"] == pytest.approx(20e6 / 1.43e9 * (1.5 / 1.1) ** 2)
    assert body["grdp_growth"] == 0.1


@pytest.mark.parametrize(
    ("query", "code", "field"),
    [
        ({"sector_growth": "design"}, "bad_sector_growth", "sector_growth"),
        ({"sector_growth": "design=fast"}, "bad_sector_growth", "sector_growth"),
        ({"sector_growth": "radio=0.1"}, "bad_scenario", None),
        ({"target_year": "2024"}, "bad_scenario", None),
        ({"target_share": "8"}, "invalid", "target_share"),
    ],
)
def test_mistakes_are_told_in_both_languages(
    client: Client, road_estimate: Estimate, query: dict[str, str], code: str, field: str | None
) -> None:
    response = client.get("/api/road", query)
    assert response.status_code in (400, 422)
    body = response.json()
    assert body["code"] == code
    assert body["message"]["vi"] and body["message"]["en"]
    if code == "bad_scenario":
        detail = body["details"][0]
        assert detail["message"]["vi"] != detail["message"]["en"]
    else:
        assert body["field"] == field


def test_nothing_published_nothing_found(client: Client) -> None:
    save_estimate(road_result(), label="draft", synthetic=True)
    assert client.get("/api/road").status_code == 404
