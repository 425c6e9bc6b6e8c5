"""Real files for the import tests, written as people's programs write them: Excel
workbooks by xlsxwriter (title rows, merged headers, Vietnamese numbers, dates), CSV
files in UTF-8 with and without a byte-order mark and in Windows-1258, and workbooks
saved by LibreOffice."""

import csv
import datetime
import io
import shutil
import subprocess
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import xlsxwriter

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

# The README's worked example (million VND): under hanoi-plan, A's 1,000 gives cinema 500
# and broadcasting 500; B's value added is 500 - 300 = 200, of which cuisine counts 20%,
# 40; C reports only revenue, imputed with D's ratio 2 x 90 / (2 x 300) = 0.3: 120; D
# counts twice (weight 2): 180. Advertising is 300, the total 1,340: 1.34% of GRDP.
UNITS_HEADER = [
    "unit_id",
    "year",
    "code",
    "area",
    "value_added",
    "output",
    "intermediate_consumption",
    "revenue",
    "employment",
    "weight",
]
UNITS = [
    ["A", 2024, "59.11", "00004", 1000, None, None, None, 10, None],
    ["B", 2024, "5610", "00004", None, 500, 300, None, 20, None],
    ["C", 2024, "7310", "00008", None, None, None, 400, 4, None],
    ["D", 2024, "7310", "00008", 90, None, None, 300, 3, 2],
]
TOTAL_SCOPE = 1340.0
GRDP = 100_000
# The same units under the headers a Vietnamese office writes.
VIETNAMESE_HEADER = [
    "Mã số thuế",
    "Năm",
    "Mã ngành",
    "Mã xã",
    "Giá trị tăng thêm",
    "Giá trị sản xuất",
    "Chi phí trung gian",
    "Doanh thu",
    "Số lao động",
    "Quyền số",
]
PLAIN_HEADER = [
    "Ma so thue",
    "NAM",
    "ma nganh",
    "Ma xa",
    "Gia tri tang them",
    "Gia tri san xuat",
    "Chi phi trung gian",
    "Doanh thu",
    "So lao dong",
    "Quyen so",
]


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
    above: Sequence[str] = (),
) -> Path:
    buffer = io.StringIO()
    for line in above:
        buffer.write(line + "\r\n")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([["" if cell is None else cell for cell in row] for row in rows])
    text = buffer.getvalue()
    path.write_bytes(windows_1258(text) if encoding == "cp1258" else text.encode(encoding))
    return path


TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def windows_1258(text: str) -> bytes:
    """Text as Windows writes it in its Vietnamese code page: the letters with a hat, a
    breve or a horn whole (â, ă, ơ, ...), the five tone marks as separate characters."""
    written = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            written += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = list(unicodedata.normalize("NFD", char))
        letter = unicodedata.normalize("NFC", base + "".join(m for m in marks if m not in TONES))
        written += (letter + "".join(m for m in marks if m in TONES)).encode("cp1258")
    return bytes(written)


def units_csv(path: Path, **options: Any) -> Path:
    return write_csv(path, UNITS_HEADER, UNITS, **options)


def totals_csv(path: Path, grdp: int = GRDP, year: int = 2024) -> Path:
    return write_csv(path, ["year", "grdp"], [[year, grdp]])


def vietnamese_units_xlsx(
    path: Path,
    header: Sequence[str] = VIETNAMESE_HEADER,
    rows: Sequence[Sequence[Any]] = UNITS,
) -> Path:
    """The README's units as a Vietnamese office's workbook: a title and a unit line above
    the table, header cells merged over two rows, the money columns grouped under a merged
    cell, numbers typed as text the Vietnamese way, and a date column."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Số liệu 2024")
    book.add_worksheet("Ghi chú").write("A1", "Không có dữ liệu ở trang này")
    sheet.merge_range("A1:K1", "BÁO CÁO KẾT QUẢ SẢN XUẤT KINH DOANH NĂM 2024")
    sheet.write("A2", "Đơn vị tính: triệu đồng")
    for column, name in enumerate(header[:4]):
        sheet.merge_range(3, column, 4, column, name)
    sheet.merge_range(3, 4, 3, 7, "Chỉ tiêu giá trị (triệu đồng)")
    for column in range(4, 8):
        sheet.write(4, column, header[column])
    sheet.merge_range(3, 8, 4, 8, header[8])
    sheet.merge_range(3, 9, 4, 9, header[9])
    sheet.merge_range(3, 10, 4, 10, "Ngày báo cáo")
    dated = book.add_format({"num_format": "dd/mm/yyyy"})
    for offset, row in enumerate(rows):
        line = 5 + offset
        for column, cell in enumerate(row):
            if cell is None:
                continue
            if column in {4, 5, 6, 7} and isinstance(cell, int):
                sheet.write_string(line, column, f"{cell:,}".replace(",", "."))
            else:
                sheet.write(line, column, cell)
        sheet.write_datetime(line, 10, datetime.datetime(2025, 3, 31), dated)
    book.close()
    return path


def workbook(path: Path, rows: Sequence[Sequence[Any]], sheet: str = "Sheet1") -> Path:
    """A plain workbook: `rows` from A1, numbers as numbers, text as text."""
    book = xlsxwriter.Workbook(str(path))
    page = book.add_worksheet(sheet)
    for line, row in enumerate(rows):
        for column, cell in enumerate(row):
            if cell is not None:
                page.write(line, column, cell)
    book.close()
    return path


def convert_with_libreoffice(source: Path, target_format: str, folder: Path) -> Path:
    """`soffice --headless --convert-to` in a profile of its own (several may run)."""
    assert SOFFICE is not None
    profile = folder / "lo-profile"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            target_format,
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    converted = folder / f"{source.stem}.{target_format.split(':', maxsplit=1)[0]}"
    assert converted.is_file(), f"LibreOffice wrote no {converted}"
    return converted
