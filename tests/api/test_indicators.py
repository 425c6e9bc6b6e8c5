"""Indicators through the API: the values `cnvh.plan.values` gives the pages, with
their sources, targets, trajectory and status."""

from typing import Any

import pytest
from django.test import Client

from cnvh.plan import values
from cnvh.plan.models import Indicator
from tests.api.world import World

pytestmark = pytest.mark.django_db


def indicators(world: World, role: str, **query: Any) -> dict[str, dict[str, Any]]:
    answer = world.get(role, "/api/indicators", **query)
    assert answer.status_code == 200
    return {item["code"]: item for item in answer.json()["items"]}


def test_the_public_sees_published_indicators_members_all(world: World) -> None:
    assert set(indicators(world, "anonymous")) == {"events", "grdp-share"}
    assert set(indicators(world, "statistician")) == {"events", "grdp-share", "hidden"}
    assert set(indicators(world, "officer_elsewhere", source="reports")) == {"events"}


def test_the_share_in_2024_checked_by_hand(world: World) -> None:
    share = indicators(world, "anonymous")["grdp-share"]
    assert share["unit"] == "%"
    latest = share["latest"]
    # 0.042 of GRDP, in percent.
    assert latest["year"] == 2024
    assert latest["value"] == 0.042 * 100
    assert abs(latest["value"] - 4.2) < 1e-12
    assert (latest["ci_low"], latest["ci_high"]) == ((0.042 - 0.003) * 100, (0.042 + 0.003) * 100)
    assert latest["estimate_id"] == world.objects["published_estimate"].pk
    assert latest["estimate_revision"] == 1
    # Baseline 3.5 (2021), target 5 (2025): expected 3.5 + 3 × 1.5 ÷ 4 = 4.625 in 2024.
    assert share["baseline"] == {"year": 2021, "value": 0.035 * 100}
    assert latest["expected"] == pytest.approx(4.625)
    assessment = share["assessment"]
    assert assessment["status"] == "at_risk"
    assert assessment["ratio"] == pytest.approx((4.2 - 3.5) / (4.625 - 3.5))
    assert (assessment["on_track_ratio"], assessment["at_risk_ratio"]) == (0.9, 0.5)
    assert [(t["year"], t["value"]) for t in share["targets"]] == [(2025, 5.0), (2030, 8.0)]


@pytest.mark.parametrize(("role", "public"), [("anonymous", True), ("coordinator", False)])
def test_the_same_values_as_the_pages(world: World, role: str, public: bool) -> None:
    given = indicators(world, role)
    for code, item in given.items():
        indicator = Indicator.objects.get(code=code)
        series = values.series(indicator, published_only=public)
        assert [(v["year"], v["value"]) for v in item["series"]] == [
            (v.year, v.value) for v in series
        ]
        assert [v["estimate_id"] for v in item["series"]] == [
            v.estimate.pk if v.estimate else None for v in series
        ]
        assert [v["report_ids"] for v in item["series"]] == [v.report_ids for v in series]
        assert item["assessment"]["status"] == values.assess(indicator, series).status
        detail = world.get(role, f"/api/indicators/{code}").json()
        assert detail["series"] == item["series"]


def test_the_page_and_the_api_agree(world: World) -> None:
    """The indicator page's own lines (its context) against the API's series."""
    client = Client()
    page = client.get("/indicators/grdp-share/")
    lines = page.context["lines"]
    api = world.get("anonymous", "/api/indicators/grdp-share").json()["series"]
    assert [(line.year, line.value.value, line.expected) for line in lines] == [
        (value["year"], value["value"], value["expected"]) for value in api
    ]


def test_a_value_from_approved_reports(world: World) -> None:
    events = world.get("anonymous", "/api/indicators/events").json()
    approved = world.objects["approved"]
    # Only the approved report's 3 counts; the draft and the submitted one do not.
    assert [(v["year"], v["value"], v["report_ids"]) for v in events["series"]] == [
        (2026, 3.0, [approved.pk])
    ]
    assert events["latest"]["estimate_id"] is None
    assert events["breakdowns"] == [
        {
            "dimension": "area",
            "year": 2026,
            "parts": [
                {
                    "key": world.objects["lead"].code,
                    "title_vi": None,
                    "title_en": None,
                    "value": 3.0,
                    "estimate_id": None,
                    "estimate_revision": None,
                    "report_ids": [approved.pk],
                    "import_id": None,
                    "import_row": None,
                    "records_url": None,
                }
            ],
        }
    ]


def test_breakdown_by_sector_names_its_estimate(world: World) -> None:
    share = world.get("anonymous", "/api/indicators/grdp-share").json()
    by_sector = next(b for b in share["breakdowns"] if b["dimension"] == "sector")
    assert by_sector["year"] == 2024
    design = next(part for part in by_sector["parts"] if part["key"] == "design")
    assert design["value"] == 20_000_000.0 / 1_430_000_000.0 * 100
    assert (design["title_vi"], design["title_en"]) == ("Thiết kế", "Design")
    assert design["estimate_id"] == world.objects["published_estimate"].pk


def test_an_unpublished_indicator_does_not_exist_for_the_public(world: World) -> None:
    assert world.get("anonymous", "/api/indicators/hidden").status_code == 404
    assert world.get("no_role", "/api/indicators/hidden").status_code == 404
    hidden = world.get("leader_elsewhere", "/api/indicators/hidden").json()
    assert hidden["published"] is False
    assert hidden["latest"]["estimate_id"] == world.objects["estimate"].pk
