"""The registry's indicators in the API: the page's figures, for members only."""

from datetime import date

from django.test import Client

from tests.unesco.conftest import City, activity, commitment, outreach


def test_the_indicators_for_members(city: City) -> None:
    centre = commitment(city, "centre", 4_000_000)
    activity(city, centre, date(2025, 3, 1), date(2025, 3, 2), 1_000_000, "Bandung")
    outreach(city, "training", city.department, date(2025, 9, 8), None, {"officials": (20, 12)})
    outreach(city, "dissemination", city.ward, date(2025, 10, 1), city.ward_officer)
    client = Client()
    assert client.get("/api/unesco/indicators").status_code == 401
    client.force_login(city.ward_officer)
    found = client.get("/api/unesco/indicators", {"first_year": 2025, "last_year": 2025}).json()
    assert found == {
        "first_year": 2025,
        "last_year": 2025,
        "commitments": 1,
        "commitments_with_activity": 1,
        "activities": 1,
        "inter_city_activities": 1,
        "budget_planned": "4000000",
        "budget_executed": "1000000",
        "budget_rate": "0.25",
        "trained_women": 20,
        "trained_men": 12,
        "units_disseminating": 1,
        "local_units": 3,
    }
    empty = client.get("/api/unesco/indicators", {"first_year": 2019}).json()
    assert (empty["last_year"], empty["activities"]) == (2019, 0)


def test_a_bad_span_is_explained(city: City) -> None:
    client = Client()
    client.force_login(city.coordinator)
    response = client.get("/api/unesco/indicators", {"first_year": 2026, "last_year": 2025})
    assert response.status_code == 400
    body = response.json()
    assert body["field"] == "last_year"
    assert body["message"]["en"] == "The last year is before the first: check both years."
    assert body["message"]["vi"] == "Năm cuối trước năm đầu: kiểm tra lại hai năm này."
    assert client.get("/api/unesco/indicators", {"first_year": "abc"}).status_code == 422
