"""The venue register's pages: search with or without accents, the ward filter, the
checks of a venue (inside the city, a current ward of the official list) and who may
edit."""

from datetime import date
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from cnvh.events.models import Venue
from cnvh.plan.models import Agency, Role
from tests import factories
from tests.events import make

pytestmark = pytest.mark.django_db


@pytest.fixture
def town() -> make.City:
    found = make.city()
    # Phường Hoàn Kiếm is 00070 in the official list of today's units.
    found.ward.unit_code = "00070"
    found.ward.save()
    return found


def _client(user: object, language: str = "en") -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    client.cookies["django_language"] = language
    return client


def _names(response: object) -> list[str]:
    return [venue.name for venue in response.context["venues"]]  # type: ignore[attr-defined]


@pytest.mark.parametrize("typed", ["nhà hát", "nha hat", "NHA HAT LON", "Nhà Hát", "trang tien"])
def test_search_finds_a_venue_with_or_without_accents(town: make.City, typed: str) -> None:
    response = _client(town.ward_officer).get(reverse("events-venues"), {"q": typed})
    assert _names(response) == ["Nhà hát Lớn"]


def test_search_tells_d_from_other_letters_and_filters_by_ward(town: make.City) -> None:
    client = _client(town.ward_officer)
    assert _names(client.get(reverse("events-venues"), {"q": "đền"})) == ["Đền Ngọc Sơn"]
    assert _names(client.get(reverse("events-venues"), {"q": "den ngoc"})) == ["Đền Ngọc Sơn"]
    other = factories.agency("p-tay-ho", Agency.Kind.WARD, name_vi="Phường Tây Hồ")
    Venue.objects.create(name="Phủ Tây Hồ", ward=other, address="Đặng Thai Mai")
    assert _names(client.get(reverse("events-venues"), {"ward": "p-tay-ho"})) == ["Phủ Tây Hồ"]
    assert len(_names(client.get(reverse("events-venues")))) == 3


def _venue_form(town: make.City, **changes: str) -> dict[str, str]:
    data = {
        "name": "Cung Thiếu nhi Hà Nội",
        "ward": str(town.ward.pk),
        "address": "36 Lê Thái Tổ",
        "latitude": "21.030000",
        "longitude": "105.851000",
        "capacity": "1.200",
    }
    return {**data, **changes}


def test_the_culture_department_records_a_venue(town: make.City, settings: Settings) -> None:
    settings.CNVH_CULTURE_DEPARTMENT = town.culture.code
    client = _client(town.officer, "vi")
    # The Vietnamese way (21,03) and as a map writes it (105.851) are both read.
    response = client.post(
        reverse("events-venue-new"), _venue_form(town, latitude="21,03", heritage_site="")
    )
    venue = Venue.objects.get(name="Cung Thiếu nhi Hà Nội")
    assert response.status_code == 302
    assert (venue.latitude, venue.longitude, venue.capacity) == (
        Decimal("21.030000"),
        Decimal("105.851000"),
        1200,
    )
    assert venue.search_text == "cung thieu nhi ha noi 36 le thai to"
    assert venue.history.get().history_user == town.officer
    page = client.get(reverse("events-venue", args=[venue.pk])).content.decode()
    assert "21.030000, 105.851000" in page


def test_a_venue_outside_the_city_is_refused(town: make.City) -> None:
    client = _client(town.coordinator)
    # Latitude and longitude swapped: 105° north is no place on Earth, let alone Hanoi.
    swapped = _venue_form(town, latitude="105.851", longitude="21.03")
    body = client.post(reverse("events-venue-new"), swapped).content.decode()
    assert "lies outside the city" in body
    # Hồ Chí Minh City, 10.78° N: inside Vietnam, outside Hanoi's 20.53–21.39° N.
    saigon = _venue_form(town, latitude="10.776889", longitude="106.700806")
    assert (
        "lies outside the city" in client.post(reverse("events-venue-new"), saigon).content.decode()
    )
    one = client.post(reverse("events-venue-new"), _venue_form(town, longitude=""))
    assert "Give both coordinates, or neither." in one.content.decode()
    assert not Venue.objects.filter(name="Cung Thiếu nhi Hà Nội").exists()


def test_the_ward_must_be_a_current_unit_of_the_official_list(town: make.City) -> None:
    client = _client(town.coordinator)
    unlisted = factories.agency("p-moi", Agency.Kind.WARD, name_vi="Phường Mới")
    body = client.post(
        reverse("events-venue-new"), _venue_form(town, ward=str(unlisted.pk))
    ).content.decode()
    assert "is not one of today&#x27;s wards and communes" in body
    former = factories.agency(
        "q-hoan-kiem",
        Agency.Kind.WARD,
        name_vi="Quận Hoàn Kiếm",
        unit_code="00070",
        valid_to=date(2025, 6, 30),
    )
    body = client.post(
        reverse("events-venue-new"), _venue_form(town, ward=str(former.pk))
    ).content.decode()
    assert "Select a valid choice" in body
    assert not Venue.objects.filter(name="Cung Thiếu nhi Hà Nội").exists()


def test_a_heritage_site_names_its_manager(town: make.City) -> None:
    client = _client(town.coordinator)
    body = client.post(
        reverse("events-venue-new"), _venue_form(town, heritage_site="on")
    ).content.decode()
    assert "Choose who manages the heritage site." in body
    data = _venue_form(town, heritage_site="on", heritage_manager=str(town.heritage.pk))
    assert client.post(reverse("events-venue-new"), data).status_code == 302


def test_other_officers_read_but_do_not_edit(town: make.City) -> None:
    client = _client(town.ward_officer)
    assert client.get(reverse("events-venue", args=[town.hall.pk])).status_code == 200
    assert client.get(reverse("events-venue-new")).status_code == 403
    edit = reverse("events-venue-edit", args=[town.hall.pk])
    assert client.post(edit, _venue_form(town)).status_code == 403
    leader = factories.user(Role.LEADER, town.ward)
    assert _client(leader).get(edit).status_code == 403
    assert _client(town.coordinator).get(edit).status_code == 200


def test_the_venue_page_lists_its_events(town: make.City) -> None:
    make.event(town, title_vi="Hòa nhạc mùa xuân", title_en="Spring concert")
    make.event(town, title_vi="Ở đền", title_en="At the temple", venue=town.temple)
    page = _client(town.ward_officer).get(reverse("events-venue", args=[town.hall.pk]))
    body = page.content.decode()
    assert "Spring concert" in body and "At the temple" not in body
    assert "02/03/2026" in body
