"""A statistics office's workbook, as such offices write them, to try the import with.

The demo's business data summed by year and industry code into the kind of table a
statistics office sends: title rows above the table, a unit line, a two-row header under
a merged group cell, Vietnamese headers, some figures typed as Vietnamese text
(`1.584.841,68`). The file the demo ships has three mistakes of the kinds people make
(a figure with two decimal commas, an industry code left out, a year typed with five
digits), so a statistician sees how the import reports them, fixes them and imports it.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import duckdb
import xlsxwriter

FILE_NAME = "tong-hop-theo-nganh-co-loi.xlsx"
HEADER_ROW = 4  # zero-based: the group header; the sub-headers are on the next row
# (data row index, column, wrong value): what the shipped file gets wrong.
MISTAKES = ((3, 2, "1.584.841,6,8"), (10, 1, None), (20, 0, "20255"))

# Value added where the unit reports it, else output less intermediate consumption;
# units that report only revenue are left out, as a table of full accounts would.
AGGREGATE_SQL = """
SELECT year, code,
       sum(coalesce(weight, 1) * coalesce(value_added, output - intermediate_consumption))
           AS value_added,
       sum(coalesce(weight, 1) * employment) AS employment,
       sum(coalesce(weight, 1)) AS establishments
FROM read_parquet(?)
WHERE coalesce(value_added, output - intermediate_consumption) IS NOT NULL
GROUP BY year, code
ORDER BY year, code
"""

Row = tuple[int, str, Decimal, Decimal, Decimal]


def aggregate_rows(units_parquet: Path) -> list[Row]:
    """Year, code, value added (million VND, 2 decimals), employment, establishments."""
    con = duckdb.connect()
    try:
        found = con.execute(AGGREGATE_SQL, [str(units_parquet)]).fetchall()
    finally:
        con.close()
    return [
        (int(year), str(code), _rounded(va, "0.01"), _rounded(emp, "1"), _rounded(n, "1"))
        for year, code, va, emp, n in found
    ]


def _rounded(value: float, places: str) -> Decimal:
    return Decimal(repr(value)).quantize(Decimal(places), rounding=ROUND_HALF_UP)


def vietnamese_number(value: Decimal) -> str:
    """1584841.68 -> "1.584.841,68": how the figure is typed in a Vietnamese sheet."""
    whole, _, fraction = f"{value:,.2f}".partition(".")
    return whole.replace(",", ".") + "," + fraction


def write_workbook(rows: list[Row], path: Path, *, with_mistakes: bool = True) -> Path:
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    # A fixed date keeps the file byte-identical from one run to the next.
    book.set_properties({"created": datetime.datetime(2026, 1, 15, 8, 0)})
    sheet = book.add_worksheet("Biểu 01")
    bold = book.add_format({"bold": True})
    head = book.add_format({"bold": True, "align": "center", "valign": "vcenter", "border": 1})
    sheet.write(0, 0, "DỮ LIỆU MẪU TỔNG HỢP (không phải số liệu chính thức)", bold)
    years = f"{rows[0][0]}-{rows[-1][0]}" if rows else ""
    sheet.write(1, 0, f"BIỂU TỔNG HỢP KẾT QUẢ SẢN XUẤT KINH DOANH THEO NGÀNH, {years}", bold)
    sheet.write(2, 0, "Đơn vị tính: triệu đồng")
    sheet.merge_range(HEADER_ROW, 0, HEADER_ROW + 1, 0, "Năm", head)
    sheet.merge_range(HEADER_ROW, 1, HEADER_ROW + 1, 1, "Mã ngành", head)
    sheet.merge_range(HEADER_ROW, 2, HEADER_ROW, 4, "Kết quả sản xuất kinh doanh", head)
    for column, title in enumerate(
        ("Giá trị tăng thêm (triệu đồng)", "Số lao động", "Số cơ sở"), start=2
    ):
        sheet.write(HEADER_ROW + 1, column, title, head)
    mistakes = {(row, column): value for row, column, value in MISTAKES} if with_mistakes else {}
    for index, (year, code, value_added, employment, establishments) in enumerate(rows):
        cells: list[object] = [
            year,
            code,
            vietnamese_number(value_added) if index % 7 == 0 else float(value_added),
            int(employment),
            int(establishments),
        ]
        for column, cell in enumerate(cells):
            written = mistakes.get((index, column), cell)
            if written is not None:
                sheet.write(HEADER_ROW + 2 + index, column, written)
    sheet.set_column(0, 1, 10)
    sheet.set_column(2, 4, 22)
    book.close()
    return path
