"""One column's cells -> typed values, with a problem for each cell that cannot be read
and a note, for the preview, on how the column was read."""

import datetime
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..kinds import Column, Value
from . import dates, numbers
from .numbers import Style, Written
from .problems import ProblemLog

Note = tuple[str, str]  # Vietnamese, English


def is_empty(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def as_text(cell: Any) -> str:
    """A cell as a person reads it: 5911.0 from a spreadsheet is "5911"."""
    if isinstance(cell, str):
        text = cell.strip()
        return text if text.isascii() else unicodedata.normalize("NFC", text)
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, float | Decimal):
        number = numbers.from_float(cell) if isinstance(cell, float) else cell
        return numbers.plain_text(number)
    if isinstance(cell, datetime.datetime) and cell.time() == datetime.time():
        cell = cell.date()
    if isinstance(cell, datetime.date | datetime.datetime):
        return cell.isoformat()
    return str(cell).strip()


@dataclass
class NumberCells:
    """The text cells of a number column, as written, and what they show of the style."""

    written: list[Written | None]
    shown: dict[str, int] = field(default_factory=dict)  # "vi"/"en"/"ambiguous" -> count
    example: dict[str, str] = field(default_factory=dict)  # a cell of each kind

    @classmethod
    def of(cls, cells: Sequence[Any]) -> "NumberCells":
        found = cls([None] * len(cells))
        shown = found.shown
        for index, cell in enumerate(cells):
            if not isinstance(cell, str):
                continue
            text = cell.strip()
            if text and text not in numbers.NIL:
                number = numbers.written(text)
                found.written[index] = number
                kind = number.kind
                if kind not in {"plain", "bad"}:
                    shown[kind] = shown.get(kind, 0) + 1
                    found.example.setdefault(kind, text)
        return found

    @property
    def styles(self) -> set[str]:
        return {kind for kind in ("vi", "en") if self.shown.get(kind)}


@dataclass(frozen=True)
class StyleChoice:
    style: Style | None  # None: the column mixes both styles; ambiguous cells are problems
    note: Note | None


def choose_style(cells: NumberCells, file_styles: set[str], delimiter: str | None) -> StyleChoice:
    """How the ambiguous cells of a column (1.234, 1,234) are read, and why."""
    own = cells.styles
    if len(own) == 2:
        return StyleChoice(None, None)
    ambiguous = cells.shown.get("ambiguous", 0)
    if len(own) == 1:
        style: Style = "vi" if "vi" in own else "en"
        reason = (
            f"các ô khác của cột ghi như '{cells.example[style]}'",
            f"other cells of the column are written like '{cells.example[style]}'",
        )
    elif len(file_styles) == 1:
        style = "vi" if "vi" in file_styles else "en"
        reason = (
            "các cột khác của tệp ghi số theo kiểu đó",
            "the file's other columns write numbers so",
        )
    elif delimiter in {",", ";"}:
        style = "en" if delimiter == "," else "vi"
        reason = (
            f"tệp CSV phân cách bằng '{delimiter}'",
            f"the CSV file is delimited by '{delimiter}'",
        )
    else:
        style = "vi"
        reason = (
            "không ô nào của tệp cho biết cách ghi; mặc định kiểu Việt Nam",
            "no cell of the file shows the style; the Vietnamese way is the default",
        )
    if not ambiguous:
        return StyleChoice(style, _style_note(style) if own else None)
    sample = cells.example["ambiguous"]
    read = numbers.plain_text(numbers.value(numbers.written(sample), style))
    return StyleChoice(
        style,
        (
            f"Các ô như '{sample}' ({ambiguous} ô) được đọc là {read} vì {reason[0]}",
            f"Cells like '{sample}' ({ambiguous}) were read as {read} because {reason[1]}",
        ),
    )


def _style_note(style: Style) -> Note:
    if style == "vi":
        return (
            "số ghi kiểu Việt Nam (1.234.567,5)",
            "numbers written the Vietnamese way (1.234.567,5)",
        )
    return ("số ghi kiểu tiếng Anh (1,234,567.5)", "numbers written the English way (1,234,567.5)")


def convert(
    column: Column,
    cells: Sequence[Any],
    rows: Sequence[int],
    problems: ProblemLog,
    style: StyleChoice | None = None,
    number_cells: NumberCells | None = None,
) -> list[Value]:
    """The column's values (None for an empty cell); problems for the unreadable."""
    values: list[Value] = [None] * len(cells)
    name = column.name
    for index, cell in enumerate(cells):
        if is_empty(cell) or (column.type in {"integer", "decimal"} and _nil(cell)):
            if column.required:
                problems.report("empty_required", row=rows[index], column=name)
            continue
        if column.type in {"integer", "decimal"}:
            written = number_cells.written[index] if number_cells else None
            values[index] = _number(column, cell, written, style, rows[index], problems)
        elif column.type == "date":
            values[index] = _date(cell, rows[index], name, problems)
        else:
            values[index] = as_text(cell)
    return values


def _nil(cell: Any) -> bool:
    return isinstance(cell, str) and cell.strip() in numbers.NIL


def _number(
    column: Column,
    cell: Any,
    written: Written | None,
    style: StyleChoice | None,
    row: int,
    problems: ProblemLog,
) -> Value:
    whole = column.type == "integer"
    number: Decimal | None
    if written is not None:
        number = _from_written(written, style, whole, cell, row, column.name, problems)
        if number is None:
            return None
    elif isinstance(cell, bool | datetime.date | datetime.time):
        number = None
    elif isinstance(cell, float):
        number = numbers.from_float(cell)
    elif isinstance(cell, int | Decimal):
        number = Decimal(cell)
    else:
        number = None
    if number is None or not number.is_finite():
        problems.report("bad_number", row=row, column=column.name, value=as_text(cell))
        return None
    if whole and number != number.to_integral_value():
        problems.report("not_whole", row=row, column=column.name, value=as_text(cell))
        return None
    if _too_long(column, number, cell, row, problems):
        return None
    return int(number) if whole else number


def _too_long(column: Column, number: Decimal, cell: Any, row: int, problems: ProblemLog) -> bool:
    """Checked here, with the row and column of the file: past this point a number too
    long for its stored column would fail deep in the saving, unnamed."""
    if column.type == "integer":
        limit = numbers.integer_too_long(int(number), column.name)
        if limit is not None:
            problems.report(
                "too_many_digits", row=row, column=column.name, value=as_text(cell), digits=limit
            )
        return limit is not None
    if numbers.too_long(number):
        problems.report(
            "decimal_too_long",
            row=row,
            column=column.name,
            value=as_text(cell),
            whole=numbers.WHOLE_DIGITS,
            places=numbers.DECIMAL_PLACES,
        )
        return True
    return False


def _from_written(
    written: Written,
    style: StyleChoice | None,
    whole: bool,
    cell: Any,
    row: int,
    name: str,
    problems: ProblemLog,
) -> Decimal | None:
    if written.kind == "bad":
        problems.report("bad_number", row=row, column=name, value=as_text(cell))
        return None
    if written.kind == "ambiguous" and not whole and (style is None or style.style is None):
        thousands, decimal = numbers.alternatives(written)
        problems.report(
            "ambiguous_number",
            row=row,
            column=name,
            value=written.digits,
            thousands=numbers.plain_text(thousands),
            decimal=numbers.plain_text(decimal),
            decimal_vi=numbers.plain_text(decimal).replace(".", ","),
        )
        return None
    return numbers.value(written, (style.style if style else None) or "vi", whole)


def _date(cell: Any, row: int, name: str, problems: ProblemLog) -> Value:
    found = dates.from_cell(cell)
    if found is None:
        problems.report("bad_date", row=row, column=name, value=as_text(cell))
    return found


def examples(cells: Sequence[Any], count: int = 3) -> list[str]:
    """The first distinct values of a column as written, for the preview."""
    found: list[str] = []
    for cell in cells:
        if not is_empty(cell):
            text = as_text(cell)
            if text not in found:
                found.append(text[:60])
                if len(found) == count:
                    break
    return found
