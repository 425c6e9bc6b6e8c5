"""A yearly event is checked for clashes in its next year too, by its lunar date when it
was given by one. Dates by hand: Tết Bính Ngọ is 17/02/2026 and Tết Đinh Mùi 06/02/2027,
so the 15th of the first lunar month (Rằm tháng Giêng) is 03/03/2026 and 20/02/2027."""

from datetime import date

import pytest

from cnvh.events import clashes, workflow
from cnvh.events.models import Clash, Event
from cnvh.events.workflow import Placing
from tests.events import make

pytestmark = pytest.mark.django_db


@pytest.fixture
def town() -> make.City:
    return make.city()


def lantern_festival(town: make.City) -> Event:
    return make.event(
        town,
        title_vi="Rằm tháng Giêng",
        starts_on=date(2026, 3, 3),
        lunar_day=15,
        lunar_month=1,
        recurs_yearly=True,
    )


def stored(event: Event) -> list[tuple[str, str, date, int | None]]:
    return [
        (clash.rule, clash.other.title_vi, clash.day, clash.occurrence_year)
        for clash in Clash.objects.filter(event=event).select_related("other")
    ]


def test_the_next_year_by_the_lunar_date(town: make.City) -> None:
    on_the_lunar_day = make.event(town, title_vi="Hòa nhạc 20/02/2027", starts_on=date(2027, 2, 20))
    make.event(town, title_vi="Hòa nhạc 03/03/2027", starts_on=date(2027, 3, 3))
    festival = lantern_festival(town)
    # Not the solar anniversary (03/03/2027): the lunar one.
    assert stored(festival) == [("same_venue", "Hòa nhạc 20/02/2027", date(2027, 2, 20), 2027)]
    assert Clash.objects.get(event=festival).other == on_the_lunar_day


def test_the_next_year_of_a_solar_date(town: make.City) -> None:
    make.event(town, title_vi="Triển lãm 12/03/2027", starts_on=date(2027, 3, 12))
    yearly = make.event(
        town,
        title_vi="Liên hoan thường niên",
        starts_on=date(2026, 3, 10),
        ends_on=date(2026, 3, 12),
        recurs_yearly=True,
    )
    # 10–12/03/2027: the exhibition is on its third day.
    assert stored(yearly) == [("same_venue", "Triển lãm 12/03/2027", date(2027, 3, 12), 2027)]


def test_an_event_filed_later_meets_the_yearly_one(town: make.City) -> None:
    festival = lantern_festival(town)
    concert = make.event(town, title_vi="Hòa nhạc", starts_on=date(2027, 2, 20))
    # On the concert's own dates: no later year to name.
    assert stored(concert) == [("same_venue", "Rằm tháng Giêng", date(2027, 2, 20), None)]
    assert stored(festival) == []


def test_two_yearly_events_that_drift_together(town: make.City) -> None:
    """A solar yearly fair on 20/02 does not meet the lantern festival in 2026 (03/03)
    but does in 2027, when the festival falls on 20/02."""
    make.event(town, title_vi="Hội chợ 20/02", starts_on=date(2026, 2, 20), recurs_yearly=True)
    festival = lantern_festival(town)
    assert stored(festival) == [("same_venue", "Hội chợ 20/02", date(2027, 2, 20), 2027)]


def test_an_event_held_once_is_not_checked_later(town: make.City) -> None:
    make.event(town, title_vi="Hòa nhạc", starts_on=date(2027, 3, 2))
    once = make.event(town, title_vi="Một lần", starts_on=date(2026, 3, 2))
    assert stored(once) == []


def test_a_clash_the_same_two_events_have_in_both_years(town: make.City) -> None:
    make.event(town, title_vi="Hội chợ", starts_on=date(2026, 3, 3), recurs_yearly=True)
    make.event(town, title_vi="Hòa nhạc", starts_on=date(2027, 2, 20))
    festival = lantern_festival(town)
    assert sorted(stored(festival), key=lambda row: (row[2], row[1])) == [
        ("same_venue", "Hội chợ", date(2026, 3, 3), None),
        ("same_venue", "Hòa nhạc", date(2027, 2, 20), 2027),
    ]


def test_moving_resolves_the_later_years_clash(town: make.City) -> None:
    concert = make.event(town, title_vi="Hòa nhạc", starts_on=date(2027, 2, 20))
    festival = lantern_festival(town)
    clash = Clash.objects.get(event=festival)
    workflow.move_event(
        concert,
        Placing(town.hall, date(2027, 2, 21), date(2027, 2, 21)),
        date(2026, 2, 20),
        town.officer,
    )
    clash.refresh_from_db()
    assert clash.resolved_on == date(2026, 2, 20)


def test_a_leap_month_festival_is_held_in_the_ordinary_month_later(town: make.City) -> None:
    """2025 has a leap sixth lunar month (25/07–22/08/2025); its 10th is 03/08/2025. In
    2026 the sixth month begins on 14/07/2026, so its 10th is 23/07/2026."""
    festival = Event(
        starts_on=date(2025, 8, 3),
        ends_on=date(2025, 8, 3),
        lunar_day=10,
        lunar_month=6,
        lunar_leap_month=True,
        recurs_yearly=True,
        venue=town.hall,
    )
    held = clashes.occurrence(festival, 1)
    assert held is not None and held.starts_on == date(2026, 7, 23)


def test_the_clash_page_names_the_year(town: make.City, client: object) -> None:
    make.event(town, title_vi="Hòa nhạc", starts_on=date(2027, 2, 20))
    festival = lantern_festival(town)
    client.force_login(town.officer)  # type: ignore[attr-defined]
    body = client.get(f"/events/{festival.pk}/").content.decode()  # type: ignore[attr-defined]
    assert "khi tổ chức lại vào năm 2027" in body
