"""A table for download: its columns, rows, and what the file is."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone

# Display formats of the XLSX cells. They change only how a number is shown; the
# cell keeps the stored figure at full precision.
WHOLE = "#,##0"
DECIMAL = "#,##0.00"
FRACTION = "0.00%"
DATE = "yyyy-mm-dd"
DATETIME = "yyyy-mm-dd hh:mm"


@dataclass(frozen=True)
class Column:
    title: str
    display: str | None = None  # an Excel number format, for numbers and dates
    width: int | None = None


def columns(*titles: str | Column) -> list[Column]:
    return [title if isinstance(title, Column) else Column(title) for title in titles]


@dataclass
class Table:
    """`name` is the file name without extension (ASCII: codes and numbers only);
    `title` says what the file is; `source` where its figures come from."""

    name: str
    title: str
    columns: list[Column]
    rows: Sequence[Sequence[object]]
    source: str
    synthetic: bool = False
    notes: list[str] = field(default_factory=list)
    generated_at: datetime = field(default_factory=timezone.now)
    address: str = ""  # the page or address the file was downloaded from

    @property
    def header(self) -> list[str]:
        return [column.title for column in self.columns]
