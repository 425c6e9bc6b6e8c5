"""The events register's measures as plan indicators: events held (by ward and sector),
views given within their window and late files, from events taken through the
workflow, against counts made by hand; each year's value links to the events listed."""

from datetime import date
from typing import Any

from django.test import TestCase

from cnvh.events import workflow
from cnvh.events.models import Event, Venue
from cnvh.plan import values
from cnvh.plan.models import Agency, Indicator
from tests import factories
from tests.events import make

CONCERT, FAIR = "Đêm nhạc Trịnh Công Sơn", "Hội chợ thiết kế trẻ"
LATE, AUTUMN = "Hồ sơ nộp muộn", "Lễ hội mùa thu Cổ Loa"


def indicator(key: str) -> Indicator:
    return Indicator.objects.create(
        code=key.replace("_", "-"), name_vi=key, unit="events", source="registry", registry=key
    )


class MeasureTests(TestCase):
    town: make.City

    @classmethod
    def setUpTestData(cls) -> None:
        town = cls.town = make.city()
        other = factories.agency("x-dong-anh", Agency.Kind.COMMUNE, name_vi="Xã Đông Anh")
        other_officer = factories.user("officer", other, "other-ward-officer")
        square = Venue.objects.create(name="Quảng trường", ward=other, address="1 Cổ Loa")
        # 2026: two held, a late file never taken further.
        concert = make.event(town, title_vi=CONCERT, expected_attendance=1200)
        cls.hold(concert, {town.ward_officer: date(2026, 2, 26)}, late_police=True)
        fair = make.event(town, title_vi=FAIR, venue=square, sectors=["design", "performing_arts"])
        cls.hold(fair, {other_officer: date(2026, 2, 20)})
        make.event(town, title_vi=LATE, starts_on=date(2026, 3, 3), filed_on=date(2026, 3, 1))
        # 2025: one held, its view on time.
        autumn = make.event(
            town,
            title_vi=AUTUMN,
            starts_on=date(2025, 10, 10),
            filed_on=date(2025, 9, 15),
        )
        cls.hold(autumn, {town.ward_officer: date(2025, 9, 19)}, year=2025)

    @classmethod
    def hold(
        cls, event: Event, answers: dict[Any, date], late_police: bool = False, year: int = 2026
    ) -> None:
        town = cls.town
        started = date(year, 2, 12) if year == 2026 else date(2025, 9, 15)
        workflow.start_clearance(event, started, town.officer)
        for clearance in event.clearances.select_related("agency"):
            if clearance.agency == town.police:
                # Due on 26 February (Tết was 16–20 February): answered a day late.
                on = date(2026, 2, 27) if late_police else clearance.due_on
                workflow.answer_clearance(clearance, "agree", "", on, town.police_officer)
                continue
            officer = next(o for o in answers if o.memberships.get().agency == clearance.agency)
            workflow.answer_clearance(clearance, "agree", "", answers[officer], officer)
        decided = date(year, 2, 27) if year == 2026 else date(2025, 9, 23)
        workflow.decide(event, True, f"{event.pk}/QĐ", decided, "", town.leader)
        workflow.publish(event, decided, town.officer)
        workflow.mark_held(event, event.starts_on, town.officer)

    def test_events_held_by_year_ward_and_sector(self) -> None:
        held = indicator("events_held")
        series = values.series(held)
        assert [(v.year, v.value) for v in series] == [(2025, 1.0), (2026, 2.0)]
        assert series[-1].records is not None
        assert series[-1].records.url == "/events/?counted=held&year=2026"
        by_ward = values.breakdown(held, "area", 2026)
        assert {(v.key, v.value) for v in by_ward} == {("p-hoan-kiem", 1.0), ("x-dong-anh", 1.0)}
        by_sector = values.breakdown(held, "sector", 2026)
        assert {(v.key, v.value) for v in by_sector} == {("performing_arts", 2.0), ("design", 1.0)}

    def test_views_on_time_and_late_files(self) -> None:
        # 2026: the concert's ward on its due day, the police a day late, the fair's
        # commune early: 2 of 3. 2025: the one view on time.
        on_time = values.series(indicator("events_views_on_time"))
        assert [(v.year, round(v.value, 4)) for v in on_time] == [(2025, 100.0), (2026, 66.6667)]
        late = values.series(indicator("events_late_filings"))
        assert [(v.year, v.value) for v in late] == [(2025, 0.0), (2026, 1.0)]

    def test_each_value_lists_its_events(self) -> None:
        self.client.force_login(self.town.coordinator)
        for key, year, shown, hidden in (
            ("events_held", 2026, {CONCERT, FAIR}, {LATE, AUTUMN}),
            ("events_late_filings", 2026, {LATE}, {CONCERT, FAIR, AUTUMN}),
            ("events_views_on_time", 2025, {AUTUMN}, {CONCERT, FAIR, LATE}),
        ):
            value = next(v for v in values.series(indicator(key)) if v.year == year)
            assert value.records is not None
            page = self.client.get(value.records.url).content.decode()
            assert all(title in page for title in shown), key
            assert not any(title in page for title in hidden), key
