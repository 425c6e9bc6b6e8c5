"""Public holidays by the Labour Code, Tết and Hùng Kings' day at UTC+7."""

from datetime import date

import holidays as package

from cnvh.calendar.holidays import compensations, days_off, public_holidays
from cnvh.calendar.lunar import to_solar


def test_2026_holidays() -> None:
    days = [holiday.day for holiday in public_holidays(2026)]
    assert days == [
        date(2026, 1, 1),
        date(2026, 2, 16),  # 29th of the 12th month: the last day of Ất Tỵ
        date(2026, 2, 17),
        date(2026, 2, 18),
        date(2026, 2, 19),
        date(2026, 2, 20),
        date(2026, 4, 26),  # Hùng Kings, a Sunday
        date(2026, 4, 30),
        date(2026, 5, 1),
        date(2026, 9, 1),
        date(2026, 9, 2),
    ]


def test_a_holiday_on_a_weekend_is_rested_the_next_working_day() -> None:
    # Hùng Kings' day 2026 is Sunday 26 April: rested on Monday 27 April.
    assert [holiday.day for holiday in compensations(2026)] == [date(2026, 4, 27)]
    # Tết 2024: 1st and 2nd Tết on Saturday and Sunday, after the five days off.
    assert [holiday.day for holiday in compensations(2024)] == [
        date(2024, 2, 14),
        date(2024, 2, 15),
        date(2024, 9, 3),  # 1 September 2024 was a Sunday
    ]


def test_national_day_has_one_day_before_2021() -> None:
    assert date(2020, 9, 1) not in days_off(2020)
    assert date(2020, 9, 2) in days_off(2020)


def test_tet_1985_is_januarys_in_vietnam() -> None:
    assert days_off(1985)[date(1985, 1, 21)].name_en == "Lunar New Year, day 1"
    assert date(1985, 2, 20) not in days_off(1985)


def test_tet_and_hung_kings_agree_with_the_holidays_package() -> None:
    # The `holidays` package's Vietnamese calendar is precomputed; ours is computed at
    # UTC+7. They agree on every Tết and Hùng Kings' day of 1901–2099.
    for year in range(1901, 2100):
        theirs = {name: day for day, name in package.VN(years=year, observed=False).items()}
        assert theirs["Tết Nguyên Đán"] == to_solar(1, 1, year), year
        if year >= 2007:
            assert theirs["Ngày Giỗ Tổ Hùng Vương"] == to_solar(10, 3, year), year
