"""A table as CSV and as XLSX: the same rows, numbers at full precision, and text a
spreadsheet would run as a formula neutralised in both."""

import csv
import io
import re
import zipfile
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.utils import translation
from python_calamine import CalamineWorkbook

from cnvh.presentation.tables import Column, Table, columns, table_response
from cnvh.presentation.tables.table import FRACTION

DANGEROUS = ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\t=x", "\r=x"]


def read_xlsx(content: bytes) -> dict[str, list[list[Any]]]:
    """Every sheet of the workbook, as calamine reads it."""
    book = CalamineWorkbook.from_filelike(io.BytesIO(content))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def data_rows(content: bytes) -> list[list[Any]]:
    """The data sheet (the second): header first."""
    return list(read_xlsx(content).values())[1]


def read_csv(response: Any) -> list[list[str]]:
    """A downloaded CSV file (a response, or its bytes): UTF-8 with a byte-order mark."""
    content = response if isinstance(response, bytes) else response.content
    body = content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


def sheet_xml(content: bytes, number: int) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return archive.read(f"xl/worksheets/sheet{number}.xml").decode()


def quote_prefixed_styles(content: bytes) -> set[int]:
    """Indexes of the cell styles that carry Excel's quote prefix (text stays text)."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        styles = archive.read("xl/styles.xml").decode()
    cell_xfs = re.search(r"<cellXfs[^>]*>(.*?)</cellXfs>", styles, re.S)
    assert cell_xfs is not None
    xfs = re.findall(r"<xf [^>]*?/?>", cell_xfs.group(1))
    return {index for index, xf in enumerate(xfs) if 'quotePrefix="1"' in xf}


def table(rows: list[list[object]], **fields: Any) -> Table:
    fields.setdefault("source", "Test source")
    return Table(
        name="test-table",
        title="A test table",
        columns=[Column("Share (fraction)", FRACTION), *columns("Text", "Day", "Count")],
        rows=rows,
        **fields,
    )


def test_numbers_read_back_exactly_at_full_precision() -> None:
    rows: list[list[object]] = [
        [0.1 + 0.2, "a", date(2024, 12, 31), 7],
        [1 / 3, "b", None, Decimal("-3.5000")],
        [25_060_000.000000004, "c", None, 12_345_678_901],
    ]
    xlsx = data_rows(table_response(table(rows), "xlsx").content)
    # xlsxwriter on its own writes 16 digits: 0.30000000000000004 would come back 0.3.
    assert xlsx[1][0] == 0.30000000000000004
    assert xlsx[2][0] == 1 / 3
    assert xlsx[3][0] == 25_060_000.000000004
    assert xlsx[1][2] == date(2024, 12, 31)
    assert [row[3] for row in xlsx[1:]] == [7.0, -3.5, 12_345_678_901.0]
    text = read_csv(table_response(table(rows), "csv"))
    assert [float(row[0]) for row in text[1:]] == [row[0] for row in rows]
    assert text[1][2] == "2024-12-31"
    assert text[2][3] == "-3.5000"


@pytest.mark.parametrize("dangerous", DANGEROUS)
def test_text_that_would_run_as_a_formula_is_neutralised_in_both_formats(dangerous: str) -> None:
    made = table([[0.5, dangerous, None, -1], [0.5, "safe", None, 1]])
    assert read_csv(table_response(made, "csv"))[1][1] == "'" + dangerous
    content = table_response(made, "xlsx").content
    # The text comes back as written, as text, never as a formula...
    rows = data_rows(content)
    assert rows[1][1] == dangerous
    assert rows[1][3] == -1.0  # a negative number is a number
    assert "<f>" not in sheet_xml(content, 2)
    # ... and carries the quote prefix, so it stays text when someone edits the cell.
    cells = dict(re.findall(r'<c r="([A-Z]+\d+)" s="(\d+)" t="s"', sheet_xml(content, 2)))
    prefixed = quote_prefixed_styles(content)
    assert int(cells["B2"]) in prefixed
    assert "B3" not in cells or int(cells["B3"]) not in prefixed


def test_the_first_sheet_says_what_the_file_is() -> None:
    rows: list[list[object]] = [[0.5, "x", None, 1]]
    made = table(rows, synthetic=True, notes=["=a note"], address="http://testserver/x")
    with translation.override("en"):
        sheets = read_xlsx(table_response(made, "xlsx").content)
    names = list(sheets)
    assert names == ["About", "Data"]
    about = {row[0]: row[1] for row in sheets["About"]}
    assert about["What this file is"] == "A test table"
    assert about["Source"] == "Test source"
    assert about["Data"] == "Synthetic demo data — not official statistics"
    assert about["Rows"] == "1"
    assert about["Downloaded from"] == "http://testserver/x"
    assert about["Note"] == "=a note"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(Asia/Ho_Chi_Minh\)", about["Generated"])
    with translation.override("vi"):
        vietnamese = read_xlsx(table_response(made, "xlsx").content)
    assert list(vietnamese) == ["Giới thiệu", "Dữ liệu"]
    assert vietnamese["Giới thiệu"][0][0] == "Tệp này là gì"


def test_real_data_is_not_called_synthetic() -> None:
    with translation.override("en"):
        sheets = read_xlsx(table_response(table([[0.5, "x", None, 1]]), "xlsx").content)
    about = {row[0]: row[1] for row in sheets["About"]}
    assert "Synthetic" not in about["Data"]


def test_file_names_and_types() -> None:
    made = table([[0.5, "x", None, 1]])
    xlsx = table_response(made, "xlsx")
    assert xlsx["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert xlsx["Content-Disposition"] == 'attachment; filename="test-table.xlsx"'
    assert table_response(made, "csv")["Content-Disposition"] == (
        'attachment; filename="test-table.csv"'
    )
    with pytest.raises(ValueError, match="unknown table format"):
        table_response(made, "ods")
