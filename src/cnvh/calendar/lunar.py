"""The Vietnamese lunar calendar, computed for Hanoi's time zone (UTC+7).

Ho Ngoc Duc's algorithm (the `lunar-vn` library) finds each new moon and the winter
solstice at UTC+7. The Chinese calendar does the same at UTC+8, so when a new moon
falls between 16:00 and 17:00 UTC the two calendars start a month on different days:
Tết 1985 was on 21 January in Vietnam and on 20 February in China.
"""

from dataclasses import dataclass
from datetime import date

import lunar_vn

# Vietnam's official time zone, in hours from UTC.
TIME_ZONE = 7.0
SUPPORTED_YEARS = lunar_vn.SUPPORTED_YEAR_RANGE

MONTH_NAMES_VI = {1: "Giêng", 12: "Chạp"}
DAY_WORDS_VI = {n: f"mùng {n}" for n in range(1, 11)}


class LunarDateError(ValueError):
    """A lunar date that does not exist, told in Vietnamese and English."""

    def __init__(self, message_vi: str, message_en: str) -> None:
        super().__init__(f"{message_vi} / {message_en}")
        self.message_vi = message_vi
        self.message_en = message_en


@dataclass(frozen=True)
class LunarDate:
    """A day of the lunar calendar; `leap` marks the leap (intercalary) month."""

    day: int
    month: int
    year: int
    leap: bool = False

    def __str__(self) -> str:
        return f"{self.day}/{self.month}{'N' if self.leap else ''}/{self.year}"


def to_lunar(day: date) -> LunarDate:
    """The lunar date of a solar `day`, at UTC+7 (years 1900–2100)."""
    if not SUPPORTED_YEARS[0] <= day.year <= SUPPORTED_YEARS[1]:
        raise LunarDateError(
            f"Chỉ tính được lịch âm cho các năm {SUPPORTED_YEARS[0]}–{SUPPORTED_YEARS[1]}",
            f"The lunar calendar is computed for {SUPPORTED_YEARS[0]}–{SUPPORTED_YEARS[1]} only",
        )
    found = lunar_vn.convert_solar_to_lunar(day.day, day.month, day.year, TIME_ZONE)
    return LunarDate(found.day, found.month, found.year, found.leap)


def to_solar(day: int, month: int, year: int, leap: bool = False) -> date:
    """The solar date of lunar `day`/`month`/`year` (`leap` for the leap month).

    Refused when that lunar day does not exist: a 30th in a 29-day month, or a leap
    month the year does not have. The library would silently roll such a day over
    into the next month, so the answer is converted back and compared.
    """
    wanted = LunarDate(day, month, year, leap)
    found = _convert(wanted)
    if found is None or to_lunar(found) != wanted:
        raise _missing(wanted)
    return found


def _convert(wanted: LunarDate) -> date | None:
    if not (1 <= wanted.month <= 12 and 1 <= wanted.day <= 30):
        return None
    try:
        return lunar_vn.convert_lunar_to_solar(
            wanted.day, wanted.month, wanted.year, int(wanted.leap), TIME_ZONE
        )
    except ValueError:
        return None


def leap_month(year: int) -> int | None:
    """The month of lunar `year` that has a leap month after it (2025: 6), if any."""
    for month in range(1, 13):
        first = LunarDate(1, month, year, True)
        found = _convert(first)
        if found is not None and to_lunar(found) == first:
            return month
    return None


def _missing(wanted: LunarDate) -> LunarDateError:
    """Why the lunar date does not exist, and how to write it, in both languages."""
    day, month, year = wanted.day, wanted.month, wanted.year
    low, high = SUPPORTED_YEARS
    shown = f"{day}/{month}{'N' if wanted.leap else ''}/{year}"
    if not (1 <= month <= 12 and 1 <= day <= 30):
        why_vi = "ngày âm lịch từ 1 đến 30, tháng từ 1 đến 12"
        why_en = "a lunar day is 1 to 30 and a month 1 to 12"
    elif not low <= year <= high:
        why_vi = f"chỉ tính được lịch âm cho các năm {low}–{high}"
        why_en = f"the lunar calendar is computed for {low}–{high} only"
    elif wanted.leap and leap_month(year) != month:
        leap = leap_month(year)
        why_vi = f"năm {year} không có tháng {month} nhuận" + (
            f" (tháng nhuận là tháng {leap} nhuận)" if leap else " (năm này không có tháng nhuận)"
        )
        why_en = f"{year} has no leap month {month}" + (
            f" (its leap month follows month {leap})" if leap else " (it has no leap month)"
        )
    else:
        why_vi = f"tháng {month}{' nhuận' if wanted.leap else ''} năm {year} chỉ có 29 ngày"
        why_en = f"month {month}{' (leap)' if wanted.leap else ''} of {year} has 29 days"
    return LunarDateError(
        f"Ngày âm lịch {shown} không có: {why_vi}. Kiểm tra lại ngày, tháng và tháng nhuận",
        f"The lunar date {shown} does not exist: {why_en}. Check the day, the month and"
        " the leap flag",
    )


def month_length(month: int, year: int, leap: bool = False) -> int:
    """How many days (29 or 30) lunar `month` of `year` has."""
    to_solar(1, month, year, leap)  # refuses a month the year does not have
    try:
        to_solar(30, month, year, leap)
    except LunarDateError:
        return 29
    return 30


def year_name_vi(year: int) -> str:
    """The year's name in the sexagenary cycle: 2026 → "Bính Ngọ"."""
    return lunar_vn.can_chi.get_year_can_chi(year)


def shown_vi(lunar: LunarDate) -> str:
    """ "mùng 6 tháng Giêng năm Bính Ngọ"."""
    day = DAY_WORDS_VI.get(lunar.day, f"ngày {lunar.day}")
    month = MONTH_NAMES_VI.get(lunar.month, str(lunar.month))
    leap = " nhuận" if lunar.leap else ""
    return f"{day} tháng {month}{leap} năm {year_name_vi(lunar.year)}"


def shown_en(lunar: LunarDate) -> str:
    """ "6th day of the 1st lunar month, year of Bính Ngọ"."""
    leap = " (leap)" if lunar.leap else ""
    return (
        f"{_ordinal(lunar.day)} day of the {_ordinal(lunar.month)} lunar month{leap},"
        f" year of {year_name_vi(lunar.year)}"
    )


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"
