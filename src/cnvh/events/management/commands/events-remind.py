"""`cnvh events-remind [--today YYYY-MM-DD]`: tell the agencies of the views coming due
and of those overdue, and escalate the overdue ones to their leaders and the
coordinators, in the app and by e-mail. Run it daily; it never repeats a notice."""

from argparse import ArgumentParser
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from cnvh.events.reminders import send_clearance_reminders


class Command(BaseCommand):
    help = "Remind the agencies of views coming due, and escalate the overdue ones."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            default=None,
            help="the day to remind as of (YYYY-MM-DD; default: today, Hanoi time)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["today"] or timezone.localdate()
        made = send_clearance_reminders(today)
        self.stdout.write(
            f"{len(made)} thông báo đã tạo / {len(made)} notice"
            f"{'' if len(made) == 1 else 's'} made ({today:%d/%m/%Y})."
        )
