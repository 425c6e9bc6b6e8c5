"""Scopes, estimate revisions and their figures: what each person may see, the stored
numbers at full precision with their revision, filters and pages."""

from typing import Any

import pytest

from cnvh.estimates.models import EstimateRow
from cnvh.estimates.store import latest_estimates
from cnvh.presentation import summary
from tests.api.world import World
from tests.conftest import GRDP, SECTORS_2024

pytestmark = pytest.mark.django_db


def items(response: Any) -> list[dict[str, Any]]:
    assert response.status_code == 200, response.content
    return list(response.json()["items"])


def test_scopes_shipped_and_their_latest_revision(world: World) -> None:
    public = {s["key"]: s for s in items(world.get("anonymous", "/api/scopes"))}
    assert list(public) == ["hanoi-plan", "fcs-core", "dcms-creative"]
    plan = public["hanoi-plan"]
    assert plan["shipped"] and plan["classification"] == "VSIC2018"
    assert {"key": "cinema", "title_vi": "Điện ảnh", "title_en": "Cinema"} in plan["sectors"]
    assert plan["latest_estimate_id"] == world.objects["published_estimate"].pk
    assert public["fcs-core"]["latest_estimate_id"] is None
    member = {s["key"]: s for s in items(world.get("statistician", "/api/scopes"))}
    assert member["hanoi-plan"]["latest_estimate_id"] == world.objects["estimate"].pk
    assert member["hanoi-plan"]["latest_revision"] == 2


def test_the_public_sees_published_revisions_members_all(world: World) -> None:
    published, newer = world.objects["published_estimate"], world.objects["estimate"]
    public = items(world.get("anonymous", "/api/estimates"))
    assert [(e["id"], e["revision"], e["published"]) for e in public] == [(published.pk, 1, True)]
    member = items(world.get("officer_elsewhere", "/api/estimates"))
    assert [(e["id"], e["revision"]) for e in member] == [(newer.pk, 2), (published.pk, 1)]
    unpublished = items(world.get("coordinator", "/api/estimates", published="false"))
    assert [e["id"] for e in unpublished] == [newer.pk]


def test_one_revision_with_its_provenance(world: World) -> None:
    estimate = world.objects["published_estimate"]
    body = world.get("anonymous", f"/api/estimates/{estimate.pk}").json()
    assert body["provenance"] == estimate.provenance
    assert body["provenance"]["inputs"]["units"]["sha256"] == "cd34" * 16
    assert body["scope_checksum"] == estimate.scope_checksum
    assert body["years"] == [2021, 2022, 2023, 2024]
    assert body["row_count"] == estimate.rows.count() == 8
    assert body["unit"] == "million VND" and body["synthetic"] is True
    assert body["published_at"] is not None


def test_a_sector_share_checked_by_hand(world: World) -> None:
    rows = items(
        world.get("anonymous", "/api/estimate-rows", year=2024, sector="design", area="total")
    )
    assert len(rows) == 1
    design = rows[0]
    # 20,000,000 million VND of a GRDP of 1,430,000,000 million VND: 1.3986013986...%
    assert design["value_added"] == 20_000_000.0
    assert design["share"] == 20_000_000.0 / 1_430_000_000.0
    assert abs(design["share"] - 0.013986013986013986) < 1e-18
    assert design["unit"] == "million VND"
    assert design["estimate_id"] == world.objects["published_estimate"].pk
    assert design["revision"] == 1 and design["published"] is True


def test_members_get_the_latest_revision_by_default(world: World) -> None:
    newer = world.objects["estimate"]
    rows = items(world.get("coordinator", "/api/estimate-rows", year=2024, sector="total"))
    city = [row for row in rows if row["area"] is None]
    assert [(r["estimate_id"], r["revision"]) for r in city] == [(newer.pk, 2)]
    assert city[0]["share"] == 0.042 and city[0]["value_added"] == 0.042 * GRDP[2024]
    # The rerun has no confidence intervals; the published revision has them.
    assert city[0]["share_ci_low"] is None
    older = items(world.get("coordinator", "/api/estimate-rows", year=2024, revision=1))
    total = next(r for r in older if r["sector"] is None and r["area"] is None)
    assert total["share_ci_low"] == 0.042 - 0.003


def test_the_public_cannot_reach_an_unpublished_revision(world: World) -> None:
    newer = world.objects["estimate"]
    assert items(world.get("anonymous", "/api/estimate-rows", estimate_id=newer.pk)) == []
    assert items(world.get("anonymous", "/api/estimate-rows", revision=2)) == []
    assert world.get("no_role", f"/api/estimates/{newer.pk}").status_code == 404


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"dimension": "total"}, {(y, None, None) for y in (2021, 2022, 2023, 2024)}),
        ({"dimension": "sector"}, {(2024, s, None) for s in SECTORS_2024}),
        ({"dimension": "sector_area"}, {(2024, "design", "00004")}),
        ({"area": "00004"}, {(2024, "design", "00004")}),
        ({"sector": "design"}, {(2024, "design", None), (2024, "design", "00004")}),
        ({"year": 2021}, {(2021, None, None)}),
        ({"scope": "fcs-core"}, set()),
    ],
)
def test_filters(world: World, query: dict[str, Any], expected: set[tuple[Any, ...]]) -> None:
    rows = items(world.get("anonymous", "/api/estimate-rows", **query))
    assert {(r["year"], r["sector"], r["area"]) for r in rows} == expected


def test_pages_are_stable_and_complete(world: World) -> None:
    everything = items(world.get("anonymous", "/api/estimate-rows", limit=1000))
    assert (
        len(everything)
        == EstimateRow.objects.filter(estimate=world.objects["published_estimate"]).count()
    )
    pages = []
    for offset in range(0, len(everything), 3):
        answer = world.get("anonymous", "/api/estimate-rows", limit=3, offset=offset).json()
        assert answer["count"] == len(everything)
        assert (answer["limit"], answer["offset"]) == (3, offset)
        pages += answer["items"]
    assert pages == everything
    # Totals first within a year, then the sectors, then the areas.
    assert [(r["year"], r["sector"], r["area"]) for r in everything[3:6]] == [
        (2024, None, None),
        (2024, "crafts", None),
        (2024, "design", None),
    ]


def test_the_same_numbers_as_the_overview(world: World) -> None:
    """The overview's figures (cnvh.presentation.summary) for the latest year, as the API
    gives them."""
    for role, public in (("anonymous", True), ("coordinator", False)):
        estimate = latest_estimates(published_only=public)[0]
        page = summary.summarise(estimate)
        rows = items(world.get(role, "/api/estimate-rows", year=page.latest_year, area="total"))
        by_sector = {row["sector"]: row for row in rows}
        assert page.latest_total is not None
        assert by_sector[None]["value_added"] == page.latest_total.value_added
        assert by_sector[None]["share"] == page.latest_total.share
        for line in page.sectors:
            assert by_sector[line.key]["value_added"] == line.value_added
            assert by_sector[line.key]["share"] == line.share
            assert by_sector[line.key]["estimate_id"] == estimate.pk
