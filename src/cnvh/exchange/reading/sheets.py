"""Spreadsheets (XLSX, XLS, ODS) through python-calamine: the sheets, their merged
cells, and their rows numbered as the spreadsheet numbers them."""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from python_calamine import CalamineSheet, CalamineWorkbook, PasswordError

from .headers import Merge

Cell = Any  # str, float, int, bool, date, datetime, time or timedelta


@dataclass
class Sheet:
    name: str
    height: int
    merges: list[Merge]
    _sheet: CalamineSheet

    def rows(self) -> Iterator[tuple[int, list[Cell]]]:
        """(spreadsheet row number, cells from column A)."""
        start = self._sheet.start
        pad = [""] * (start[1] if start else 0)
        for index, cells in enumerate(self._sheet.iter_rows()):
            yield index + 1, pad + cells if pad else cells


class Workbook:
    """Raises `WorkbookError` when the file cannot be opened."""

    def __init__(self, path: Path) -> None:
        try:
            self._book = CalamineWorkbook.from_path(str(path))
        except PasswordError as error:
            raise WorkbookError("encrypted", str(error)) from error
        except Exception as error:  # calamine's errors share no useful base class
            raise WorkbookError("unreadable", _first_line(error)) from error
        visible = [
            meta.name
            for meta in self._book.sheets_metadata
            if str(meta.visible).endswith("Visible") and str(meta.typ).endswith("WorkSheet")
        ]
        self.names: list[str] = visible or list(self._book.sheet_names)

    def sheet(self, name: str) -> Sheet:
        try:
            sheet = self._book.get_sheet_by_name(name)
        except Exception as error:
            raise WorkbookError("unreadable", _first_line(error)) from error
        merges = [tuple(map(tuple, merge)) for merge in (sheet.merged_cell_ranges or [])]
        return Sheet(name, sheet.height, merges, sheet)  # type: ignore[arg-type]

    def close(self) -> None:
        self._book.close()


class WorkbookError(Exception):
    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return (text[0] if text else type(error).__name__)[:200]
