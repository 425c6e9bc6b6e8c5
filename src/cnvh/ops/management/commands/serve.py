"""`cnvh serve`: the production web server (gunicorn), static files through WhiteNoise."""

import os
from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from cnvh.ops.serving import DEFAULT_BIND, default_workers, gunicorn_command, workers_from


class Command(BaseCommand):
    help = "Serve cnvh with gunicorn (collects static files first)"
    requires_system_checks = []  # gunicorn's workers load the app; checks run there

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--bind",
            default=os.environ.get("CNVH_BIND", DEFAULT_BIND),
            help=f"address:port or unix:/path (env CNVH_BIND; default {DEFAULT_BIND})",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help=(
                "worker processes (env CNVH_WORKERS; default 2 × CPUs + 1, "
                f"{default_workers()} here)"
            ),
        )
        parser.add_argument(
            "--timeout",
            type=int,
            default=int(os.environ.get("CNVH_TIMEOUT", "60")),
            help="seconds before a silent worker is restarted (env CNVH_TIMEOUT; default 60)",
        )
        parser.add_argument(
            "--no-collectstatic",
            action="store_true",
            help="skip collectstatic (when it already ran after the last upgrade)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            workers = workers_from(os.environ, options["workers"])
        except ValueError:
            raise CommandError("CNVH_WORKERS must be a whole number") from None
        if workers < 1:
            raise CommandError("--workers must be at least 1")
        if not options["no_collectstatic"]:
            call_command("collectstatic", interactive=False, verbosity=0)
        command = gunicorn_command(options["bind"], workers, options["timeout"])
        self.stdout.write(f"cnvh serve: {workers} workers on {options['bind']}")
        self.stdout.flush()
        # exec: gunicorn becomes this process, so systemd's signals reach it directly.
        os.execv(command[0], command)
