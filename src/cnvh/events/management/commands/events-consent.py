"""`cnvh events-consent`: files whose procedure says silence is consent and whose answer
window passed with no decision become deemed accepted (run daily, e.g. from cron)."""

from argparse import ArgumentParser
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from cnvh.events.workflow import deem_silent_consents


class Command(BaseCommand):
    help = "Mark as deemed accepted the files left unanswered past a silence-is-consent window."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--today", type=date.fromisoformat, default=None)

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["today"] or timezone.localdate()
        moved = deem_silent_consents(today)
        for event in moved:
            self.stdout.write(f"deemed accepted: {event.pk} {event.title_vi}")
        self.stdout.write(f"{len(moved)} file(s) deemed accepted on {today:%d/%m/%Y}")
