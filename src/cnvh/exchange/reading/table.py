"""A file -> its table -> typed `Row`s under the kind's canonical column names.

This layer needs no Django: the CLI, the web pages and a notebook read files the same
way. What it cannot read it reports, every problem at once, and reads on.
"""

import gc
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cnvh.stats.columns import MONEY
from cnvh.stats.money import canonical_unit, unit_key

from ..kinds import Column, Row, Value
from . import cell_values
from .headers import SEARCH_ROWS, Header, HeaderRows, Matcher, Merge, find
from .limits import Limits, check_file
from .problems import Figure, ProblemLog
from .sources import open_source

Progress = Callable[[str, float], None]


@dataclass
class ColumnReport:
    """How one column of the file was understood, for the preview."""

    position: int
    header: str
    name: str | None  # None: ignored
    type: str = ""
    title_vi: str = ""
    title_en: str = ""
    unit: str | None = None
    examples: list[str] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "position": self.position,
            "header": self.header,
            "name": self.name,
            "type": self.type,
            "title_vi": self.title_vi,
            "title_en": self.title_en,
            "unit": self.unit,
            "examples": self.examples,
            "notes": [list(note) for note in self.notes],
        }


@dataclass
class Reading:
    rows: list[Row] = field(default_factory=list)
    columns: list[ColumnReport] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def found(self) -> frozenset[str]:
        """The kind's columns the file has."""
        return frozenset(report.name for report in self.columns if report.name)

    def unit_of(self, name: str) -> str | None:
        return next((r.unit for r in self.columns if r.name == name), None)


def read_file(
    path: Path,
    name: str,
    columns: Sequence[Column],
    problems: ProblemLog,
    *,
    limits: Limits,
    sheet: str | None = None,
    progress: Progress | None = None,
) -> Reading:
    """Reads `path` (uploaded as `name`) as a table of `columns`."""
    reading = Reading()
    file_format = check_file(path, name, limits, problems)
    if file_format is None:
        return reading
    reading.facts["format"] = file_format
    matcher = Matcher(columns)
    with collector_paused():
        source = open_source(path, file_format, matcher, sheet, limits, problems)
        if source is None:
            return reading
        reading.facts.update(source.facts)
        problems.sheet = source.facts.get("sheet", "")
        try:
            _read_table(reading, source.head, source.rest, source.merges, matcher, problems, limits)
        finally:
            source.close()
    if progress:
        progress("read", 1.0)
    return reading


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused: a file read makes millions of objects
    and no cycles, and the collector would walk them all again and again (it took
    close to half the time of reading a large file)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_table(
    reading: Reading,
    head: list[tuple[int, list[Any]]],
    rest: Iterator[tuple[int, list[Any]]],
    merges: Sequence[Merge],
    matcher: Matcher,
    problems: ProblemLog,
    limits: Limits,
) -> None:
    texts = [[cell_values.as_text(cell) for cell in cells] for _, cells in head[:SEARCH_ROWS]]
    found = find(texts, matcher, merges)
    if found is None:
        required = [c.name for c in matcher.columns.values() if c.required]
        problems.report("no_header", rows=SEARCH_ROWS, columns=", ".join(required))
        return
    reading.facts["header_rows"] = [head[found.first + i][0] for i in range(found.count)]
    reading.facts["title_rows"] = found.first
    headers = _usable_headers(found, matcher, problems)
    problems.headers = {h.name: h.text for h in headers.values() if h.name}
    data = itertools.chain(head[found.first + found.count :], rest)
    # In a CSV file a cell past the header is a separator written inside a cell: its
    # row would be read shifted or cut. A spreadsheet's cells cannot spill like that.
    width = _header_width(head, found) if "delimiter" in reading.facts else None
    numbers, cells = _data_rows(data, limits, problems, width)
    reading.facts["rows"] = len(numbers)
    if not numbers and not problems:
        problems.report("no_rows")
    reading.columns = _columns(found, headers, matcher, cells, numbers, reading, problems)
    for column in matcher.columns.values():
        if column.required and column.name not in reading.found:
            _missing(column, problems)


def _usable_headers(found: HeaderRows, matcher: Matcher, problems: ProblemLog) -> dict[int, Header]:
    """Header by position; a second column naming the same thing is a problem."""
    usable: dict[int, Header] = {}
    first: dict[str, Header] = {}
    for header in found.headers:
        if header.name and header.name in first:
            problems.report(
                "duplicate_column",
                name=header.name,
                first=first[header.name].text,
                second=header.text,
            )
            continue
        if header.name:
            first[header.name] = header
        usable[header.position] = header
    return usable


def _header_width(head: list[tuple[int, list[Any]]], found: HeaderRows) -> int:
    """The cells of the header's record (of the longer one, for a two-row header)."""
    return max(len(head[found.first + offset][1]) for offset in range(found.count))


def _data_rows(
    data: Iterable[tuple[int, list[Any]]],
    limits: Limits,
    problems: ProblemLog,
    width: int | None = None,
) -> tuple[list[int], list[list[Any]]]:
    """The rows that are not blank; with `width`, a row with more cells is a problem,
    even if the cells past it are empty: 1.234.567,5 unquoted in a row whose last cells
    are empty pushes only an empty cell out."""
    numbers: list[int] = []
    rows: list[list[Any]] = []
    for number, cells in data:
        if _blank(cells):
            continue
        if width is not None and len(cells) > width:
            problems.report("too_many_cells", row=number, count=len(cells), width=width)
        if len(numbers) == limits.max_rows:
            problems.report("too_many_rows", limit=Figure(limits.max_rows))
            break
        numbers.append(number)
        rows.append(cells)
    return numbers, rows


def _blank(cells: list[Any]) -> bool:
    try:
        return not "".join(cells).strip()  # a CSV record: text only, and the fast way
    except TypeError:
        return all(cell_values.is_empty(cell) for cell in cells)


def _columns(
    found: HeaderRows,
    headers: dict[int, Header],
    matcher: Matcher,
    rows: list[list[Any]],
    numbers: list[int],
    reading: Reading,
    problems: ProblemLog,
) -> list[ColumnReport]:
    by_position = {
        position: [cells[position] if position < len(cells) else "" for cells in rows]
        for position, header in headers.items()
        if header.text or any(len(cells) > position for cells in rows[:50])
    }
    # From here on, each column's cells are let go once read: a large file's raw cells,
    # the numbers as written and the typed values never all live at once.
    rows.clear()
    numbered = {
        position: cell_values.NumberCells.of(by_position[position])
        for position, header in headers.items()
        if header.name
        and position in by_position
        and matcher.columns[header.name].type in {"integer", "decimal"}
    }
    file_styles = set().union(*(found_cells.styles for found_cells in numbered.values()))
    delimiter = reading.facts.get("delimiter")
    values: dict[str, list[Value]] = {}
    reports = []
    for position in list(by_position):
        column_cells = by_position.pop(position)
        header = headers[position]
        report = ColumnReport(position, header.text or f"#{position + 1}", header.name)
        report.examples = cell_values.examples(column_cells)
        if header.name:
            column = matcher.columns[header.name]
            report.type, report.unit = column.type, header.unit
            report.title_vi, report.title_en = column.title_vi, column.title_en
            choice = None
            written = numbered.pop(position, None)
            if written is not None:
                choice = cell_values.choose_style(written, file_styles, delimiter)
                if choice.note:
                    report.notes.append(choice.note)
            values[header.name] = cell_values.convert(
                column, column_cells, numbers, problems, choice, written
            )
        del column_cells
        reports.append(report)
    if "unit" in matcher.columns:
        _header_unit(values, reports, numbers, problems)
    else:
        _scaled_header_refused(reports, problems)
    names = [column.name for column in matcher.columns.values()]
    reading.rows = [
        Row(number, {name: values[name][index] if name in values else None for name in names})
        for index, number in enumerate(numbers)
    ]
    return reports


def _header_unit(
    values: dict[str, list[Value]],
    reports: list[ColumnReport],
    numbers: list[int],
    problems: ProblemLog,
) -> None:
    """A unit written in money headers ("Doanh thu (tỷ đồng)") is the unit of every
    row, for a kind that keeps a row's unit; the headers and the rows must agree."""
    stated = {unit_key(r.unit): r.unit for r in reports if r.name in MONEY and r.unit}
    if len(stated) > 1:
        problems.report("mixed_units", units=", ".join(sorted(stated.values())))
        return
    if not stated:
        return
    unit = next(iter(stated.values()))
    cells = values.setdefault("unit", [None] * len(numbers))
    for index, cell in enumerate(cells):
        if cell is None:
            cells[index] = unit
        elif unit_key(str(cell)) != unit_key(unit):
            problems.report(
                "mixed_units", row=numbers[index], column="unit", units=f"{unit}, {cell}"
            )


SCALED_VND = {"thousand VND", "million VND", "billion VND", "trillion VND"}


def _scaled_header_refused(reports: list[ColumnReport], problems: ProblemLog) -> None:
    """A kind that keeps no row's unit takes amounts in đồng: "Vốn (tỷ đồng)" read as
    đồng would be a thousand million times too small, so it is refused, never guessed."""
    for report in reports:
        if report.name and report.unit and canonical_unit(report.unit) in SCALED_VND:
            problems.report(
                "scaled_unit_not_taken", column=report.name, header=report.header, unit=report.unit
            )


def _missing(column: Column, problems: ProblemLog) -> None:
    headers = ", ".join(
        f"'{alias}'" for alias in [column.title_vi, column.name, *column.aliases][:4]
    )
    problems.report(
        "missing_column",
        column=None,
        name=column.name,
        title_vi=column.title_vi,
        title_en=column.title_en,
        headers=headers,
    )
