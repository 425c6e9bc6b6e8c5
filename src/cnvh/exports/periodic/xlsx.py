"""The periodic report as an Excel workbook (xlsxwriter).

The first sheet is the report: the heading block in merged cells, the summary, the
tasks under their content groups, the indicators, a block per registry
(`xlsx_registries`) and the signatory. The second has
every indicator value up to the report's year with its source. Figures are numbers
at full precision (formats only choose how they look), units are in the headers,
and text that a spreadsheet would run as a formula is neutralised by the rule of
`cnvh.presentation.tables.csv_file`.
"""

import io
from datetime import date
from typing import Any

import xlsxwriter
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cnvh.exports.periodic import xlsx_registries
from cnvh.exports.periodic.document import (
    CopiedTask,
    IndicatorLine,
    PeriodicReport,
    ReportingLine,
)
from cnvh.presentation.formatting import VND_PER_UNIT
from cnvh.presentation.tables.csv_file import neutralised
from cnvh.presentation.tables.xlsx import PreciseWorksheet

A4 = 9
TASK_COLUMNS = [6, 60, 26, 16, 11, 50, 12, 12, 10]
INDICATOR_EXTRA = [16, 10, 14]  # columns J-L: expected, status, source


def number_format(line: IndicatorLine) -> str:
    if line.unit in VND_PER_UNIT:
        return "#,##0"
    digits = max(line.scale.digits, 2 if line.unit == "%" else 0)
    return "#,##0" + ("." + "0" * digits if digits else "")


class Sheet:
    """One worksheet written top to bottom, with the workbook's formats."""

    def __init__(self, book: Any, name: str, formats: dict[str, Any]) -> None:
        self.book = book
        # Full precision: xlsxwriter alone writes 16 significant digits.
        self.sheet = book.add_worksheet(name, PreciseWorksheet)
        self.formats = formats
        self.row = 0

    def numbers(self, line: IndicatorLine) -> str:
        """The style of an indicator's figures, made once per workbook."""
        name = "indicator:" + number_format(line)
        if name not in self.formats:
            spec = {**self.formats["cell_spec"], "num_format": number_format(line)}
            self.formats[name] = self.book.add_format(spec)
        return name

    def cell(self, column: int, value: object, style: str = "cell") -> None:
        fmt = self.formats[style]
        if value is None:
            self.sheet.write_blank(self.row, column, None, fmt)
        elif isinstance(value, bool):
            self.sheet.write_string(self.row, column, _("yes") if value else "", fmt)
        elif isinstance(value, int | float):
            self.sheet.write_number(self.row, column, value, fmt)
        elif isinstance(value, date):
            self.sheet.write_datetime(self.row, column, value, self.formats["date"])
        else:
            self.sheet.write_string(self.row, column, neutralised(value), fmt)

    def line(self, values: list[object], style: str = "cell") -> None:
        for column, value in enumerate(values):
            self.cell(column, value, style)
        self.row += 1

    def merged(self, first: int, last: int, value: str, style: str, height: float = 0) -> None:
        self.sheet.merge_range(
            self.row, first, self.row, last, neutralised(value), self.formats[style]
        )
        if height:
            self.sheet.set_row(self.row, height)

    def skip(self, rows: int = 1) -> None:
        self.row += rows


def _formats(book: Any) -> dict[str, Any]:
    base = {"font_name": "Times New Roman", "font_size": 11, "valign": "top"}
    table = {**base, "border": 1, "text_wrap": True}
    specs: dict[str, dict[str, Any]] = {
        "plain": base,
        "centre": {**base, "align": "center"},
        "centre_bold": {**base, "align": "center", "bold": True},
        "centre_italic": {**base, "align": "center", "italic": True},
        "title": {**base, "align": "center", "bold": True, "font_size": 13, "text_wrap": True},
        "section": {**base, "bold": True, "font_size": 12},
        "wrap": {**base, "text_wrap": True, "italic": True},
        "prose": {**base, "text_wrap": True, "align": "justify"},
        "caption": {**base, "italic": True},
        "header": {
            **table,
            "bold": True,
            "align": "center",
            "valign": "vcenter",
            "bg_color": "#EEEEEE",
        },
        "group": {**table, "bold": True, "bg_color": "#F5F5F5"},
        "cell": table,
        "count": {**table, "num_format": "#,##0"},
        "count_bold": {**table, "num_format": "#,##0", "bold": True, "bg_color": "#F5F5F5"},
        "decimal": {**table, "num_format": "#,##0.0"},
        "decimal_bold": {**table, "num_format": "#,##0.0", "bold": True, "bg_color": "#F5F5F5"},
        "fraction": {**table, "num_format": "0.0%"},
        "fraction_bold": {**table, "num_format": "0.0%", "bold": True, "bg_color": "#F5F5F5"},
        "whole_fraction": {**table, "num_format": "0%"},
        "date": {**table, "num_format": "dd/mm/yyyy"},
    }
    made: dict[str, Any] = {name: book.add_format(spec) for name, spec in specs.items()}
    made["cell_spec"] = table
    return made


def workbook(document: PeriodicReport) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    formats = _formats(book)
    report = Sheet(book, _("Report"), formats)
    _report_sheet(report, document)
    values = Sheet(book, _("Indicator values"), formats)
    _values_sheet(values, document)
    book.set_properties({"title": f"{document.title} {document.subject} {document.span.title}"})
    book.close()
    return buffer.getvalue()


def _report_sheet(sheet: Sheet, document: PeriodicReport) -> None:
    for column, width in enumerate(TASK_COLUMNS + INDICATOR_EXTRA):
        sheet.sheet.set_column(column, column, width)
    _heading(sheet, document)
    _summary(sheet, document)
    _tasks(sheet, document)
    _indicators(sheet, document)
    xlsx_registries.write(sheet, document)
    _signatory(sheet, document)
    _print_setup(sheet)
    if document.watermark:  # demo data: in the printed page's header, not in the text
        sheet.sheet.set_header(f'&C&"-,Bold"&14{document.watermark}')


def _heading(sheet: Sheet, document: PeriodicReport) -> None:
    heading = document.heading
    lines = [
        (heading.parent_agency, "centre", heading.nation, "centre_bold"),
        (heading.agency, "centre_bold", heading.motto, "centre_bold"),
        (heading.number, "centre", heading.place_and_date, "centre_italic"),
    ]
    for left, left_style, right, right_style in lines:
        sheet.merged(0, 2, left, left_style)
        sheet.merged(3, 8, right, right_style)
        sheet.skip()
    sheet.skip()
    for value in (document.title, document.subject, document.span.title):
        sheet.merged(0, 8, value, "title", 34 if value == document.subject else 0)
        sheet.skip()
    sheet.merged(0, 8, document.introduction, "wrap", 30)
    sheet.skip(2)


def _summary(sheet: Sheet, document: PeriodicReport) -> None:
    summary = document.summary
    sheet.line([f"I. {_('Overview of the period')}".upper()], "section")
    sheet.line([f"1. {_('Tasks by status')}"], "section")
    statuses = [count.label for count in summary.by_status]
    sheet.line(
        [_("No."), _("Content group"), _("Tasks"), *statuses, _("Mean percent done")], "header"
    )
    for section in document.sections:
        progress = section.progress
        sheet.cell(0, section.number, "count")
        sheet.cell(1, section.title)
        sheet.cell(2, progress.tasks, "count")
        for offset, (_value, _label, count) in enumerate(progress.statuses):
            sheet.cell(3 + offset, count, "count")
        sheet.cell(3 + len(statuses), progress.mean_percent, "whole_fraction")
        sheet.skip()
    sheet.cell(0, None, "group")
    sheet.cell(1, _("Whole plan"), "group")
    sheet.cell(2, summary.tasks, "count")
    for offset, status_count in enumerate(summary.by_status):
        sheet.cell(3 + offset, status_count.tasks, "count")
    sheet.cell(3 + len(statuses), summary.mean_percent, "whole_fraction")
    sheet.skip()
    sheet.line([_("Tasks overdue at the end of the period"), None, summary.overdue], "count")
    sheet.skip()
    _reporting(sheet, summary.reporting, summary.reporting_total)


def _reporting(sheet: Sheet, lines: list[ReportingLine], total: ReportingLine | None) -> None:
    sheet.line([f"2. {_('Reporting: completeness and timeliness')}"], "section")
    sheet.line(
        [
            None,
            _("Reporting period"),
            _("Reports due on"),
            _("Reports due"),
            _("Submitted"),
            _("On time"),
            _("Completeness (%)"),
            _("Timeliness (%)"),
            _("Agencies with reports missing"),
        ],
        "header",
    )
    for line in [*lines, *([total] if total else [])]:
        sheet.cell(0, None)
        sheet.cell(1, line.period)
        sheet.cell(2, line.due_on)
        for column, count in enumerate((line.expected, line.submitted, line.on_time), start=3):
            sheet.cell(column, count, "count")
        sheet.cell(6, line.completeness, "fraction")
        sheet.cell(7, line.timeliness, "fraction")
        sheet.cell(8, line.agencies_missing, "count")
        sheet.skip()
    sheet.skip()


def _tasks(sheet: Sheet, document: PeriodicReport) -> None:
    sheet.line([f"II. {_('Results by content group')}".upper()], "section")
    header_row = sheet.row
    sheet.line(
        [
            _("No."),
            _("Task"),
            _("Lead agency"),
            _("Status"),
            _("Percent done (%)"),
            _("Results reported in the period"),
            _("Period of that report"),
            _("Due on"),
            _("Overdue"),
        ],
        "header",
    )
    sheet.sheet.repeat_rows(header_row)
    for section in document.sections:
        sheet.merged(0, 8, f"{section.number}. {section.title}", "group")
        sheet.skip()
        for task in section.listed:
            sheet.cell(0, task.number, "count")
            sheet.cell(1, f"{task.code} {task.title}")
            sheet.cell(2, task.lead_agency)
            sheet.cell(3, task.status_label)
            sheet.cell(4, task.percent_done, "count")
            sheet.cell(5, task.narrative)
            sheet.cell(6, task.narrative_period)
            sheet.cell(7, task.due_on)
            sheet.cell(8, task.overdue)
            sheet.skip()
        for copied in section.copied:
            _coverage(sheet, copied)
    sheet.skip()


def _coverage(sheet: Sheet, copied: CopiedTask) -> None:
    """A task copied to every ward or commune: who reported, as in the document."""
    copies = ngettext(
        "(one task for each of %(copies)s ward or commune)",
        "(one task for each of %(copies)s wards and communes)",
        copied.copies,
    ) % {"copies": copied.copies}
    sheet.cell(0, None, "cell")
    sheet.merged(1, 8, f"{copied.code} {copied.title} {copies}", "group")
    sheet.skip()
    for line in copied.coverage:
        sheet.cell(0, None, "cell")
        sheet.cell(1, f"{line.label} ({copied.period})" if copied.period else line.label)
        sheet.cell(2, len(line.agencies), "count")
        names = ", ".join(line.agencies) or "—"
        sheet.merged(3, 8, names, "cell", 15 * (1 + len(names) // 90))
        sheet.skip()


def _indicators(sheet: Sheet, document: PeriodicReport) -> None:
    sheet.line([f"III. {_('Indicators')}".upper()], "section")
    sheet.line(
        [
            _("Code"),
            _("Indicator"),
            _("Unit"),
            _("Baseline year"),
            _("Baseline"),
            _("Target year"),
            _("Target"),
            _("Year of the value"),
            _("Value"),
            _("Expected on the trajectory"),
            _("Status"),
            _("Source"),
        ],
        "header",
    )
    for line in document.indicators:
        style = sheet.numbers(line)
        baseline, target, value = line.baseline, line.target, line.value
        sheet.line(
            [
                line.code,
                line.name,
                line.unit_label,
                baseline.year if baseline else None,
                None,
                target.year if target else None,
                None,
                value.year if value else None,
                None,
                None,
                line.status_label,
                value.source_short if value else None,
            ]
        )
        sheet.row -= 1
        for column, number in ((4, baseline), (6, target)):
            sheet.cell(column, number.value if number else None, style)
        sheet.cell(8, value.value if value else None, style)
        sheet.cell(9, line.expected, style)
        sheet.skip()
    sheet.skip()


def _signatory(sheet: Sheet, document: PeriodicReport) -> None:
    signatory = document.signatory
    right = [signatory.authority, signatory.title, "", "", "", signatory.name]
    last = len(signatory.recipients) - 1
    left = [
        _("Recipients:"),
        *[f"- {name}{'.' if i == last else ';'}" for i, name in enumerate(signatory.recipients)],
    ]
    for index in range(max(len(left), len(right))):
        if index < len(left):
            sheet.merged(0, 2, left[index], "plain" if index else "centre_bold")
        if index < len(right) and right[index]:
            sheet.merged(5, 8, right[index], "centre_bold")
        sheet.skip()


def _print_setup(sheet: Sheet) -> None:
    page = sheet.sheet
    page.set_paper(A4)
    page.set_landscape()
    page.fit_to_pages(1, 0)
    page.set_margins(left=0.8, right=0.6, top=0.8, bottom=0.8)
    page.set_footer("&C&P / &N")


def _values_sheet(sheet: Sheet, document: PeriodicReport) -> None:
    for column, width in enumerate([18, 60, 14, 8, 22, 80]):
        sheet.sheet.set_column(column, column, width)
    sheet.line([_("Code"), _("Indicator"), _("Unit"), _("Year"), _("Value"), _("Source")], "header")
    sheet.sheet.repeat_rows(0)
    sheet.sheet.freeze_panes(1, 0)
    for line in document.indicators:
        style = sheet.numbers(line)
        for value in line.series:
            sheet.line([line.code, line.name, line.unit_label, value.year, None, value.source])
            sheet.row -= 1
            sheet.cell(4, value.value, style)
            sheet.skip()
    _print_setup(sheet)
