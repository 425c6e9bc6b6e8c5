"""Part IV of the workbook's report sheet: a block per registry, as in the document.

Each block holds the section's prose, its figures as a table (label, unit, value at
full precision: money in VND, shares as fractions shown as percentages), its
breakdowns and the source line; a section with no record for the period is its one
line.
"""

import math
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from cnvh.exports.periodic.document import (
    DAYS,
    SHARE,
    Breakdown,
    BreakdownRow,
    Figure,
    PeriodicReport,
    RegistrySection,
)

if TYPE_CHECKING:
    from cnvh.exports.periodic.xlsx import Sheet

LAST = 8  # the report sheet's last column
CHARACTERS_A_LINE = 190  # about what the merged columns A-I hold on one line


def write(sheet: "Sheet", document: PeriodicReport) -> None:
    sheet.line([f"IV. {_('Results recorded in the registries')}".upper()], "section")
    _prose(sheet, document.registries_scope, "wrap")
    for number, part in enumerate(document.registries, start=1):
        _section(sheet, number, part)
    sheet.skip()


def _prose(sheet: "Sheet", text: str, style: str = "prose") -> None:
    lines = max(1, math.ceil(len(text) / CHARACTERS_A_LINE))
    sheet.merged(0, LAST, text, style, 15 * lines + 2)
    sheet.skip()


def _section(sheet: "Sheet", number: int, part: RegistrySection) -> None:
    sheet.line([f"{number}. {part.title}"], "section")
    if part.empty:
        _prose(sheet, part.empty)
        sheet.skip()
        return
    for paragraph in part.paragraphs:
        _prose(sheet, paragraph)
    sheet.line([_("No."), _("Indicator"), _("Unit"), _("Value")], "header")
    for index, line in enumerate(part.figures, start=1):
        sheet.cell(0, index, "count")
        sheet.cell(1, line.label)
        sheet.cell(2, line.unit)
        _figure(sheet, 3, line.figure)
        sheet.skip()
    for table in part.breakdowns:
        if table.rows:
            _breakdown(sheet, table)
    _prose(sheet, part.source, "wrap")
    sheet.skip()


def _breakdown(sheet: "Sheet", table: Breakdown) -> None:
    sheet.skip()
    sheet.cell(1, table.title, "caption")
    sheet.skip()
    sheet.cell(0, None, "header")
    for column, name in enumerate(table.header, start=1):
        sheet.cell(column, name, "header")
    sheet.skip()
    for row in table.rows:
        _row(sheet, row, "cell")
    if table.total:
        _row(sheet, table.total, "group")


def _row(sheet: "Sheet", row: BreakdownRow, style: str) -> None:
    sheet.cell(0, None, style)
    sheet.cell(1, row.label, style)
    for column, figure in enumerate(row.figures, start=2):
        _figure(sheet, column, figure, bold=style == "group")
    sheet.skip()


def _figure(sheet: "Sheet", column: int, figure: Figure, bold: bool = False) -> None:
    value = figure.value
    number = float(value) if isinstance(value, Decimal) else value
    style = {SHARE: "fraction", DAYS: "decimal"}.get(figure.kind, "count")
    sheet.cell(column, number, style + ("_bold" if bold else ""))
