"""The lunar calendar for UTC+7 against published dates, and its round trip."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cnvh.calendar.lunar import (
    LunarDate,
    LunarDateError,
    leap_month,
    month_length,
    shown_en,
    shown_vi,
    to_lunar,
    to_solar,
)


@pytest.mark.parametrize(
    ("year", "tet"),
    [
        (2024, date(2024, 2, 10)),
        (2025, date(2025, 1, 29)),
        (2026, date(2026, 2, 17)),
        # Vietnam and China disagree: the new moon fell between 16:00 and 17:00 UTC.
        (1985, date(1985, 1, 21)),  # China: 20 February 1985
        (2007, date(2007, 2, 17)),  # China: 18 February 2007
    ],
)
def test_tet_is_the_published_day(year: int, tet: date) -> None:
    assert to_solar(1, 1, year) == tet
    assert to_lunar(tet) == LunarDate(1, 1, year, False)


def test_the_day_before_vietnamese_tet_1985_is_still_the_old_year() -> None:
    assert to_lunar(date(1985, 1, 20)).year == 1984
    # On China's Tết 1985, Vietnam was already a month into the new year.
    assert to_lunar(date(1985, 2, 20)) == LunarDate(1, 2, 1985, False)


def test_hung_kings_day_2026_is_26_april() -> None:
    assert to_solar(10, 3, 2026) == date(2026, 4, 26)


def test_a_thirtieth_in_a_29_day_month_is_refused_in_both_languages() -> None:
    # The 12th month of Ất Tỵ has 29 days: Tết Bính Ngọ follows its 29th (16 Feb 2026).
    assert month_length(12, 2025) == 29
    with pytest.raises(LunarDateError) as refused:
        to_solar(30, 12, 2025)
    assert refused.value.message_vi == (
        "Ngày âm lịch 30/12/2025 không có: tháng 12 năm 2025 chỉ có 29 ngày."
        " Kiểm tra lại ngày, tháng và tháng nhuận"
    )
    assert refused.value.message_en == (
        "The lunar date 30/12/2025 does not exist: month 12 of 2025 has 29 days."
        " Check the day, the month and the leap flag"
    )


def test_a_leap_month_the_year_lacks_is_refused() -> None:
    # 2025 has a leap 6th month; 2026 has none.
    assert to_solar(1, 6, 2025, leap=True) == date(2025, 7, 25)
    assert leap_month(2025) == 6
    assert leap_month(2026) is None
    with pytest.raises(LunarDateError, match=r"2026 has no leap month 6 \(it has no leap month\)"):
        to_solar(1, 6, 2026, leap=True)
    with pytest.raises(
        LunarDateError, match=r"năm 2025 không có tháng 5 nhuận \(tháng nhuận là tháng 6"
    ):
        to_solar(1, 5, 2025, leap=True)


def test_impossible_numbers_are_refused() -> None:
    for day, month in ((0, 1), (31, 1), (1, 13)):
        with pytest.raises(LunarDateError, match="a lunar day is 1 to 30"):
            to_solar(day, month, 2026)
    with pytest.raises(LunarDateError, match="1900–2100 only"):
        to_solar(1, 1, 2101)


def test_shown_in_both_languages() -> None:
    sixth = to_lunar(date(2026, 2, 22))
    assert shown_vi(sixth) == "mùng 6 tháng Giêng năm Bính Ngọ"
    assert shown_en(sixth) == "6th day of the 1st lunar month, year of Bính Ngọ"
    assert shown_vi(to_lunar(date(2026, 2, 16))) == "ngày 29 tháng Chạp năm Ất Tỵ"


FIRST, LAST = date(1900, 2, 1), date(2100, 12, 31)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=(LAST - FIRST).days))
def test_solar_lunar_solar_round_trip(offset: int) -> None:
    day = FIRST + timedelta(days=offset)
    lunar = to_lunar(day)
    assert to_solar(lunar.day, lunar.month, lunar.year, lunar.leap) == day
