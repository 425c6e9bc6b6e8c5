"""Excel workbooks as offices write them, read into the engine's units: title rows,
header cells merged over two rows, money columns under a merged group cell, Vietnamese
headers with and without accents, numbers typed as text the Vietnamese way, dates."""

import datetime
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cnvh.exchange.engine_inputs.columns import role_columns
from cnvh.exchange.kinds import Column
from cnvh.exchange.models import ImportRecord
from cnvh.exchange.reading import Limits, ProblemLog, read_file
from cnvh.stats import EstimateOptions, estimate, load_scope

from .files import GRDP, PLAIN_HEADER, TOTAL_SCOPE, totals_csv, vietnamese_units_xlsx, workbook

UNITS = role_columns("units")


def read(path: Path, columns: tuple[Column, ...] = UNITS, **options: Any) -> tuple:
    problems = ProblemLog(path.name)
    return read_file(path, path.name, columns, problems, limits=Limits(), **options), problems


def test_the_table_under_title_rows_and_merged_headers_is_found(tmp_path: Path) -> None:
    reading, problems = read(vietnamese_units_xlsx(tmp_path / "bao-cao.xlsx"))
    assert not problems, problems.items
    assert reading.facts["sheet"] == "Số liệu 2024"  # the sheet whose header fits
    assert reading.facts["sheets"] == ["Số liệu 2024", "Ghi chú"]
    assert reading.facts["header_rows"] == [4, 5]
    assert reading.facts["title_rows"] == 3
    headers = {column.header: column.name for column in reading.columns}
    assert headers["Mã số thuế"] == "unit_id"
    assert headers["Chỉ tiêu giá trị (triệu đồng) / Giá trị tăng thêm"] == "value_added"
    assert headers["Chỉ tiêu giá trị (triệu đồng) / Doanh thu"] == "revenue"
    assert headers["Ngày báo cáo"] is None  # not a column of units: shown as ignored
    assert reading.unit_of("value_added") == "million VND"


def test_vietnamese_numbers_typed_as_text_and_numbers_as_numbers(tmp_path: Path) -> None:
    reading, _ = read(vietnamese_units_xlsx(tmp_path / "bao-cao.xlsx"))
    first, second, _, fourth = reading.rows
    assert first.number == 6  # the spreadsheet's own row
    assert first.values["value_added"] == Decimal(1000)  # "1.000"
    assert first.values["code"] == "59.11"
    assert first.values["area"] == "00004"
    assert first.values["unit"] == "million VND"  # from the group header
    assert second.values["output"] == Decimal(500)
    assert fourth.values["weight"] == Decimal(2)
    assert fourth.values["year"] == 2024
    note = next(c for c in reading.columns if c.name == "value_added").notes[0]
    assert "Cells like '1.000' (1) were read as 1000" in note[1]


def test_headers_without_accents_in_any_case(tmp_path: Path) -> None:
    reading, problems = read(vietnamese_units_xlsx(tmp_path / "khong-dau.xlsx", PLAIN_HEADER))
    assert not problems
    assert {column.name for column in reading.columns} >= {
        "unit_id",
        "year",
        "code",
        "area",
        "value_added",
        "employment",
        "weight",
    }


DATED = (
    Column("code", "code", True, ("ma",), "Mã", "Code"),
    Column("reported_on", "date", True, ("ngay_bao_cao",), "Ngày báo cáo", "Reported on"),
)


def test_dates_as_dd_mm_yyyy_text_as_date_cells_and_as_serial_numbers(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "ngay.xlsx",
        [
            ["Danh sách báo cáo"],
            [],
            ["Mã", "Ngày báo cáo"],
            ["a", "05/03/2024"],
            ["b", 45356],
            ["c", "2024-03-05"],
        ],
    )
    reading, problems = read(path, DATED)
    assert not problems
    assert [row.values["reported_on"] for row in reading.rows] == [datetime.date(2024, 3, 5)] * 3
    assert [row.number for row in reading.rows] == [4, 5, 6]


def test_a_sheet_asked_for_by_name(tmp_path: Path) -> None:
    path = vietnamese_units_xlsx(tmp_path / "bao-cao.xlsx")
    reading, problems = read(path, sheet="Ghi chú")
    assert not reading.rows
    assert problems.items[0]["sheet"] == "Ghi chú"
    assert "No header row found" in problems.items[0]["what_en"]


@pytest.mark.django_db
def test_the_workbook_estimates_as_the_readme_computes_by_hand(
    imported: Callable[..., ImportRecord], tmp_path: Path
) -> None:
    units = imported(vietnamese_units_xlsx(tmp_path / "bao-cao.xlsx"), "units")
    totals = imported(totals_csv(tmp_path / "totals.csv"), "totals")
    assert (units.status, totals.status) == ("imported", "imported")
    dataset = units.dataset
    assert dataset.rows == 4 and dataset.years == [2024] and dataset.unit == "million VND"
    result = estimate(
        load_scope("hanoi-plan"),
        units=dataset.path,
        totals=totals.dataset.path,
        options=EstimateOptions(),
    )
    total = next(row for row in result.rows if row.sector is None)
    assert total.value_added == pytest.approx(TOTAL_SCOPE, rel=1e-12)
    assert total.share == pytest.approx(TOTAL_SCOPE / GRDP, rel=1e-12)
    by_sector = {row.sector: row.value_added for row in result.rows if row.sector}
    assert by_sector["advertising"] == pytest.approx(300.0)
    assert by_sector["cuisine"] == pytest.approx(40.0)
