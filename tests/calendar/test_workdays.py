"""Working days with holidays and announced day swaps."""

from datetime import date

from cnvh.calendar.workdays import Adjustments, WorkingCalendar

# Tết 2024 as the government announced it: off from Thursday 8 to Wednesday 14
# February, back to work on Thursday 15 February.
TET_2024 = Adjustments.of(days_off=[date(2024, 2, 8)], working_days=[date(2024, 2, 15)])


def test_weekends_and_holidays_are_not_working_days() -> None:
    calendar = WorkingCalendar()
    assert calendar.is_working_day(date(2026, 12, 4))  # Friday
    assert not calendar.is_working_day(date(2026, 12, 5))  # Saturday
    assert not calendar.is_working_day(date(2026, 9, 2))  # National Day, Wednesday


def test_adjustments_decide_over_the_rule() -> None:
    calendar = WorkingCalendar(TET_2024)
    assert not calendar.is_working_day(date(2024, 2, 8))
    assert calendar.is_working_day(date(2024, 2, 15))
    swap = WorkingCalendar(Adjustments.of(working_days=[date(2024, 5, 4)]))
    assert swap.is_working_day(date(2024, 5, 4))  # a Saturday made a working day


def test_add_working_days_across_tet_2024() -> None:
    calendar = WorkingCalendar(TET_2024)
    # Wednesday 7 Feb not counted; 8–14 off; 15, 16, 19, 20, 21.
    assert calendar.add_working_days(date(2024, 2, 7), 5) == date(2024, 2, 21)
    assert calendar.add_working_days(date(2024, 2, 7), 1) == date(2024, 2, 15)
    assert calendar.add_working_days(date(2024, 2, 7), 0) == date(2024, 2, 7)
    # Counting back: the 5th working day before Wednesday 21 February.
    assert calendar.add_working_days(date(2024, 2, 21), -5) == date(2024, 2, 7)


def test_a_start_on_a_day_off_counts_from_the_next_working_day() -> None:
    calendar = WorkingCalendar()
    assert calendar.add_working_days(date(2026, 12, 5), 1) == date(2026, 12, 7)


def test_working_days_between() -> None:
    calendar = WorkingCalendar(TET_2024)
    assert calendar.working_days_between(date(2024, 2, 7), date(2024, 2, 21)) == 5
    assert calendar.working_days_between(date(2024, 2, 21), date(2024, 2, 7)) == -5
    assert calendar.working_days_between(date(2024, 2, 7), date(2024, 2, 7)) == 0
    assert calendar.working_days_between(date(2024, 2, 7), date(2024, 2, 14)) == 0
