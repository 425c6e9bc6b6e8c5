"""`cnvh restore FILE`: puts back the database and uploaded files of a backup.

Stop `cnvh serve` and `cnvh worker` first. Nothing is changed when the archive is
damaged or altered, or when the database holds data and --force was not given.
"""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connections

from cnvh.ops import backup
from cnvh.ops.messages import OpsError
from cnvh.presentation import page_cache


class Command(BaseCommand):
    help = "Restore a backup made by cnvh backup into an empty database"
    requires_system_checks = []  # the database may not exist yet

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("archive", type=Path, help="a backup made by cnvh backup")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace a database and uploaded files that already hold data",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        connections.close_all()
        try:
            manifest = backup.restore(
                options["archive"],
                settings.DATABASES["default"],
                Path(settings.MEDIA_ROOT),
                force=options["force"],
            )
        except OpsError as error:
            self.stderr.write(str(error))
            raise SystemExit(1) from None
        # The public pages stored in the cache show the old database.
        page_cache.invalidate()
        rows = sum(manifest["database"]["tables"].values())
        self.stdout.write(
            f"Restored the backup of {manifest['created']} (cnvh {manifest['cnvh']}): "
            f"{rows:,} rows. If cnvh was upgraded since, run: cnvh migrate"
        )
