"""The officers' pages: numbers and dates typed the Vietnamese way, the village's
computed criteria, the product's rating breakdown, filters."""

from datetime import date
from decimal import Decimal

import pytest
from django.test import Client

from cnvh.crafts import workflow
from cnvh.crafts.models import Mark, OcopRating
from cnvh.plan.models import Role
from tests import factories
from tests.crafts import make

pytestmark = pytest.mark.django_db


def signed_in(role: str, language: str = "vi") -> tuple[Client, object]:
    person = factories.user(role)
    client = Client()
    client.cookies["django_language"] = language
    client.force_login(person)
    return client, person


def test_scores_typed_with_a_decimal_comma_and_a_dd_mm_yyyy_decision() -> None:
    client, coordinator = signed_in(Role.COORDINATOR)
    rating = workflow.propose(make.product(), coordinator, date(2026, 3, 2))
    response = client.post(
        f"/crafts/ratings/{rating.pk}/score/",
        {"score_a": "32,5", "score_b": "20", "score_c": "20"},
    )
    assert response.status_code == 302
    rating.refresh_from_db()
    assert (rating.score_a, rating.total) == (Decimal("32.5"), Decimal("72.5"))
    leader_client, _ = signed_in(Role.LEADER)
    response = leader_client.post(
        f"/crafts/ratings/{rating.pk}/decide/",
        {"decision_number": "15/QĐ-UBND", "decision_date": "31/08/2026"},
    )
    assert response.status_code == 302
    rating.refresh_from_db()
    assert (rating.stars, rating.decision_date) == (4, date(2026, 8, 31))
    assert rating.expires_on == date(2029, 8, 31)


def test_a_part_over_its_maximum_is_shown_on_its_field() -> None:
    client, coordinator = signed_in(Role.COORDINATOR, "en")
    rating = workflow.propose(make.product(), coordinator, date(2026, 3, 2))
    response = client.post(
        f"/crafts/ratings/{rating.pk}/score/", {"score_a": "30", "score_b": "25.5", "score_c": "1"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {"score_b": ["Between 0 and 25 points."]}
    rating.refresh_from_db()
    assert rating.status == OcopRating.Status.PROPOSED


def test_the_village_page_shows_its_criteria_met_or_not() -> None:
    client, _ = signed_in(Role.STATISTICIAN, "en")
    village = make.village(households_total=1200, households_in_trade=180, years_stable=4)
    page = client.get(f"/crafts/villages/{village.pk}/").content.decode()
    # 180 of 1.200 households is 15%: under the 20% of Decree 52/2018.
    assert "not met" in page
    assert "The village does not meet every criterion for recognition." in page


def test_a_village_with_revenue_typed_with_dots() -> None:
    client, _ = signed_in(Role.COORDINATOR)
    ward, craft = make.ward(), make.craft()
    response = client.post(
        "/crafts/villages/new/",
        {
            "name": "Làng gốm",
            "ward": ward.pk,
            "craft": craft.pk,
            "households_total": "1.200",
            "households_in_trade": "300",
            "workers": "2.500",
            "years_stable": "5",
            "environment_compliant": "on",
            "revenue": "1.200.000.000",
            "recognition_number": "",
            "recognition_date": "",
        },
    )
    assert response.status_code == 302
    village = ward.craft_villages.get()
    assert (village.households_total, village.revenue) == (1200, Decimal(1200000000))


def test_a_wrong_tax_code_is_refused() -> None:
    client, _ = signed_in(Role.COORDINATOR, "en")
    response = client.post(
        "/crafts/products/new/",
        {
            "code": "binh",
            "name_vi": "Bình",
            "group": "handicrafts",
            "producer_name": "Công ty",
            "producer_kind": "enterprise",
            "producer_tax_code": "0102345678",
            "ward": make.ward().pk,
        },
    )
    assert response.status_code == 200
    assert "is not a valid tax code" in response.context["form"].errors["producer_tax_code"][0]


def test_products_filtered_by_stars() -> None:
    client, coordinator = signed_in(Role.COORDINATOR)
    leader = factories.user(Role.LEADER)
    four, plain = make.product(name_vi="Bốn sao"), make.product(name_vi="Chưa xếp")
    rating = workflow.propose(four, coordinator, date(2026, 1, 5))
    workflow.score(rating, coordinator, Decimal(30), Decimal(20), Decimal(20))
    workflow.decide(rating, leader, "2/QĐ-UBND", date(2026, 1, 31))
    rows = client.get("/crafts/products/?stars=4").context["rows"]
    assert [product for product, _ in rows] == [four]
    assert len(client.get("/crafts/products/?stars=x").context["rows"]) == 2
    assert plain in [product for product, _ in client.get("/crafts/products/").context["rows"]]


def test_the_product_lists_queries_do_not_grow_with_its_rows() -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client, coordinator = signed_in(Role.COORDINATOR)
    leader = factories.user(Role.LEADER)

    def rated() -> None:
        rating = workflow.propose(make.product(), coordinator, date(2026, 1, 5))
        workflow.score(rating, coordinator, Decimal(30), Decimal(20), Decimal(20))
        workflow.decide(rating, leader, "2/QĐ-UBND", date(2026, 1, 31))

    def queries(url: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    rated()
    few = queries("/crafts/products/"), queries("/api/crafts/products")
    for _ in range(3):
        rated()
    assert (queries("/crafts/products/"), queries("/api/crafts/products")) == few


def test_a_collective_mark_recorded_and_chosen_for_a_product() -> None:
    client, _ = signed_in(Role.COORDINATOR)
    response = client.post(
        "/crafts/marks/new/",
        {
            "kind": "collective",
            "name": "Lụa Vạn Phúc",
            "registration_number": "4-0123456",
            "holder": "Hiệp hội Làng nghề Vạn Phúc",
            "granted_on": "05/01/2015",
        },
    )
    assert response.status_code == 302
    mark = Mark.objects.get(name="Lụa Vạn Phúc")
    assert mark.granted_on == date(2015, 1, 5)
    product = make.product(code="khan-lua")
    product.marks.add(mark)
    assert "Lụa Vạn Phúc" in Client().get("/p/khan-lua/").content.decode()
