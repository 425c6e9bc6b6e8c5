"""Clashes on the working pages: the filer is told, every agency asked for a view sees
them on the event's page and in its queue; the move and resolve forms; bounded queries."""

from datetime import date, time

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cnvh.events import workflow
from cnvh.events.models import Clash, Event, Venue
from tests.events import make
from tests.events.test_pages import _filing

pytestmark = pytest.mark.django_db


@pytest.fixture
def town() -> make.City:
    return make.city()


def _client(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    client.cookies["django_language"] = "en"
    return client


def test_the_filer_is_told_of_the_clash_and_sees_it(town: make.City) -> None:
    make.event(town, title_vi="Đêm nhạc Trịnh", title_en="Trịnh's songs")
    client = _client(town.officer)
    response = client.post(reverse("events-new"), _filing(town), follow=True)
    body = response.content.decode()
    assert "This event clashes with other events (1)" in body
    assert "Same venue at overlapping times" in body
    assert "Trịnh&#x27;s songs" in body
    assert "Resolve the clash" in body


def _in_clearance(town: make.City) -> tuple[Event, Event]:
    first = make.event(town, title_vi="Đêm nhạc", title_en="Music night", expected_attendance=1500)
    second = make.event(town, title_vi="Triển lãm", title_en="Exhibition", expected_attendance=1500)
    workflow.start_clearance(second, date(2026, 2, 12), town.officer)
    return first, second


def test_each_agency_asked_sees_the_clash_on_the_page_and_in_its_queue(town: make.City) -> None:
    second = _in_clearance(town)[1]
    for person in (town.ward_officer, town.police_officer):
        client = _client(person)
        page = client.get(reverse("events-detail", args=[second.pk])).content.decode()
        assert "Clashes with other events" in page and "Music night" in page
        assert "Resolve the clash" not in page  # theirs is the view, not the clash
        queue = client.get(reverse("events-queue")).content.decode()
        assert "Exhibition" in queue and "Music night" in queue
        assert "Give your agency" in queue
    # The police's queue holds only its own view; the ward's only the ward's.
    police = _client(town.police_officer).get(reverse("events-queue"))
    assert [view.agency for view, _countdown, _clashes in police.context["rows"]] == [town.police]


def test_resolving_through_the_page(town: make.City) -> None:
    first, second = _in_clearance(town)
    clash = Clash.objects.get()
    client = _client(town.officer)
    url = reverse("events-clash-resolve", args=[clash.pk])
    empty = client.post(url, {"resolution": "", "from": str(second.pk)}, follow=True)
    assert "Say how the clash was resolved." in empty.content.decode()
    note = "Hai bên thống nhất: triển lãm đóng cửa lúc 18:00."
    done = client.post(url, {"resolution": note, "from": str(first.pk)}, follow=True)
    assert done.redirect_chain[-1][0] == reverse("events-detail", args=[first.pk])
    clash.refresh_from_db()
    assert (clash.resolution, clash.resolved_by, clash.resolved_on) == (
        note,
        town.officer,
        timezone.localdate(),
    )
    assert note in done.content.decode()
    # Resolved, the clash leaves the queue.
    queue = _client(town.ward_officer).get(reverse("events-queue")).content.decode()
    assert "Music night" not in queue
    assert _client(town.ward_officer).post(url, {"resolution": "x"}).status_code == 403


def test_moving_through_the_page(town: make.City) -> None:
    second = _in_clearance(town)[1]
    client = _client(town.officer)
    url = reverse("events-move", args=[second.pk])
    wrong = client.post(
        url,
        {
            "venue": town.hall.pk,
            "starts_on": "09/03/2026",
            "starts_at": "20:00",
            "ends_at": "19:00",
        },
    )
    assert "is not after the start (20:00)" in wrong.content.decode()
    response = client.post(
        url,
        {
            "venue": town.hall.pk,
            "starts_on": "09/03/2026",
            "starts_at": "19:00",
            "ends_at": "21:30",
        },
        follow=True,
    )
    assert "No clash with another event was found." in response.content.decode()
    moved = Event.objects.get(pk=second.pk)
    assert (moved.starts_on, moved.ends_on, moved.starts_at, moved.ends_at) == (
        date(2026, 3, 9),
        date(2026, 3, 9),
        time(19, 0),
        time(21, 30),
    )
    assert not Clash.objects.filter(resolved_on__isnull=True).exists()
    assert _client(town.ward_officer).get(url).status_code == 403


def test_the_queue_reads_a_bounded_number_of_queries(
    town: make.City, django_assert_max_num_queries: object
) -> None:
    for number in range(6):
        hall = Venue.objects.create(name=f"Nhà văn hóa {number}", ward=town.ward, address="x")
        make.event(town, title_vi=f"A{number}", venue=hall, expected_attendance=1500)
        event = make.event(town, title_vi=f"B{number}", venue=hall, expected_attendance=1500)
        workflow.start_clearance(event, date(2026, 2, 12), town.officer)
    client = _client(town.coordinator)
    with django_assert_max_num_queries(8):  # type: ignore[operator]
        response = client.get(reverse("events-queue"))
    assert len(response.context["rows"]) == 12  # the ward's and the police's, six each
    assert all(len(clashes) == 1 for _view, _countdown, clashes in response.context["rows"])


def test_the_event_page_reads_a_bounded_number_of_queries(
    town: make.City, django_assert_max_num_queries: object
) -> None:
    first = make.event(town, title_vi="Đầu")
    for number in range(5):
        make.event(town, title_vi=f"Sau {number}")
    client = _client(town.officer)
    with django_assert_max_num_queries(22):  # type: ignore[operator]
        response = client.get(reverse("events-detail", args=[first.pk]))
    assert len(response.context["clashes"]) == 5
