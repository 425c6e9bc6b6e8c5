"""Clash detection, rule by rule, with distances and crowds computed by hand; moving an
event and resolving a clash through the workflow."""

from datetime import date, time
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from pytest_django.fixtures import Settings

from cnvh.events import workflow
from cnvh.events.models import Clash, Event, Status, Transition, Venue
from cnvh.events.workflow import Placing, StepRefused
from cnvh.plan.models import Agency
from tests import factories
from tests.events import make

pytestmark = pytest.mark.django_db


@pytest.fixture
def town() -> make.City:
    return make.city()


def place(town: make.City, name: str, latitude: str | None, longitude: str = "105.850000") -> Venue:
    return Venue.objects.create(
        name=name,
        ward=town.ward,
        address="Phố Tràng Tiền",
        latitude=Decimal(latitude) if latitude else None,
        longitude=Decimal(longitude) if latitude else None,
    )


def clashes_of(event: Event) -> list[tuple[str, str, str]]:
    return [
        (clash.rule, clash.event.title_vi, clash.other.title_vi)
        for clash in Clash.objects.filter(event=event).select_related("event", "other")
    ]


# One degree of latitude is π/180 × 6,371,008.8 m = 111,195.08 m along a meridian, so
# 0.002248° is 249.97 m and 0.003148° is 350.04 m.
def test_venues_250_m_apart_clash_and_350_m_do_not(town: make.City) -> None:
    square = place(town, "Quảng trường", "21.000000")
    near = place(town, "Vườn hoa gần", "21.002248")
    far = place(town, "Vườn hoa xa", "21.003148")
    make.event(town, title_vi="Hòa nhạc", venue=square)
    at_250 = make.event(town, title_vi="Triển lãm gần", venue=near)
    at_350 = make.event(town, title_vi="Triển lãm xa", venue=far)
    assert clashes_of(at_250) == [("nearby", "Triển lãm gần", "Hòa nhạc")]
    assert Clash.objects.get(event=at_250).distance_metres == 250
    # 350 m from the square, but only 100 m (0.0009°) from the exhibition near it.
    assert clashes_of(at_350) == [("nearby", "Triển lãm xa", "Triển lãm gần")]
    assert Clash.objects.get(event=at_350).distance_metres == 100


def test_the_distance_is_a_setting(town: make.City, settings: Settings) -> None:
    settings.CNVH_EVENT_CLASH_METRES = 400
    make.event(town, title_vi="Hòa nhạc", venue=place(town, "Quảng trường", "21.000000"))
    far = make.event(town, title_vi="Triển lãm", venue=place(town, "Vườn hoa", "21.003148"))
    assert clashes_of(far) == [("nearby", "Triển lãm", "Hòa nhạc")]


def test_nearby_needs_a_day_in_common_and_coordinates(town: make.City) -> None:
    make.event(town, title_vi="Hòa nhạc", venue=place(town, "Quảng trường", "21.000000"))
    next_day = make.event(
        town,
        title_vi="Hôm sau",
        venue=place(town, "Vườn hoa", "21.002248"),
        starts_on=date(2026, 3, 3),
    )
    unplaced = make.event(town, title_vi="Không tọa độ", venue=place(town, "Sân đình", None))
    assert clashes_of(next_day) == clashes_of(unplaced) == []


def test_same_venue_clashes_when_the_hours_overlap(town: make.City) -> None:
    morning = make.event(
        town, title_vi="Sáng", starts_at=time(8, 0), ends_at=time(11, 0), expected_attendance=100
    )
    evening = make.event(
        town, title_vi="Tối", starts_at=time(19, 0), ends_at=time(22, 0), expected_attendance=100
    )
    late = make.event(
        town, title_vi="Khuya", starts_at=time(21, 0), ends_at=time(23, 0), expected_attendance=100
    )
    all_day = make.event(town, title_vi="Cả ngày", expected_attendance=100)
    assert clashes_of(morning) == clashes_of(evening) == []
    assert clashes_of(late) == [("same_venue", "Khuya", "Tối")]
    assert sorted(clashes_of(all_day)) == [
        ("same_venue", "Cả ngày", "Khuya"),
        ("same_venue", "Cả ngày", "Sáng"),
        ("same_venue", "Cả ngày", "Tối"),
    ]


def test_a_clash_starts_on_the_first_day_in_common(town: make.City) -> None:
    make.event(town, title_vi="Hội chợ", starts_on=date(2026, 3, 2), ends_on=date(2026, 3, 4))
    later = make.event(
        town, title_vi="Lễ hội", starts_on=date(2026, 3, 4), ends_on=date(2026, 3, 6)
    )
    assert Clash.objects.get(event=later).day == date(2026, 3, 4)


def test_a_crowded_ward(town: make.City) -> None:
    # Two venues of one ward without coordinates: only the crowd rule can apply.
    market = place(town, "Chợ đêm", None)
    square = place(town, "Sân khấu", None)
    make.event(town, title_vi="Lễ hội lớn", venue=market, expected_attendance=12_000)
    # 12,000 + 8,000 = 20,000: not more than the limit.
    at_limit = make.event(town, title_vi="Vừa đủ", venue=square, expected_attendance=8_000)
    assert clashes_of(at_limit) == []
    # 12,000 + 8,000 + 1 = 20,001 > 20,000: every event there that day is in the clash.
    stall = place(town, "Gian hàng", None)
    over = make.event(town, title_vi="Thêm một", venue=stall, expected_attendance=1)
    assert sorted(clashes_of(over)) == [
        ("ward_crowd", "Thêm một", "Lễ hội lớn"),
        ("ward_crowd", "Thêm một", "Vừa đủ"),
    ]
    clash = Clash.objects.filter(event=over).first()
    assert clash is not None and (clash.attendance, clash.ward) == (20_001, town.ward)


def test_a_several_day_event_counts_its_attendance_spread_over_its_days(town: make.City) -> None:
    market, square = place(town, "Chợ đêm", None), place(town, "Sân khấu", None)
    # 30,000 over three days is 10,000 a day; with 10,500 the 3rd of March holds 20,500.
    make.event(
        town,
        title_vi="Ba ngày",
        venue=market,
        starts_on=date(2026, 3, 2),
        ends_on=date(2026, 3, 4),
        expected_attendance=30_000,
    )
    one_day = make.event(
        town,
        title_vi="Một ngày",
        venue=square,
        starts_on=date(2026, 3, 3),
        expected_attendance=10_500,
    )
    clash = Clash.objects.get(event=one_day)
    assert (clash.rule, clash.day, clash.attendance) == ("ward_crowd", date(2026, 3, 3), 20_500)


def test_the_crowd_limit_is_a_setting(town: make.City, settings: Settings) -> None:
    settings.CNVH_EVENT_WARD_DAY_LIMIT = 1_000
    make.event(town, title_vi="A", venue=place(town, "Chợ", None), expected_attendance=600)
    second = make.event(town, title_vi="B", venue=place(town, "Sân", None), expected_attendance=500)
    assert clashes_of(second) == [("ward_crowd", "B", "A")]


def test_a_city_wide_event_clashes_with_every_event_on_its_days(town: make.City) -> None:
    elsewhere = factories.agency("p-tay-ho", Agency.Kind.WARD, name_vi="Phường Tây Hồ")
    lake = Venue.objects.create(name="Hồ Tây", ward=elsewhere, address="Thanh Niên")
    fireworks = make.event(
        town,
        title_vi="Bắn pháo hoa",
        venue=lake,
        city_wide=True,
        starts_on=date(2026, 3, 2),
        ends_on=date(2026, 3, 3),
    )
    same_day = make.event(town, title_vi="Hòa nhạc", starts_on=date(2026, 3, 3))
    make.event(town, title_vi="Hôm sau", starts_on=date(2026, 3, 4))
    assert clashes_of(same_day) == [("city_wide", "Hòa nhạc", "Bắn pháo hoa")]
    assert Clash.objects.filter(other=fireworks).count() == 1


def test_a_refused_event_clashes_with_nothing(town: make.City) -> None:
    refused = make.event(town, title_vi="Bị từ chối", expected_attendance=100)
    workflow.start_clearance(refused, date(2026, 2, 12), town.officer)
    workflow.answer_clearance(
        refused.clearances.get(), "object", "Không an toàn", date(2026, 2, 13), town.ward_officer
    )
    workflow.decide(refused, False, "1/QĐ", date(2026, 2, 16), "Không an toàn", town.leader)
    later = make.event(town, title_vi="Sau", expected_attendance=100)
    assert clashes_of(later) == []


def test_moving_away_resolves_the_clash_and_moving_in_finds_one(town: make.City) -> None:
    first = make.event(town, title_vi="Trước")
    second = make.event(town, title_vi="Sau")
    found = Clash.objects.get()
    assert (found.rule, found.found_on, found.found_by) == (
        "same_venue",
        date(2026, 2, 12),
        town.officer,
    )
    moved = workflow.move_event(
        second,
        Placing(town.hall, date(2026, 3, 9), date(2026, 3, 9)),
        date(2026, 2, 13),
        town.officer,
    )
    found.refresh_from_db()
    assert found.resolved_on == date(2026, 2, 13)
    # Written in the default language, Vietnamese.
    assert found.resolution == "Không còn xung đột: sự kiện Sau đã được dời ngày 13/02/2026."
    step = Transition.objects.filter(event=moved).last()
    assert step is not None and "02/03/2026, Nhà hát Lớn" in step.note
    assert "09/03/2026, Nhà hát Lớn" in step.note
    # Back onto the first event's day: a new clash, the old one kept as it was.
    workflow.move_event(
        first,
        Placing(town.hall, date(2026, 3, 9), date(2026, 3, 9)),
        date(2026, 2, 16),
        town.officer,
    )
    assert Clash.objects.count() == 2
    again = Clash.objects.get(resolved_on__isnull=True)
    assert (again.event, again.other, again.found_on) == (first, second, date(2026, 2, 16))


def test_a_move_counts_the_lead_time_again_and_asks_new_agencies(town: make.City) -> None:
    event = make.event(town, expected_attendance=500)
    workflow.start_clearance(event, date(2026, 2, 12), town.officer)
    assert {c.agency for c in event.clearances.all()} == {town.ward}
    # To the heritage site, a week earlier: its manager is asked; 23 February 2026 is
    # 7 working days before: 16-20 February are Tết rest days, so the file is late.
    workflow.move_event(
        event,
        Placing(town.temple, date(2026, 2, 23), date(2026, 2, 23)),
        date(2026, 2, 13),
        town.officer,
    )
    event.refresh_from_db()
    assert {c.agency for c in event.clearances.all()} == {town.ward, town.heritage}
    assert event.late_filing


def test_no_move_after_the_decision(town: make.City) -> None:
    event = make.event(town, expected_attendance=100)
    workflow.start_clearance(event, date(2026, 2, 12), town.officer)
    workflow.answer_clearance(
        event.clearances.get(), "agree", "", date(2026, 2, 13), town.ward_officer
    )
    workflow.decide(event, True, "2/QĐ", date(2026, 2, 16), "", town.leader)
    with pytest.raises(StepRefused, match="chỉ có thể dời trước khi có quyết định"):
        workflow.move_event(
            event,
            Placing(town.hall, date(2026, 3, 9), date(2026, 3, 9)),
            date(2026, 2, 17),
            town.officer,
        )


def _clash(town: make.City) -> Clash:
    make.event(town, title_vi="Trước")
    make.event(town, title_vi="Sau")
    return Clash.objects.get()


def test_resolving_a_clash_keeps_who_when_and_the_history(town: make.City) -> None:
    clash = _clash(town)
    with pytest.raises(StepRefused, match="Ghi cách giải quyết xung đột"):
        workflow.resolve_clash(clash, "  ", date(2026, 2, 13), town.officer)
    with pytest.raises(StepRefused, match="phát hiện ngày 12/02/2026"):
        workflow.resolve_clash(clash, "Đổi giờ", date(2026, 2, 11), town.officer)
    workflow.resolve_clash(clash, "Sự kiện sau đổi sang 20:00.", date(2026, 2, 13), town.officer)
    clash.refresh_from_db()
    assert (clash.resolved_on, clash.resolved_by, clash.resolution) == (
        date(2026, 2, 13),
        town.officer,
        "Sự kiện sau đổi sang 20:00.",
    )
    assert [h.history_user for h in clash.history.order_by("history_id")] == [
        town.officer,
        town.officer,
    ]
    assert [h.resolution for h in clash.history.order_by("history_id")] == [
        "",
        "Sự kiện sau đổi sang 20:00.",
    ]
    with pytest.raises(PermissionDenied):
        workflow.resolve_clash(clash, "Lần nữa", date(2026, 2, 14), town.coordinator)


@pytest.mark.parametrize(
    ("person", "allowed"),
    [
        ("officer", True),
        ("coordinator", True),
        ("leader", False),
        ("ward_officer", False),
        ("police_officer", False),
    ],
)
def test_who_resolves_a_clash(town: make.City, person: str, allowed: bool) -> None:
    clash = _clash(town)
    user: Any = getattr(town, person)
    assert user.has_perm("events.resolve_clash", clash) is allowed


def test_the_other_events_authority_resolves_too(town: make.City) -> None:
    ward_files = make.event(town, title_vi="Phường nhận", receiving_agency=town.ward)
    make.event(town, title_vi="Sở nhận")
    clash = Clash.objects.get()
    assert clash.other == ward_files
    assert town.ward_officer.has_perm("events.resolve_clash", clash)
    assert Event.objects.get(pk=ward_files.pk).status == Status.FILED


def test_the_indicators_count_clashes_found_and_resolved(town: make.City) -> None:
    from cnvh.events import indicators

    square = place(town, "Quảng trường", "21.000000")
    make.event(town, title_vi="Một")
    make.event(town, title_vi="Hai")  # same venue as "Một": found 12/02/2026
    make.event(town, title_vi="Ba", venue=square)  # no coordinates at the hall: none
    near = make.event(
        town, title_vi="Bốn", venue=place(town, "Gần", "21.002248"), filed_on=date(2026, 2, 20)
    )  # 250 m from the square: found 20/02/2026
    workflow.resolve_clash(
        Clash.objects.get(event=near), "Đổi ngày.", date(2026, 3, 1), town.officer
    )
    year = indicators.compute(date(2026, 1, 1), date(2026, 12, 31), date(2026, 3, 2))
    assert (year.clashes_found, year.clashes_resolved) == (2, 1)
    assert year.clashes_found_by_rule == {"same_venue": 1, "nearby": 1}
    february = indicators.compute(date(2026, 2, 1), date(2026, 2, 28), date(2026, 3, 2))
    assert (february.clashes_found, february.clashes_resolved) == (2, 0)
    march = indicators.compute(date(2026, 3, 1), date(2026, 3, 31), date(2026, 3, 2))
    assert (march.clashes_found, march.clashes_resolved) == (0, 1)
