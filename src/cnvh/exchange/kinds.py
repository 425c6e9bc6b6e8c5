"""What an import kind is: the columns it reads and how it checks and saves its rows.

The reading layer (files, sheets, headers, Vietnamese numbers and dates) turns a file
into `Row`s of typed values under canonical column names; a kind then checks those rows
against the database and, when the whole file is clean, saves them inside the import's
transaction. Kinds live with the data they save (engine inputs here, plan data in
`cnvh.plan.imports`), so each app keeps its own rules and messages.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal, Protocol, runtime_checkable

if TYPE_CHECKING:
    from cnvh.exchange.models import ImportRecord

# text: stripped string; code: stripped string, an Excel number 12.0 read as "12";
# integer / decimal: Vietnamese (1.234.567,5) or English (1,234,567.5) numbers;
# date: dd/mm/yyyy, yyyy-mm-dd or an Excel serial.
ColumnType = Literal["text", "code", "integer", "decimal", "date"]
Value = str | int | Decimal | datetime.date | None


@dataclass(frozen=True)
class Column:
    name: str  # canonical, e.g. "lead_agency"
    type: ColumnType
    required: bool
    # Headers accepted, written as `cnvh.stats.columns.plain` writes them:
    # "Mã cơ quan chủ trì" -> "ma_co_quan_chu_tri". The canonical name is always accepted.
    aliases: tuple[str, ...]
    title_vi: str
    title_en: str


@dataclass(frozen=True)
class Row:
    """One row of the file. `values` holds every column of the kind: None for an empty
    cell, and for a column the file does not have. A money unit written in a money
    column's header ("Doanh thu (tỷ đồng)") is the value of a kind's `unit` column in
    every row that leaves it empty."""

    number: int  # the row a person sees: spreadsheet row, CSV line, Parquet record + 1
    values: dict[str, Value]  # canonical name -> parsed value; None when the cell is empty


class Problems(Protocol):
    """Where a kind reports what is wrong. `row` and `column` (canonical name) say where;
    both texts say what is wrong and how to fix it, in Vietnamese and in English."""

    def add(
        self,
        *,
        row: int | None,
        column: str | None,
        what_vi: str,
        what_en: str,
        fix_vi: str,
        fix_en: str,
    ) -> None: ...


class Kind(Protocol):
    key: str  # "tasks", "units", ...
    title_vi: str
    title_en: str
    columns: tuple[Column, ...]
    permission: str  # the `rules` permission needed to import it, e.g. "plan.import_tasks"

    def check(self, rows: Sequence[Row], problems: Problems) -> None:
        """Checks that need the database or several rows (codes that exist, duplicates).
        Writes nothing."""

    def save(self, rows: Sequence[Row], record: "ImportRecord") -> int:
        """Saves the rows; called inside the import's transaction, only when no problem
        was found. Returns the number of rows saved."""


@runtime_checkable
class ChecksImporter(Protocol):
    """A kind whose rows also depend on who imports them (an agency's officer imports
    only their own agency's rows)."""

    def check_importer(self, rows: Sequence[Row], problems: Problems, user: Any) -> None:
        """After `check`, with the person who started the import (None for the server's
        own command line, which is trusted). Writes nothing."""
