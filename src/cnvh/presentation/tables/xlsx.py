"""A table as an XLSX workbook: a first sheet that says what the file is, then the data.

- Numbers are number cells at full precision. xlsxwriter writes a number with 16
  significant digits, which changes some floats (0.1 + 0.2 reads back as 0.3), so
  `PreciseWorksheet` writes the shortest text that reads back as the same float.
  Display formats round only what is shown.
- Text is always a text cell, never a formula; text that a spreadsheet would run as
  one (`looks_like_formula`) also carries Excel's quote prefix, so it stays text when
  someone edits the cell.
"""

import io
import math
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from cnvh.presentation.tables.csv_file import looks_like_formula
from cnvh.presentation.tables.table import DATE, DATETIME, Table

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_WIDTH = 48
OPTIONS = {
    "in_memory": True,
    # Text stays text: never turned into a formula, a link or a number.
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


class PreciseWorksheet(Worksheet):
    def _xml_number_element(self, number: float, attributes: Any = ()) -> None:
        attr = "".join(f' {key}="{self._escape_attributes(value)}"' for key, value in attributes)
        self.fh.write(f"<c{attr}><v>{float(number)!r}</v></c>")


class _Formats:
    """The workbook's cell formats, made once each."""

    def __init__(self, book: Workbook) -> None:
        self.book = book
        self.made: dict[str, Format] = {}
        self.header = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        self.label = book.add_format({"bold": True, "valign": "top"})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})
        self.quoted = book.add_format({"quote_prefix": True})

    def number(self, display: str | None) -> Format | None:
        if display is None:
            return None
        if display not in self.made:
            self.made[display] = self.book.add_format({"num_format": display})
        return self.made[display]


def workbook(table: Table) -> bytes:
    output = io.BytesIO()
    book = Workbook(output, OPTIONS)
    formats = _Formats(book)
    _about_sheet(book.add_worksheet(_("About"), PreciseWorksheet), table, formats)
    _data_sheet(book.add_worksheet(_("Data"), PreciseWorksheet), table, formats)
    book.close()
    return output.getvalue()


def about_lines(table: Table) -> list[tuple[str, str]]:
    generated = timezone.localtime(table.generated_at)
    lines = [
        (_("What this file is"), table.title),
        (
            _("Generated"),
            f"{generated:%Y-%m-%d %H:%M:%S} ({timezone.get_current_timezone_name()})",
        ),
        (_("Source"), table.source),
        (
            _("Data"),
            _("Synthetic demo data — not official statistics")
            if table.synthetic
            else _("As stored in cnvh; not marked as synthetic demo data"),
        ),
        (_("Rows"), str(len(table.rows))),
        (
            _("Numbers"),
            _(
                "Figures are stored at full precision; the display formats round only "
                "what is shown. The unit of each column is in its header."
            ),
        ),
    ]
    if table.address:
        lines.append((_("Downloaded from"), table.address))
    lines += [(_("Note"), note) for note in table.notes]
    return lines


def _about_sheet(sheet: Worksheet, table: Table, formats: _Formats) -> None:
    sheet.set_column(0, 0, 24)
    sheet.set_column(1, 1, 100)
    for row, (label, text) in enumerate(about_lines(table)):
        sheet.write_string(row, 0, label, formats.label)
        _write_text(sheet, row, 1, text, formats, formats.wrap)


def _data_sheet(sheet: Worksheet, table: Table, formats: _Formats) -> None:
    for col, column in enumerate(table.columns):
        width = column.width or min(max(len(column.title) + 2, 10), MAX_WIDTH)
        sheet.set_column(col, col, width)
        sheet.write_string(0, col, column.title, formats.header)
    displays = [formats.number(column.display) for column in table.columns]
    for row, values in enumerate(table.rows, start=1):
        for col, value in enumerate(values):
            _write(sheet, row, col, value, formats, displays[col])
    sheet.freeze_panes(1, 0)
    if table.columns:
        sheet.autofilter(0, 0, len(table.rows), len(table.columns) - 1)
    sheet.activate()


def _write(
    sheet: Worksheet, row: int, col: int, value: object, formats: _Formats, display: Format | None
) -> None:
    if value is None:
        return
    if isinstance(value, bool):
        sheet.write_boolean(row, col, value)
    elif isinstance(value, int | float | Decimal):
        number = float(value)
        if math.isfinite(number):
            sheet.write_number(row, col, number, display)
    elif isinstance(value, datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        sheet.write_datetime(row, col, local.replace(tzinfo=None), formats.number(DATETIME))
    elif isinstance(value, date):
        sheet.write_datetime(row, col, value, formats.number(DATE))
    else:
        _write_text(sheet, row, col, str(value), formats)


def _write_text(
    sheet: Worksheet,
    row: int,
    col: int,
    text: str,
    formats: _Formats,
    plain: Format | None = None,
) -> None:
    sheet.write_string(row, col, text, formats.quoted if looks_like_formula(text) else plain)
