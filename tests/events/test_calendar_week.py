"""The public calendar's week: Monday to Sunday with each day's lunar date, an event of
several days on each of its days, the filters kept in the links, a bounded number of
queries. Dates worked out by hand: Tết Bính Ngọ is 17/02/2026, so 02/03/2026 (a Monday)
is the 14th of the first lunar month and 08/03 (a Sunday) the 20th."""

from datetime import date, time

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tests.events import make


class WeekTests(TestCase):
    def setUp(self) -> None:
        self.town = make.city()
        self.fair = make.published(
            self.town,
            title_vi="Tuần lễ áo dài <Xuân>",
            title_en="Áo dài week",
            kind="fashion_show",
            sectors=["design"],
            starts_on=date(2026, 3, 6),
            ends_on=date(2026, 3, 9),
            starts_at=time(8, 0),
            ends_at=time(20, 0),
        )
        self.lantern = make.published(
            self.town,
            title_vi="Rằm tháng Giêng",
            title_en="Lantern festival",
            venue=self.town.temple,
            starts_on=date(2026, 3, 3),
            lunar_day=15,
            lunar_month=1,
            recurs_yearly=True,
        )
        make.event(self.town, title_vi="Chưa duyệt", starts_on=date(2026, 3, 4))

    def week(self, **query: str) -> str:
        response = self.client.get(reverse("events-calendar-week"), query)
        assert response.status_code == 200
        return response.content.decode()

    def test_monday_to_sunday_with_lunar_days(self) -> None:
        body = self.week(day="04/03/2026")  # a Wednesday: its week starts on 2 March
        assert "Tuần 10: 02/03 – 08/03/2026" in body
        days = body.split('class="week__day')[1:]
        assert len(days) == 7
        assert "Thứ 2" in days[0] and "02/03" in days[0] and "âm lịch 14/1" in days[0]
        assert "Chủ nhật" in days[6] and "08/03" in days[6] and "âm lịch 20/1" in days[6]
        assert "week__day--weekend" in days[5] + days[6] and "--weekend" not in days[4]
        assert "Chưa duyệt" not in body

    def test_an_event_of_several_days_shows_on_each(self) -> None:
        body = self.week(day="02/03/2026")
        days = body.split('class="week__day')[1:]
        shown_on = [i for i, day in enumerate(days) if "Tuần lễ áo dài &lt;Xuân&gt;" in day]
        assert shown_on == [4, 5, 6]  # Friday to Sunday; Monday 9 is the next week's
        assert "ngày 1/4" in days[4] and "ngày 3/4" in days[6]
        assert "08:00–20:00" in days[5]
        following = self.week(day="09/03/2026").split('class="week__day')[1:]
        assert "Tuần lễ áo dài &lt;Xuân&gt;" in following[0] and "ngày 4/4" in following[0]

    def test_the_lunar_date_of_an_event_given_by_it(self) -> None:
        days = self.week(day="02/03/2026").split('class="week__day')[1:]
        assert "Rằm tháng Giêng" in days[1]
        assert "Theo âm lịch: ngày 15 tháng Giêng năm Bính Ngọ" in days[1]
        # The fair was given by its solar dates only.
        assert "Theo âm lịch" not in days[4]

    def test_in_english(self) -> None:
        with translation.override("en"):
            self.client.cookies["django_language"] = "en"
            body = self.week(day="02/03/2026")
        assert "Week 10: 02/03 – 08/03/2026" in body
        assert "Monday" in body and "Sunday" in body and "lunar 14/1" in body
        assert "Lantern festival" in body and "day 2 of 4" in body

    def test_filters_are_kept_and_narrow(self) -> None:
        body = self.week(day="02/03/2026", kind="performance")
        assert "Rằm tháng Giêng" in body and "Tuần lễ áo dài" not in body
        assert '?kind=performance&amp;day=23%2F02%2F2026" rel="prev"' in body
        assert '?kind=performance&amp;day=09%2F03%2F2026" rel="next"' in body
        body = self.week(day="02/03/2026", sector="design")
        assert "Tuần lễ áo dài" in body and "Rằm tháng Giêng" not in body
        body = self.week(day="02/03/2026", ward=self.town.ward.code, sector="design")
        assert "Tuần lễ áo dài" in body

    def test_a_wrong_day_says_so_and_shows_this_week(self) -> None:
        body = self.week(day="31/02/2026")
        assert "không phải là ngày" in body or "không phải ngày" in body

    def test_queries_do_not_grow_with_the_events(self) -> None:
        def counted() -> int:
            with CaptureQueriesContext(connection) as queries:
                self.week(day="02/03/2026", sector="design")
            return len(queries)

        before = counted()
        for number in range(5):
            make.published(
                self.town,
                title_vi=f"Triển lãm {number}",
                sectors=["design"],
                starts_on=date(2026, 3, 5),
            )
        assert counted() == before
        assert before <= 6

    def test_the_views_open_on_the_same_time(self) -> None:
        body = self.week(day="04/03/2026", kind="performance")
        assert 'href="/calendar/map/?kind=performance&amp;month=2026-03"' in body
        listed = self.client.get(reverse("events-calendar"), {"month": "2026-03"}).content.decode()
        assert 'href="/calendar/week/?day=01%2F03%2F2026"' in listed

    def test_a_week_beyond_the_lunar_calendar(self) -> None:
        body = self.week(day="07/01/2150")  # a Wednesday
        assert "Tuần 2: 05/01 – 11/01/2150" in body and "âm lịch" not in body
