"""Finding a table's header and what each of its columns means.

Administrative spreadsheets put a title, a date and a unit above the table, merge a
header cell over the rows or columns it heads, and group columns under a merged cell
("Giá trị (triệu đồng)" above "Giá trị tăng thêm" and "Doanh thu"). The header is the
first row that names enough of the kind's columns; a row of sub-headers under it, or a
row of merged group cells above it, is read with it.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from cnvh.stats.columns import plain
from cnvh.stats.money import split_header_unit

from ..kinds import Column

SEARCH_ROWS = 30
Merge = tuple[tuple[int, int], tuple[int, int]]  # (first row, first column), (last ...), 0-based


@dataclass(frozen=True)
class Header:
    position: int  # the column's place in the file, 0-based
    text: str  # as written; "group / sub-header" for two rows
    name: str | None  # the canonical column, None when the kind does not use it
    unit: str | None  # a money unit written in the header: "Doanh thu (tỷ đồng)"


@dataclass(frozen=True)
class HeaderRows:
    first: int  # index of the first header row among the rows searched
    count: int  # 1 or 2
    headers: list[Header]


class Matcher:
    """Headers as written -> the kind's canonical columns, with or without diacritics."""

    def __init__(self, columns: Sequence[Column]) -> None:
        self.columns = {column.name: column for column in columns}
        self.lookup: dict[str, str] = {}
        for column in columns:
            names = (column.name, *column.aliases, column.title_vi, column.title_en)
            for alias in names:
                self.lookup.setdefault(plain(alias), column.name)

    def match(self, text: str) -> tuple[str | None, str | None]:
        """(canonical column or None, unit written in the header or None)."""
        base, unit = split_header_unit(text)
        name = self.lookup.get(plain(base))
        if name is None:
            return self.lookup.get(plain(text)), None
        return name, unit

    def needed(self) -> int:
        """How many columns a row must name to be the header."""
        required = sum(1 for column in self.columns.values() if column.required)
        return max(1, min(2, required or len(self.columns)))


def fill_merged(rows: list[list[str]], merges: Sequence[Merge]) -> list[list[str]]:
    """Each cell of a merged range holds the range's text, as a person reads it."""
    filled = [list(row) for row in rows]
    for (top, left), (bottom, right) in merges:
        if top >= len(filled) or not filled[top][left : left + 1]:
            continue
        text = filled[top][left]
        for row in range(top, min(bottom, len(filled) - 1) + 1):
            width = len(filled[row])
            if width <= right:
                filled[row].extend([""] * (right + 1 - width))
            for column in range(left, right + 1):
                filled[row][column] = text
    return filled


def _names(row: Sequence[str], matcher: Matcher) -> list[str | None]:
    return [matcher.match(cell)[0] if cell else None for cell in row]


def _score(names: Sequence[str | None]) -> int:
    return len({name for name in names if name})


def find(
    rows: list[list[str]], matcher: Matcher, merges: Sequence[Merge] = ()
) -> HeaderRows | None:
    """The header among the first rows of a sheet or file (cells as text), or None."""
    filled = fill_merged(rows[:SEARCH_ROWS], merges)
    for index, row in enumerate(filled):
        names = _names(row, matcher)
        if _score(names) < matcher.needed():
            continue
        below = filled[index + 1] if index + 1 < len(filled) else []
        combined = _combine(row, below, matcher)
        if below and _score([h.name for h in combined]) > _score(names):
            return HeaderRows(index, 2, combined)
        if index > 0 and _groups_above(index, row, merges):
            return HeaderRows(index - 1, 2, _combine(filled[index - 1], row, matcher))
        return HeaderRows(index, 1, _combine(row, [], matcher))
    return None


def _groups_above(index: int, row: Sequence[str], merges: Sequence[Merge]) -> bool:
    """Whether the row above holds a merged group cell over some of the columns (a
    title merged over the whole table is not a group)."""
    width = sum(1 for cell in row if cell)
    return any(
        top == index - 1 == bottom and 1 < right - left + 1 < width
        for (top, left), (bottom, right) in merges
    )


def _combine(upper: Sequence[str], lower: Sequence[str], matcher: Matcher) -> list[Header]:
    """One header per column from a header row and the sub-header row under it: the
    sub-header names the column when it can, and a unit may be written in either."""
    headers = []
    for position in range(max(len(upper), len(lower))):
        top = upper[position].strip() if position < len(upper) else ""
        bottom = lower[position].strip() if position < len(lower) else ""
        name, unit = matcher.match(bottom) if bottom else (None, None)
        if name is None and top:
            name, unit = matcher.match(top)
        if name is not None and unit is None and top and top != bottom:
            unit = split_header_unit(top)[1]
        text = " / ".join(part for part in dict.fromkeys([top, bottom]) if part)
        headers.append(Header(position, text, name, unit))
    return headers
