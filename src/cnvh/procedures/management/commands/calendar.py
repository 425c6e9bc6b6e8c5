"""`cnvh calendar`: Vietnam's working days and lunar dates, for people and scripts.

    cnvh calendar add-working-days 2024-02-07 5   → 2024-02-21
    cnvh calendar lunar 2026-02-17                → 1/1/2026 (mùng 1 tháng Giêng năm Bính Ngọ / …)
    cnvh calendar solar 1/1/2026 [--leap]         → 2026-02-17

Working days use the table of announced day swaps (the coordinator's page), so the
answer is the one the deadlines of procedures use. Bad input: a message in Vietnamese
and English, exit code 1.
"""

import re
from argparse import ArgumentParser
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from cnvh.calendar.lunar import LunarDateError, shown_en, shown_vi, to_lunar, to_solar
from cnvh.exchange.reading.dates import typed
from cnvh.procedures.deadlines import working_calendar

LUNAR_DATE = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*")


def solar_date(text: str) -> date:
    found = typed(text)
    if found is None:
        raise CommandError(
            f"Ngày không hợp lệ: {text!r}. Viết yyyy-mm-dd hoặc dd/mm/yyyy, ví dụ 2024-02-07"
            f" / Not a date: {text!r}. Write yyyy-mm-dd or dd/mm/yyyy, e.g. 2024-02-07"
        )
    return found


# About forty years of working days: enough for any deadline, and a bound on the loop.
MOST_DAYS = 10_000


def whole_number(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = MOST_DAYS + 1
    if abs(number) > MOST_DAYS:
        raise CommandError(
            f"Số ngày làm việc không hợp lệ: {text!r}. Viết một số nguyên từ -{MOST_DAYS} đến"
            f" {MOST_DAYS}, ví dụ 5 / Not a number of working days: {text!r}. Write a whole"
            f" number from -{MOST_DAYS} to {MOST_DAYS}, e.g. 5"
        )
    return number


def lunar_parts(text: str) -> tuple[int, int, int]:
    found = LUNAR_DATE.fullmatch(text)
    if found is None:
        raise CommandError(
            f"Ngày âm lịch không hợp lệ: {text!r}. Viết ngày/tháng/năm âm lịch, ví dụ 1/1/2026"
            f" / Not a lunar date: {text!r}. Write day/month/lunar year, e.g. 1/1/2026"
        )
    day, month, year = (int(part) for part in found.groups())
    return day, month, year


class Command(BaseCommand):
    help = "Working days and lunar dates of Vietnam's calendar (UTC+7)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        adding = actions.add_parser(
            "add-working-days", help="the Nth working day after a date (the date not counted)"
        )
        adding.add_argument("start", help="yyyy-mm-dd or dd/mm/yyyy")
        adding.add_argument("days", help="how many working days (negative: before)")
        lunar = actions.add_parser("lunar", help="the lunar date of a solar date")
        lunar.add_argument("day", help="yyyy-mm-dd or dd/mm/yyyy")
        solar = actions.add_parser("solar", help="the solar date of a lunar date")
        solar.add_argument("lunar_date", help="day/month/lunar year, e.g. 1/1/2026")
        solar.add_argument("--leap", action="store_true", help="the day is in the leap month")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            self.stdout.write(self.answer(options))
        except LunarDateError as error:
            raise CommandError(str(error)) from None

    def answer(self, options: dict[str, Any]) -> str:
        action = options["action"]
        if action == "add-working-days":
            start, days = solar_date(options["start"]), whole_number(options["days"])
            return working_calendar().add_working_days(start, days).isoformat()
        if action == "lunar":
            lunar = to_lunar(solar_date(options["day"]))
            return f"{lunar} ({shown_vi(lunar)} / {shown_en(lunar)})"
        day, month, year = lunar_parts(options["lunar_date"])
        return to_solar(day, month, year, options["leap"]).isoformat()
