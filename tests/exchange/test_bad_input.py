"""One test per kind of bad input: each says where (file, sheet, row, column), what is
wrong and how to fix it, in Vietnamese and English, and nothing is saved."""

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pytest_django.fixtures import Settings

from cnvh.exchange import service
from cnvh.exchange.models import ImportRecord
from cnvh.exchange.reading.problems import Figure, ProblemLog

from .conftest import saved
from .files import UNITS, UNITS_HEADER, units_csv, workbook, write_csv

pytestmark = pytest.mark.django_db
MB = 1024 * 1024


def attempt(user: Any, media: Path, name: str, content: bytes, kind: str = "units") -> Any:
    """Uploads; asserts the import was refused and saved nothing; returns its problems."""
    before = saved(media)
    record = service.start_import(user, SimpleUploadedFile(name, content), kind)
    assert record.status == ImportRecord.Status.INVALID, record.problems
    assert record.problem_count >= 1 and record.problems
    with pytest.raises(service.ImportStateError):
        service.confirm_import(user, record)
    assert saved(media) == before
    for problem in record.problems:
        assert problem["file"] == Path(name).name
        for text in ("what_vi", "what_en", "fix_vi", "fix_en"):
            assert problem[text], (text, problem)
    return record.problems


def csv_bytes(tmp_path: Path, header: list[str], rows: list[list[Any]]) -> bytes:
    return write_csv(tmp_path / "data.csv", header, rows).read_bytes()


def test_a_missing_column(statistician: Any, media: Path, tmp_path: Path) -> None:
    header = [name for name in UNITS_HEADER if name != "code"]
    rows = [
        [cell for name, cell in zip(UNITS_HEADER, row, strict=True) if name != "code"]
        for row in UNITS
    ]
    [problem] = attempt(statistician, media, "units.csv", csv_bytes(tmp_path, header, rows))
    assert problem["what_en"] == "Missing column Industry code (code)"
    assert problem["what_vi"] == "Thiếu cột Mã ngành (code)"
    assert "'Mã ngành'" in problem["fix_vi"] and "'code'" in problem["fix_en"]


def test_a_number_that_is_not_one(statistician: Any, media: Path, tmp_path: Path) -> None:
    rows = [list(row) for row in UNITS]
    rows[1][5] = "5OO"  # letters O for zeros
    [problem] = attempt(statistician, media, "units.csv", csv_bytes(tmp_path, UNITS_HEADER, rows))
    assert (problem["row"], problem["column"], problem["header"]) == (3, "output", "output")
    assert problem["what_en"] == "'5OO' is not a number"
    assert problem["what_vi"] == "'5OO' không phải là số"
    assert "1.234.567,5" in problem["fix_vi"] and "1234567.5" in problem["fix_en"]


def test_a_row_with_more_cells_than_the_header(
    statistician: Any, media: Path, tmp_path: Path
) -> None:
    rows = [list(row) for row in UNITS]
    # 1.234.567,5 unquoted: the value added would be cut to 1.234.567 and the rest
    # shifted right; the cell pushed out past the header is an empty one.
    rows[0][4] = "1.234.567,5"
    lines = [",".join(str("" if cell is None else cell) for cell in row) for row in rows]
    content = "\r\n".join([",".join(UNITS_HEADER), *lines]) + "\r\n"
    [problem] = attempt(statistician, media, "units.csv", content.encode())
    width = len(UNITS_HEADER)
    assert problem["row"] == 2
    assert problem["what_en"] == (
        f"Row 2 has more cells than the header ({width + 1} cells, {width} columns)"
    )
    assert problem["what_vi"].startswith("Dòng 2 có nhiều ô hơn dòng tiêu đề")
    assert "double quotes" in problem["fix_en"] and "ngoặc kép" in problem["fix_vi"]


def test_numbers_too_long_for_their_column_are_named_with_the_others(
    statistician: Any, media: Path, tmp_path: Path
) -> None:
    # Each fits alone, but not together in one stored column; a year past 32 bits; and a
    # problem of another kind, which must still be listed.
    rows = [list(row) for row in UNITS]
    rows[0][4] = "1" + "0" * 25
    rows[1][4] = "0." + "0" * 20 + "1"
    rows[2][1] = "2999999999"
    rows[3][5] = "5OO"
    content = csv_bytes(tmp_path, UNITS_HEADER, rows)
    problems = attempt(statistician, media, "units.csv", content)
    found = {(p["row"], p["column"]): p["what_en"] for p in problems}
    assert found == {
        (2, "value_added"): f"'1{'0' * 25}' has too many digits (at most 20 before the "
        "decimal point and 18 after it)",
        (3, "value_added"): f"'0.{'0' * 20}1' has too many digits (at most 20 before the "
        "decimal point and 18 after it)",
        (4, "year"): "'2999999999' has too many digits (at most 9)",
        (5, "output"): "'5OO' is not a number",
    }
    assert all("Internal" not in p["what_en"] and "CSV Error" not in p["what_en"] for p in problems)


def test_a_date_that_is_not_one(administrator: Any, media: Path, tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "agencies.xlsx",
        [
            ["DANH SÁCH CƠ QUAN"],
            ["Mã cơ quan", "Tên cơ quan", "Loại", "Hiệu lực từ"],
            ["so-vhtt", "Sở Văn hóa và Thể thao", "department", "31/02/2024"],
        ],
        sheet="Cơ quan",
    )
    problems = attempt(administrator, media, "agencies.xlsx", path.read_bytes(), "agencies")
    problem = next(p for p in problems if p["column"] == "valid_from")
    assert (problem["sheet"], problem["row"], problem["header"]) == ("Cơ quan", 3, "Hiệu lực từ")
    assert problem["what_en"] == "'31/02/2024' is not a date"
    assert "dd/mm/yyyy" in problem["fix_vi"] and "dd/mm/yyyy" in problem["fix_en"]


def test_an_empty_required_cell(statistician: Any, media: Path, tmp_path: Path) -> None:
    rows = [list(row) for row in UNITS]
    rows[2][0] = None
    [problem] = attempt(statistician, media, "units.csv", csv_bytes(tmp_path, UNITS_HEADER, rows))
    assert (problem["row"], problem["column"]) == (4, "unit_id")
    assert problem["what_en"] == "Empty cell in a required column"
    assert problem["what_vi"] == "Ô trống ở cột bắt buộc"


def test_a_unit_twice_in_a_year(statistician: Any, media: Path, tmp_path: Path) -> None:
    rows: list[list[Any]] = [*UNITS, ["A", 2024, "5911", "00004", 5, None, None, None, 1, None]]
    [problem] = attempt(statistician, media, "units.csv", csv_bytes(tmp_path, UNITS_HEADER, rows))
    assert (problem["row"], problem["column"]) == (2, "unit_id")  # the first of the two
    assert problem["what_en"] == "Unit A has 2 rows for year 2024"
    assert problem["what_vi"] == "Đơn vị A có 2 dòng cho năm 2024"
    assert "merge or delete" in problem["fix_en"]


def test_an_unknown_industry_code(statistician: Any, media: Path, tmp_path: Path) -> None:
    rows = [list(row) for row in UNITS]
    rows[0][2] = "0050"
    [problem] = attempt(statistician, media, "units.csv", csv_bytes(tmp_path, UNITS_HEADER, rows))
    assert problem["column"] == "code"
    assert problem["what_en"] == "Industry code '0050' is not in VSIC2018"
    assert problem["what_vi"] == "Mã ngành '0050' không có trong VSIC2018"


def test_too_many_rows(statistician: Any, media: Path, tmp_path: Path, settings: Settings) -> None:
    settings.CNVH_IMPORT_MAX_ROWS = 3
    [problem] = attempt(
        statistician, media, "units.csv", units_csv(tmp_path / "u.csv").read_bytes()
    )
    assert problem["what_en"] == "The file has more than 3 data rows"
    assert "3" in problem["fix_vi"]


def test_too_big(statistician: Any, media: Path, tmp_path: Path, settings: Settings) -> None:
    settings.CNVH_IMPORT_MAX_BYTES = MB
    content = units_csv(tmp_path / "u.csv").read_bytes() + b"\n" * MB
    [problem] = attempt(statistician, media, "units.csv", content)
    assert problem["what_en"] == "The file is 1.0 MB, over the limit of 1.0 MB"
    assert problem["what_vi"] == "Tệp lớn 1,0 MB, vượt giới hạn 1,0 MB"
    assert "Parquet" in problem["fix_vi"]
    assert not list(media.rglob("*.csv"))  # refused before it was stored


def zip_bomb() -> bytes:
    """An "XLSX" of 200 KB that would unpack to 200 MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (200 * MB))
    return buffer.getvalue()


def test_a_zip_bomb(statistician: Any, media: Path) -> None:
    bomb = zip_bomb()
    assert len(bomb) < MB
    [problem] = attempt(statistician, media, "units.xlsx", bomb)
    assert "xl/worksheets/sheet1.xml" in problem["what_en"]
    assert "zip bomb" in problem["what_en"] and "bom nén" in problem["what_vi"]


def test_a_workbook_that_unpacks_to_too_much(
    statistician: Any, media: Path, tmp_path: Path, settings: Settings
) -> None:
    settings.CNVH_IMPORT_MAX_UNZIPPED_BYTES = 1000
    path = workbook(tmp_path / "u.xlsx", [UNITS_HEADER, *UNITS])
    [problem] = attempt(statistician, media, "units.xlsx", path.read_bytes())
    assert "unpacks to" in problem["what_en"] and "giải nén" in problem["what_vi"]


@pytest.mark.parametrize(
    ("name", "content", "english"),
    [
        ("units.exe", b"MZ\x90\x00", "Files of type '.exe' are not accepted"),
        ("units", b"unit_id,year\n", "Files of type 'units' are not accepted"),
        ("units.xlsx", b"unit_id,year,code\nA,2024,5911\n", "named .xlsx but holds text"),
        ("units.csv", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "named .csv but holds binary"),
        ("units.xls", b"<html><table><tr><td>1</td></tr></table></html>", "holds HTML"),
        ("units.parquet", b"PAR1 not really", "named .parquet but holds"),
    ],
)
def test_a_wrong_file_type(
    statistician: Any, media: Path, name: str, content: bytes, english: str
) -> None:
    [problem] = attempt(statistician, media, name, content)
    assert english in problem["what_en"]
    assert "CSV" in problem["fix_vi"] or "XLSX" in problem["fix_vi"]


def test_an_encoding_that_is_not_recognised(statistician: Any, media: Path) -> None:
    content = "mã_ngành,năm\n5911,2024\n北京,2024\n".encode("gb18030")
    [problem] = attempt(statistician, media, "units.csv", content)
    assert "neither UTF-8 nor Windows-1258" in problem["what_en"]
    assert "CSV UTF-8" in problem["fix_vi"]


def test_an_empty_file(statistician: Any, media: Path) -> None:
    [problem] = attempt(statistician, media, "units.csv", b"")
    assert problem["what_en"] == "The file is empty (0 bytes)"
    assert problem["what_vi"] == "Tệp rỗng (0 byte)"


def test_a_header_without_rows(statistician: Any, media: Path, tmp_path: Path) -> None:
    [problem] = attempt(statistician, media, "units.csv", csv_bytes(tmp_path, UNITS_HEADER, []))
    assert problem["what_en"] == "The file has no data rows under its header"


def test_no_header(statistician: Any, media: Path) -> None:
    [problem] = attempt(statistician, media, "units.csv", b"a,b,c\n1,2,3\n")
    assert "No header row found" in problem["what_en"]
    assert "unit_id, year, code" in problem["what_en"]
    assert "tiêu đề" in problem["fix_vi"]


def test_two_columns_for_the_same_thing(statistician: Any, media: Path, tmp_path: Path) -> None:
    header = [*UNITS_HEADER, "Doanh thu"]
    rows = [[*row, 1] for row in UNITS]
    problems = attempt(statistician, media, "units.csv", csv_bytes(tmp_path, header, rows))
    assert problems[0]["what_en"] == "Two columns are both revenue: 'revenue' and 'Doanh thu'"


def test_money_columns_in_different_units(statistician: Any, media: Path, tmp_path: Path) -> None:
    header = ["unit_id", "year", "code", "value_added (tỷ đồng)", "revenue (triệu đồng)"]
    content = csv_bytes(tmp_path, header, [["A", 2024, "5911", 1, 2]])
    [problem] = attempt(statistician, media, "units.csv", content)
    assert problem["what_en"] == "The money columns state different units: billion VND, million VND"


def test_a_sheet_that_does_not_exist(statistician: Any, media: Path, tmp_path: Path) -> None:
    path = workbook(tmp_path / "u.xlsx", [UNITS_HEADER, *UNITS], sheet="Data")
    before = saved(media)
    record = service.start_import(
        statistician, SimpleUploadedFile("u.xlsx", path.read_bytes()), "units", sheet="2024"
    )
    assert record.status == ImportRecord.Status.INVALID
    assert record.problems[0]["what_en"] == "There is no sheet '2024'; the file has: Data"
    assert saved(media) == before


def test_totals_twice_for_a_year(statistician: Any, media: Path, tmp_path: Path) -> None:
    content = csv_bytes(tmp_path, ["year", "grdp"], [[2024, 100], [2024, 120]])
    [problem] = attempt(statistician, media, "totals.csv", content, "totals")
    assert problem["row"] == 2
    assert problem["what_en"] == "There are 2 total rows for year 2024"


def test_aggregates_twice_for_a_year_and_code(
    statistician: Any, media: Path, tmp_path: Path
) -> None:
    header = ["year", "code", "value_added"]
    rows = [[2024, "5911", 1000], [2024, "7310", 300], [2024, "5911", 1000]]
    content = csv_bytes(tmp_path, header, rows)
    [problem] = attempt(statistician, media, "aggregates.csv", content, "aggregates")
    assert (problem["row"], problem["column"]) == (4, "code")
    assert problem["what_en"] == (
        "Year 2024, code 5911 is given 2 times (rows 2, 4); kept, they would be added up"
    )


def test_scope_shares_over_one(statistician: Any, media: Path, tmp_path: Path) -> None:
    content = csv_bytes(
        tmp_path, ["code", "sector", "share"], [["5911", "cinema", "0,6"], ["5911", "tv", "0,6"]]
    )
    [problem] = attempt(statistician, media, "scope.csv", content, "scope")
    assert problem["what_en"] == "The shares of code 5911 add up to 1.2, more than 1 (rows 2, 3)"


def test_crosswalk_weights_that_do_not_add_up(
    statistician: Any, media: Path, tmp_path: Path
) -> None:
    content = csv_bytes(
        tmp_path, ["old_area", "new_area", "weight"], [["001", "00004", 0.5], ["001", "00008", 0.4]]
    )
    [problem] = attempt(statistician, media, "crosswalk.csv", content, "area_crosswalk")
    assert (problem["row"], problem["column"]) == (2, "weight")
    assert problem["what_en"] == "The split weights of 001 add up to 0.9, not 1"


def test_figures_in_each_languages_style() -> None:
    log = ProblemLog("units.csv")
    log.report("too_many_rows", limit=Figure(1_000_000))
    log.report("too_big", size=Figure(12_345.6, 1), limit=Figure(2048, 1))
    rows, size = log.items
    assert rows["what_vi"] == "Tệp có hơn 1.000.000 dòng dữ liệu"
    assert rows["what_en"] == "The file has more than 1,000,000 data rows"
    assert size["what_vi"] == "Tệp lớn 12.345,6 MB, vượt giới hạn 2.048,0 MB"
    assert size["what_en"] == "The file is 12,345.6 MB, over the limit of 2,048.0 MB"
