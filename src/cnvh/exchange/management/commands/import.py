"""`cnvh import KIND FILE`: the web page's import from the command line, through the
same code (the record, the checks, the save in one transaction).

Exit status: 0 imported (or, with --check-only, nothing wrong), 1 the file has
problems or could not be saved (nothing saved), 2 the command was wrong (unknown kind,
no such file or person, not allowed).
"""

import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import IO, Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from cnvh.exchange import display, registry, service
from cnvh.exchange.models import ImportRecord
from cnvh.exchange.reading.problems import message
from cnvh.exchange.templatetags.exchange_tags import stage_label
from cnvh.language import number

USAGE, PROBLEMS = 2, 1


class Command(BaseCommand):
    help = "Import a file (CSV, XLSX, XLS, ODS or Parquet): check it, then save it"

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("kind", help="what the file holds: " + ", ".join(registry.kinds()))
        parser.add_argument("file", type=Path)
        parser.add_argument("--sheet", help="the sheet to read (default: the first that fits)")
        parser.add_argument(
            "--check-only", action="store_true", help="read and check, save nothing"
        )
        parser.add_argument("--user", help="the person importing (their permissions apply)")
        parser.add_argument("--lang", choices=["vi", "en"], default="vi")

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(options["lang"]):
            self._import(options)

    def _import(self, options: dict[str, Any]) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(_("No such file: %(path)s") % {"path": path}, returncode=USAGE)
        user = self._user(options["user"])
        stream: IO[str] = getattr(self.stdout, "_out", sys.stdout)  # rich ends its own lines
        console = Console(file=stream, highlight=False, width=None if stream.isatty() else 140)
        try:
            with _bar(console) as report, path.open("rb") as handle:
                upload = File(handle, name=path.name)
                record = service.start_import(
                    user, upload, options["kind"], options["sheet"], progress=report
                )
                if record.status == ImportRecord.Status.CHECKED and not options["check_only"]:
                    record = service.confirm_import(user, record, background=False, progress=report)
        except service.UnknownKind as error:
            raise CommandError(
                _("Unknown kind %(kind)s; the kinds are: %(kinds)s")
                % {"kind": error, "kinds": ", ".join(registry.kinds())},
                returncode=USAGE,
            ) from error
        except PermissionDenied as error:
            raise CommandError(
                _("%(user)s may not import this kind of file.") % {"user": options["user"]},
                returncode=USAGE,
            ) from error
        _print(console, record, options["lang"])
        self._finish(record, options["check_only"])

    def _user(self, name: str | None) -> Any:
        if not name:
            return None
        found = get_user_model().objects.filter(username=name, is_active=True).first()
        if found is None:
            raise CommandError(
                _("No active person named %(name)s.") % {"name": name}, returncode=USAGE
            )
        return found

    def _finish(self, record: ImportRecord, check_only: bool) -> None:
        if record.status == ImportRecord.Status.IMPORTED:
            self.stdout.write(
                _("Imported: %(rows)s rows saved.") % {"rows": number(record.rows_saved)}
            )
            return
        if record.status == ImportRecord.Status.CHECKED and check_only:
            self.stdout.write(_("No problem found; nothing was saved (--check-only)."))
            return
        raise CommandError(
            _("%(count)s problems; nothing was saved.") % {"count": number(record.problem_count)},
            returncode=PROBLEMS,
        )


class _bar:
    """A progress bar on a terminal; nothing elsewhere (a log, a pipe)."""

    def __init__(self, console: Console) -> None:
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            disable=not console.is_terminal,
        )

    def __enter__(self) -> Any:
        self.progress.__enter__()
        task = self.progress.add_task("cnvh import", total=1.0)

        def report(stage: str, done: float) -> None:
            self.progress.update(task, completed=done, description=str(stage_label(stage)))

        return report

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(*exc)  # type: ignore[arg-type]


def _print(console: Console, record: ImportRecord, language: str) -> None:
    console.print(
        f"{_('Import')} {record.pk}: {record.file_name} ({record.kind}), SHA-256 {record.sha256}"
    )
    facts = record.details
    if facts.get("sheet"):
        console.print(f"{_('Sheet')}: {facts['sheet']}")
    if facts.get("header_rows"):
        rows = ", ".join(str(row) for row in facts["header_rows"])
        console.print(f"{_('Header row')}: {rows}; {_('Rows read')}: {number(record.rows_read)}")
    if record.columns:
        console.print(_columns(record))
    other = "en" if language == "vi" else "vi"
    for problem in record.problems:
        console.print(f"- {message(problem, language)}", markup=False)
        console.print(f"  {message(problem, other)}", markup=False)
    more = record.problem_count - len(record.problems)
    if more > 0:
        console.print(f"… {number(more)}")


def _columns(record: ImportRecord) -> Table:
    table = Table(title=_("How the columns were understood"))
    for heading in (_("Header in the file"), _("Read as"), _("Type"), _("Examples"), _("Notes")):
        table.add_column(heading)
    for column in display.column_rows(record.columns):
        meaning = f"{column['title']} ({column['name']})" if column["name"] else _("ignored")
        table.add_row(
            column["header"],
            meaning,
            str(column["type_name"]),
            ", ".join(column["examples"]),
            "; ".join(column["notes"]),
        )
    return table
