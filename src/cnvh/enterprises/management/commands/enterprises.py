"""`cnvh enterprises check FILE`: checks a register file before it is imported.

    cnvh enterprises check dang-ky.xlsx [--sheet S] [--lang en]

The file (CSV or XLSX) has at least the columns `tax_code, name, vsic_code, area`
(Vietnamese headers too: Mã số thuế, Tên doanh nghiệp, Mã ngành, Mã phường xã), `area`
being an administrative unit's code. It is read and checked as the import of kind
`enterprises` reads and checks it (`cnvh.enterprises.imports.check_register`); nothing
is saved. Exit status: 0 clean; 1 with every problem listed in Vietnamese and English,
row and column named; 2 the command was wrong (no such file).
"""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cnvh.enterprises.imports import check_register
from cnvh.exchange.reading.problems import message
from cnvh.language import number

USAGE, PROBLEMS = 2, 1


class Command(BaseCommand):
    help = "The enterprise register's files: check one before importing it"

    def add_arguments(self, parser: ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        check = actions.add_parser(
            "check", help="check a register file (CSV or XLSX); exit 0 when clean, 1 if not"
        )
        check.add_argument("file", type=Path)
        check.add_argument("--sheet", help="the sheet to read (default: the first that fits)")
        check.add_argument("--lang", choices=["vi", "en"], default="vi")

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(options["lang"]):
            self._check(options["file"], options["sheet"], options["lang"])

    def _check(self, path: Path, sheet: str | None, language: str) -> None:
        if not path.is_file():
            raise CommandError(_("No such file: %(path)s") % {"path": path}, returncode=USAGE)
        problems = check_register(path, sheet)
        if not problems:
            self.stdout.write(_("No problem found in %(file)s.") % {"file": path.name})
            return
        other = "en" if language == "vi" else "vi"
        ordered = sorted(problems.items, key=lambda p: (p["row"] is not None, p["row"] or 0))
        for problem in ordered:
            self.stdout.write(f"- {message(problem, language)}")
            self.stdout.write(f"  {message(problem, other)}")
        if problems.more:
            self.stdout.write(f"… {number(problems.more)}")
        raise CommandError(
            ngettext(
                "%(count)s problem in %(file)s.", "%(count)s problems in %(file)s.", problems.total
            )
            % {"count": number(problems.total), "file": path.name},
            returncode=PROBLEMS,
        )
