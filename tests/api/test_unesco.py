"""The UNESCO registry's lists in the API: commitments with their budgets, their
activities, and the training, cooperation and dissemination activities, each read
only by those the registry's pages show them to."""

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cnvh.plan.models import Role
from cnvh.unesco import workflow
from cnvh.unesco.models import Commitment
from tests import factories
from tests.unesco.conftest import City, activity, build_city, commitment, outreach


@pytest.fixture
def city(db: None) -> City:
    return build_city()


def as_member(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_commitments_with_their_period_partners_and_budgets(city: City) -> None:
    centre = commitment(city, "centre", 4_000_000)
    centre.first_year, centre.last_year, centre.partners = 2020, 2030, "Hội Kiến trúc sư"
    workflow.save_commitment(centre, city.coordinator)
    activity(city, centre, date(2025, 3, 1), date(2025, 3, 2), 1_000_000, "Bandung")
    activity(city, centre, date(2025, 6, 1), date(2025, 6, 30), 500_000)
    workflow.save_commitment(
        Commitment(
            code="network",
            title_vi="Mạng lưới",
            title_en="Network",
            scope="international",
            source="2023 report",
            lead_agency=city.department,
        ),
        city.coordinator,
    )
    assert Client().get("/api/unesco/commitments").status_code == 401
    found = as_member(city.ward_officer).get("/api/unesco/commitments").json()
    assert (found["count"], found["limit"], found["offset"]) == (2, 100, 0)
    assert found["items"][0] == {
        "id": centre.pk,
        "code": "centre",
        "title_vi": "Cam kết centre",
        "title_en": "Commitment centre",
        "scope": "local",
        "source": "2019 application",
        "first_year": 2020,
        "last_year": 2030,
        "lead_agency": "so-vh",
        "partners": "Hội Kiến trúc sư",
        "budget_planned": "4000000",
        "budget_spent": "1500000",
        "activities": 2,
        "task_ids": [city.task.pk],
    }
    network = found["items"][1]
    assert (network["code"], network["budget_planned"], network["budget_spent"]) == (
        "network",
        None,
        "0",
    )
    assert (network["first_year"], network["activities"], network["task_ids"]) == (None, 0, [])
    only = as_member(city.officer).get("/api/unesco/commitments", {"scope": "international"})
    assert [c["code"] for c in only.json()["items"]] == ["network"]
    paged = as_member(city.officer).get("/api/unesco/commitments", {"limit": 1, "offset": 1})
    assert (paged.json()["count"], [c["code"] for c in paged.json()["items"]]) == (2, ["network"])


def test_activities_with_partners_targets_and_spending(city: City) -> None:
    centre = commitment(city, "centre", 4_000_000)
    later = activity(city, centre, date(2025, 6, 1), date(2025, 6, 30), 500_000)
    first = activity(city, centre, date(2025, 3, 1), date(2025, 3, 2), 1_000_000, "Bandung")
    first.partner_cities, first.sdg_targets = "Bandung; Kobe", "11.4; 8.3"
    first.outputs_vi, first.outputs_en = "Hai triển lãm", "Two exhibitions"
    workflow.save_activity(first, city.coordinator)
    client = as_member(city.leader)
    found = client.get("/api/unesco/activities").json()
    assert [a["id"] for a in found["items"]] == [first.pk, later.pk]
    assert found["items"][0] == {
        "id": first.pk,
        "commitment_id": centre.pk,
        "commitment": "centre",
        "title_vi": "Hoạt động 2025-03",
        "title_en": "Activity 2025-03",
        "starts_on": "2025-03-01",
        "ends_on": "2025-03-02",
        "partner_cities": ["Bandung", "Kobe"],
        "partner_countries": ["Indonesia"],
        "sdg_targets": ["11.4", "8.3"],
        "outputs_vi": "Hai triển lãm",
        "outputs_en": "Two exhibitions",
        "budget_spent": "1000000",
        "task_ids": [city.task.pk],
        "event_ids": [],
        "model_ids": [],
    }
    assert found["items"][1]["partner_cities"] == []
    since = client.get("/api/unesco/activities", {"starts_from": "2025-04-01"}).json()
    assert [a["id"] for a in since["items"]] == [later.pk]
    other = client.get("/api/unesco/activities", {"commitment": "other"}).json()
    assert other["count"] == 0


def test_outreach_by_sex_and_role_only_to_whom_the_pages_show_it(city: City) -> None:
    course = outreach(
        city,
        "training",
        city.department,
        date(2025, 9, 8),
        None,
        {"officials": (20, 12), "creatives": (3, 5)},
    )
    session = outreach(
        city,
        "dissemination",
        city.ward,
        date(2025, 10, 1),
        city.ward_officer,
        {"residents": (40, 25)},
    )
    everything = as_member(city.coordinator).get("/api/unesco/outreach").json()
    assert [o["id"] for o in everything["items"]] == [course.pk, session.pk]
    assert everything["items"][0] == {
        "id": course.pk,
        "kind": "training",
        "title_vi": "training 2025-09-08",
        "title_en": "",
        "organiser": "so-vh",
        "level": "department",
        "partner_country": "",
        "partner_city": "",
        "sector": "",
        "starts_on": "2025-09-08",
        "ends_on": "2025-09-08",
        "budget_vnd": "5000000",
        "task_id": None,
        "outputs": "",
        "reach": None,
        "women": 23,
        "men": 17,
        "participants": [
            {"role": "creatives", "women": 3, "men": 5},
            {"role": "officials", "women": 20, "men": 12},
        ],
    }
    assert "recorded_by" not in everything["items"][0]
    # An officer sees only what their own agency organised.
    ward = as_member(city.ward_officer).get("/api/unesco/outreach").json()
    assert [(o["id"], o["women"], o["men"]) for o in ward["items"]] == [(session.pk, 40, 25)]
    other = as_member(city.other_ward_officer).get("/api/unesco/outreach").json()
    assert other["count"] == 0
    trainings = as_member(city.coordinator).get("/api/unesco/outreach", {"kind": "training"})
    assert [o["id"] for o in trainings.json()["items"]] == [course.pk]
    # The statistician reads the commitments but not who took part in what.
    statistician = as_member(factories.user(Role.STATISTICIAN, city.department, "thongke"))
    assert statistician.get("/api/unesco/outreach").status_code == 403
    assert statistician.get("/api/unesco/commitments").status_code == 200
    assert Client().get("/api/unesco/outreach").status_code == 401
    assert Decimal(everything["items"][1]["budget_vnd"]) == Decimal(5_000_000)


def test_the_queries_do_not_grow_with_the_list(city: City) -> None:
    centre = commitment(city, "centre", 4_000_000)
    client = as_member(city.coordinator)

    def queries(url: str) -> int:
        with CaptureQueriesContext(connection) as done:
            assert client.get(url).status_code == 200
        return len(done)

    def add(n: int) -> None:
        for month in range(1, n + 1):
            activity(city, centre, date(2025, month, 1), date(2025, month, 2), 1_000)
            outreach(city, "training", city.department, date(2025, month, 3))

    add(1)
    few = [queries(url) for url in URLS]
    add(5)
    many = [queries(url) for url in URLS]
    assert many == few == [6, 8, 6]


URLS = ["/api/unesco/commitments", "/api/unesco/activities", "/api/unesco/outreach"]
