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
    if not (1 <= month <= 12 and 1 <= day <= 30):
        raise _missing(wanted)
    try:
        found = lunar_vn.convert_lunar_to_solar(day, month, year, int(leap), TIME_ZONE)
    except ValueError:
        raise _missing(wanted) from None
    if to_lunar(found) != wanted:
        raise _missing(wanted)
    return found


def _missing(wanted: LunarDate) -> LunarDateError:
    leap_vi, leap_en = (" nhuận", " (leap)") if wanted.leap else ("", "")
    return LunarDateError(
        f"Ngày âm lịch {wanted.day}/{wanted.month}{leap_vi}/{wanted.year} không có: tháng đó"
        " thiếu (29 ngày), không nhuận, hoặc ngoài các năm 1900–2100. Kiểm tra lại ngày,"
        " tháng và dấu tháng nhuận",
        f"The lunar date {wanted.day}/{wanted.month}{leap_en}/{wanted.year} does not exist:"
        " that month has 29 days, is not a leap month, or the year is outside 1900–2100."
        " Check the day, the month and the leap-month flag",
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
