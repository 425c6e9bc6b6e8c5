"""`cnvh ocop-expire [--today dd/mm/yyyy]`: mark the OCOP certificates past their
expiry as expired (run daily, e.g. from cron). Each change is kept in the rating's
history. Bad input: a message in Vietnamese and English, exit code 1."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from cnvh.crafts import workflow
from cnvh.exchange.reading.dates import typed


class Command(BaseCommand):
    help = "Mark the OCOP certificates past their expiry as expired."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--today", help="The day to judge by (default: today).")

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        if options["today"]:
            found = typed(options["today"])
            if found is None:
                raise CommandError(
                    f"Ngày không hợp lệ: {options['today']!r}. Viết dd/mm/yyyy, ví dụ 01/09/2029"
                    f" / Not a date: {options['today']!r}. Write dd/mm/yyyy, e.g. 01/09/2029"
                )
            today = found
        count = workflow.expire(today)
        self.stdout.write(f"OCOP: {count} certificate(s) expired on {today:%d/%m/%Y}")
