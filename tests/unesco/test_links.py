"""A commitment's activity linked to the events held for it and the models it built:
chosen on the activity's form, shown on the commitment's page, kept in the history,
and given by the API."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.test import Client
from django.urls import reverse

from cnvh.brightspots.models import BrightSpot
from cnvh.events import workflow as events
from cnvh.events.models import Event, Venue
from tests.unesco.conftest import City, activity, commitment


def festival_night(city: City) -> Event:
    hall = Venue.objects.create(name="Nhà hát Lớn", ward=city.ward, address="1 Tràng Tiền")
    night = Event(
        title_vi="Đêm thiết kế sáng tạo",
        title_en="Creative design night",
        kind="performance",
        sectors=["performing_arts"],
        organiser_kind=Event.OrganiserKind.ENTERPRISE,
        organiser_tax_code="0100109106",
        organiser_name="Công ty Biểu diễn Hà Nội",
        venue=hall,
        starts_on=date(2025, 11, 28),
        ends_on=date(2025, 11, 28),
        expected_attendance=500,
        budget=Decimal(1_200_000_000),
        filed_on=date(2025, 11, 1),
        receiving_agency=city.department,
    )
    return events.file_event(night, "nd144-art10-approval", city.officer)


def book_street(city: City) -> BrightSpot:
    return BrightSpot.objects.create(
        name_vi="Phố sách",
        name_en="Book street",
        level="ward",
        sector="publishing",
        host_kind=BrightSpot.HostKind.AGENCY,
        host_agency=city.ward,
        ward=city.ward,
        start_year=2022,
        created_by=city.coordinator,
    )


def _client(person: Any) -> Client:
    client = Client()
    client.cookies["django_language"] = "vi"
    client.force_login(person)
    return client


def test_the_coordinator_links_an_activity_to_events_and_models(city: City) -> None:
    night, street = festival_night(city), book_street(city)
    Event.objects.filter(pk=night.pk).update(title_vi="Đêm thiết kế sáng tạo 2025")
    other_street = book_street(city)
    centre = commitment(city, "centre", 4_000_000)
    held = activity(city, centre, date(2025, 11, 26), date(2025, 11, 30), 2_500_000)
    client = _client(city.coordinator)
    edit = reverse("unesco-activity-edit", args=[held.pk])
    form = client.get(edit).content.decode()
    assert "Đêm thiết kế sáng tạo 2025 (28/11/2025)" in form
    assert 'data-agency-picker="Tìm sự kiện"' in form
    data = {
        "title_vi": held.title_vi,
        "title_en": held.title_en,
        "starts_on": "26/11/2025",
        "ends_on": "30/11/2025",
        "budget_spent": "2.500.000",
        "events": [night.pk],
        "bright_spots": [street.pk],
    }
    assert client.post(edit, data).status_code == 302
    held.refresh_from_db()
    assert list(held.events.all()) == [night]
    assert list(held.bright_spots.all()) == [street]
    assert other_street.unesco_activities.count() == 0
    page = _client(city.ward_officer).get(reverse("unesco-commitment", args=[centre.pk]))
    html = page.content.decode()
    assert f'href="/events/{night.pk}/">Đêm thiết kế sáng tạo 2025</a>' in html
    assert f'href="/brightspots/models/{street.pk}/">Phố sách</a>' in html
    # Unlinking is a change of its own in the history: the model was linked, then not.
    assert client.post(edit, {**data, "bright_spots": []}).status_code == 302
    versions = list(held.history.order_by("history_id"))
    linked = [[m.brightspot_id for m in v.bright_spots.all()] for v in versions]
    assert [street.pk] in linked and linked[-1] == []
    assert [e.event_id for e in versions[-1].events.all()] == [night.pk]
    api = client.get("/api/unesco/activities").json()["items"]
    assert [(a["id"], a["event_ids"], a["model_ids"]) for a in api] == [(held.pk, [night.pk], [])]


def test_an_unknown_event_is_refused(city: City) -> None:
    centre = commitment(city, "centre", 4_000_000)
    held = activity(city, centre, date(2025, 11, 26), date(2025, 11, 30), 0)
    data = {
        "title_vi": held.title_vi,
        "title_en": held.title_en,
        "starts_on": "26/11/2025",
        "ends_on": "30/11/2025",
        "budget_spent": "0",
    }
    edit = reverse("unesco-activity-edit", args=[held.pk])
    client = _client(city.coordinator)
    for wrong in ("999999", "1" * 30, "abc"):
        response = client.post(edit, {**data, "events": [wrong]})
        assert response.status_code == 200
        assert "events" in response.context["form"].errors
    assert held.events.count() == 0
