"""Vietnam's public holidays, as the Labour Code 2019 (Art. 112) sets them.

- New Year: 1 January.
- Tết: five days. The Prime Minister places them each year; the usual placement is
  the last day of the old lunar year and the first four days of the new one, which is
  what is computed here. A year placed otherwise (2024: 29th and 30th of the 12th month
  and 1st to 3rd of the 1st) is corrected by the table of announced day swaps.
- Hùng Kings' Commemoration: the 10th day of the 3rd lunar month (since 2007).
- Reunification Day 30 April and International Labour Day 1 May.
- National Day: 2 September and, since 2021, the day before it (the placement
  announced for 2025 and 2026; a year placed otherwise is corrected by the table).

Lunar days are those of the Vietnamese calendar, UTC+7 (`lunar.py`).
When a holiday falls on a weekly rest day (Saturday or Sunday) the worker rests on
the next working day instead (Art. 111(3)): `compensations` gives those days.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from cnvh.calendar.lunar import to_lunar, to_solar

ONE_DAY = timedelta(days=1)
# National Day has two days since the Labour Code 2019 came into force.
TWO_DAY_NATIONAL_DAY_SINCE = 2021
HUNG_KINGS_SINCE = 2007


@dataclass(frozen=True)
class Holiday:
    day: date
    name_vi: str
    name_en: str


def tet_days(year: int) -> list[Holiday]:
    """The five Tết days of the lunar year that starts in solar `year`."""
    new_year = to_solar(1, 1, year)
    eve = new_year - ONE_DAY
    eve_day = to_lunar(eve).day
    days = [Holiday(eve, f"{eve_day} Tết (ngày cuối năm âm lịch)", "Lunar New Year's Eve")]
    for offset in range(4):
        days.append(
            Holiday(
                new_year + offset * ONE_DAY,
                f"Mùng {offset + 1} Tết Nguyên đán",
                f"Lunar New Year, day {offset + 1}",
            )
        )
    return days


def public_holidays(year: int) -> list[Holiday]:
    """The statutory holidays that fall in solar `year`, in date order."""
    days = [Holiday(date(year, 1, 1), "Tết Dương lịch", "New Year's Day")]
    days += tet_days(year)
    if year >= HUNG_KINGS_SINCE:
        days.append(
            Holiday(to_solar(10, 3, year), "Giỗ Tổ Hùng Vương", "Hùng Kings' Commemoration Day")
        )
    days.append(Holiday(date(year, 4, 30), "Ngày Chiến thắng", "Reunification Day"))
    days.append(Holiday(date(year, 5, 1), "Ngày Quốc tế Lao động", "International Labour Day"))
    if year >= TWO_DAY_NATIONAL_DAY_SINCE:
        days.append(Holiday(date(year, 9, 1), "Nghỉ Quốc khánh", "National Day holiday"))
    days.append(Holiday(date(year, 9, 2), "Quốc khánh", "National Day"))
    return sorted(days, key=lambda holiday: holiday.day)


def is_weekend(day: date) -> bool:
    return day.weekday() >= 5


def compensations(year: int) -> list[Holiday]:
    """The rest days owed for holidays of `year` that fall on a Saturday or Sunday:
    each on the next weekday that is neither a holiday nor already owed."""
    holidays = public_holidays(year)
    taken = {holiday.day for holiday in holidays}
    owed: list[Holiday] = []
    for holiday in holidays:
        if not is_weekend(holiday.day):
            continue
        day = holiday.day + ONE_DAY
        while is_weekend(day) or day in taken:
            day += ONE_DAY
        taken.add(day)
        owed.append(Holiday(day, f"Nghỉ bù {holiday.name_vi}", f"In lieu of {holiday.name_en}"))
    return owed


def days_off(year: int) -> dict[date, Holiday]:
    """Holidays and the rest days owed for them, by date (a compensation for a Tết day
    late in December may fall in the next year: it is kept with the year it is owed for)."""
    return {holiday.day: holiday for holiday in [*public_holidays(year), *compensations(year)]}
