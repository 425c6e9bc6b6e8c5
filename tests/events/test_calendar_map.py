"""The public calendar's map: positions worked out by hand from the venues' coordinates,
a marker per event linking to its public page, a list of the events whose venue has no
coordinates, text escaped, the filters applied, a bounded number of queries.

Two venues on latitude 21°, 0.02° of longitude apart: a degree of longitude there is
cos 21° = 0.933580 of a degree of latitude, so they are 0.0186716° apart, drawn across
800 − 2 × 28 = 744 px (39,846.6 px a degree); they share a latitude, so the drawing has
its least height, 280 px, and both sit at its middle, y = 140. A metre is
39,846.6 / 111,320 = 0.357946 px: the longest round distance within 200 px is 500 m,
179.0 px."""

from datetime import date
from decimal import Decimal

from django.db import connection
from django.test import SimpleTestCase, TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cnvh.events import eventmap
from cnvh.events.models import Event, Venue
from cnvh.plan.models import Agency
from tests.events import make


def venue(pk: int, latitude: str | None, longitude: str | None) -> Venue:
    return Venue(
        pk=pk,
        name=f"Venue {pk}",
        latitude=Decimal(latitude) if latitude else None,
        longitude=Decimal(longitude) if longitude else None,
    )


class PlacingTests(SimpleTestCase):
    def test_positions_ring_and_scale(self) -> None:
        west, east, nowhere = (
            venue(1, "21.0", "105.80"),
            venue(2, "21.0", "105.82"),
            venue(3, None, None),
        )
        first = Event(pk=1, venue=west, starts_on=date(2026, 3, 2))
        second = Event(pk=2, venue=east, starts_on=date(2026, 3, 2))
        third = Event(pk=3, venue=west, starts_on=date(2026, 3, 3))
        unknown = Event(pk=4, venue=nowhere, starts_on=date(2026, 3, 3))
        found = eventmap.event_map([first, second, unknown, third])
        assert (found.width, found.height) == (800.0, 280.0)
        placed = [(m.number, m.event.pk, m.x, m.y) for m in found.markers]
        # Two events at the west venue: on a ring of 13 px, the first above, the next below.
        assert placed == [(1, 1, 28.0, 127.0), (2, 2, 772.0, 140.0), (3, 3, 28.0, 153.0)]
        assert found.unplaced == [unknown]
        assert found.scale is not None
        assert (found.scale.metres, found.scale.pixels, found.scale.label) == (500, 179.0, "500 m")

    def test_the_ward_centres_within_the_drawing(self) -> None:
        west, east = venue(1, "21.0", "105.80"), venue(2, "21.0", "105.82")
        events = [Event(pk=1, venue=west), Event(pk=2, venue=east)]
        wards = [
            Agency(name_vi="Phường Hoàn Kiếm", latitude=21.0, longitude=105.81),  # halfway
            Agency(name_vi="Xã Ba Vì", latitude=21.2, longitude=105.42),  # far outside
            Agency(name_vi="Phường Không Rõ"),
        ]
        found = eventmap.event_map(events, wards)
        assert found.landmarks == [eventmap.Landmark("Hoàn Kiếm", 400.0, 140.0)]

    def test_one_venue_is_drawn_in_the_middle(self) -> None:
        only = Event(pk=1, venue=venue(1, "21.03", "105.85"), starts_on=date(2026, 3, 2))
        found = eventmap.event_map([only])
        assert [(m.x, m.y) for m in found.markers] == [(400.0, 140.0)]

    def test_nothing_placed(self) -> None:
        found = eventmap.event_map([Event(pk=1, venue=venue(1, None, None))])
        assert found.markers == [] and found.scale is None and len(found.unplaced) == 1


class MapPageTests(TestCase):
    def setUp(self) -> None:
        self.town = make.city()
        self.town.hall.latitude, self.town.hall.longitude = Decimal("21.024"), Decimal("105.857")
        self.town.hall.save()
        self.town.ward.latitude, self.town.ward.longitude = 21.0245, 105.857
        self.town.ward.save()
        self.concert = make.published(
            self.town, title_vi="Hòa nhạc <mùa xuân>", title_en="Spring concert"
        )
        self.temple_night = make.published(
            self.town, title_vi="Đêm chầu văn", venue=self.town.temple, starts_on=date(2026, 3, 5)
        )
        make.event(self.town, title_vi="Chưa duyệt")

    def page(self, **query: str) -> str:
        response = self.client.get(reverse("events-calendar-map"), query)
        assert response.status_code == 200
        return response.content.decode()

    def test_markers_link_to_the_events_and_the_rest_are_listed(self) -> None:
        body = self.page(month="2026-03")
        svg = body[body.index("<svg") : body.index("</svg>")]
        concert = reverse("events-public", args=[self.concert.pk])
        assert f'<a href="{concert}" class="event-map__marker">' in svg
        assert "<title>1. Hòa nhạc &lt;mùa xuân&gt; — Nhà hát Lớn, 02/03/2026</title>" in svg
        assert 'cx="400.0" cy="140.0"' in svg
        # The ward's centre, 0.0005° north of the hall: 0.0005 × 74,400 = 37.2 px above.
        assert '<circle cx="400.0" cy="102.8" r="3"/>' in svg and ">Hoàn Kiếm</text>" in svg
        assert "Đêm chầu văn" not in svg
        rest = body[body.index("event-map__unplaced") :]
        assert reverse("events-public", args=[self.temple_night.pk]) in rest
        assert "Chưa duyệt" not in body
        assert "<mùa xuân>" not in body

    def test_filters_and_english(self) -> None:
        self.client.cookies["django_language"] = "en"
        body = self.page(month="2026-03", kind="fashion_show")
        assert "Events of 03/2026 at their venues" in body
        assert "Hòa nhạc" not in body and "No published event in this period" in body
        assert 'href="/calendar/week/?kind=fashion_show&amp;day=01%2F03%2F2026"' in body

    def test_queries_do_not_grow_with_the_events(self) -> None:
        def counted() -> int:
            with CaptureQueriesContext(connection) as queries:
                self.page(month="2026-03")
            return len(queries)

        before = counted()
        for number in range(4):
            make.published(self.town, title_vi=f"Triển lãm {number}", starts_on=date(2026, 3, 9))
        assert counted() == before
        assert before <= 5
