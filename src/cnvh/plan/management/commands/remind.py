"""`cnvh remind [--date YYYY-MM-DD]`: notify officers of reports due within 7 days or
overdue, in the app and by e-mail. Run it daily; it never repeats a notification."""

from argparse import ArgumentParser
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from cnvh.plan.reminders import send_reminders


def parse_day(text: str | None) -> date:
    if not text:
        return timezone.localdate()
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"Ngày không hợp lệ / Not a date: {text!r} (YYYY-MM-DD)") from error


class Command(BaseCommand):
    help = "Notify officers of progress reports due within 7 days or overdue."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--date", help="the day to remind as of (YYYY-MM-DD; default: today, Hanoi time)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        day = parse_day(options["date"])
        made = send_reminders(day)
        self.stdout.write(
            f"{len(made)} thông báo đã tạo / {len(made)} notification"
            f"{'' if len(made) == 1 else 's'} made ({day.isoformat()})."
        )
