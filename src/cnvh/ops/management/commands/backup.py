"""`cnvh backup FILE`: the database and the uploaded files in one archive."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connections

from cnvh.ops import backup
from cnvh.ops.messages import OpsError


class Command(BaseCommand):
    help = "Back up the database and the uploaded files to one archive (.tar.gz)"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("archive", type=Path, help="the archive to write, e.g. cnvh.tar.gz")

    def handle(self, *args: Any, **options: Any) -> None:
        connections.close_all()
        archive: Path = options["archive"]
        try:
            manifest = backup.create(
                archive, settings.DATABASES["default"], Path(settings.MEDIA_ROOT)
            )
        except OpsError as error:
            self.stderr.write(str(error))
            raise SystemExit(1) from None
        rows = sum(manifest["database"]["tables"].values())
        media = sum(1 for name in manifest["files"] if name.startswith(f"{backup.MEDIA}/"))
        self.stdout.write(
            f"{archive}: {archive.stat().st_size:,} bytes; "
            f"{len(manifest['database']['tables'])} tables, {rows:,} rows, {media} uploaded files"
        )
