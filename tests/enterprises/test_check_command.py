"""`cnvh enterprises check FILE` on real CSV and XLSX files: exit 0 when clean, 1 with
every problem named by row and column in Vietnamese and English, 2 for a wrong command;
the same checks as the import, and nothing saved."""

from pathlib import Path

import pytest
import xlsxwriter
from django.core.management import call_command
from django.core.management.base import CommandError

from cnvh.enterprises.models import Enterprise

pytestmark = pytest.mark.django_db


def check(path: Path, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, str]:
    try:
        call_command("enterprises", "check", str(path), *options)
    except CommandError as error:
        return error.returncode, capsys.readouterr().out
    return 0, capsys.readouterr().out


def test_a_clean_csv_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "register.csv"
    path.write_text(
        "tax_code,name,vsic_code,area\n"
        "0100233488,Công ty Sơn mài Hạ Thái,3290,00004\n"
        "0100233488-001,Chi nhánh Hoàn Kiếm,74.10,00008\n",
        encoding="utf-8",
    )
    assert check(path, capsys, "--lang", "en") == (0, "No problem found in register.csv.\n")
    assert not Enterprise.objects.exists()


def test_problems_are_listed_by_row_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "register.csv"
    path.write_text(
        "tax_code,name,vsic_code,area\n"
        "0100233488,Công ty A,5920,00004\n"
        "100233488,Công ty B,0000,99999\n"
        "0100233489,,5920,00004\n",
        encoding="utf-8",
    )
    status, out = check(path, capsys)
    assert status == 1
    lines = out.splitlines()
    # Each problem in Vietnamese, then in English; rows as the spreadsheet counts them.
    assert lines[0] == (
        "- register.csv, dòng 3, cột tax_code: Mã số “100233488” thiếu một chữ số: có thể số 0"
        " ở đầu đã bị bỏ. Cách sửa: Định dạng cột mã số là văn bản (Text) và ghi đủ số 0 ở"
        " đầu, ví dụ 0100233488."
    )
    assert lines[1].startswith("  register.csv, row 3, column tax_code: The code “100233488”")
    english = [line for line in lines if line.startswith("  ")]
    assert [line.split(":")[0].strip() for line in english] == [
        "register.csv, row 3, column tax_code",
        "register.csv, row 3, column vsic_code",
        "register.csv, row 3, column area",
        "register.csv, row 4, column name",
        "register.csv, row 4, column tax_code",
    ]
    assert len(lines) == 10


def test_an_xlsx_with_vietnamese_headers_and_a_title_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "dang-ky.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Doanh nghiệp")
    text = book.add_format({"num_format": "@"})
    sheet.write_row(0, 0, ["DANH SÁCH DOANH NGHIỆP CÔNG NGHIỆP VĂN HÓA"])
    sheet.write_row(1, 0, ["Mã số thuế", "Tên doanh nghiệp", "Mã ngành", "Mã phường xã"])
    sheet.write_string(2, 0, "0100233488", text)
    sheet.write_row(2, 1, ["Công ty Gốm Bát Tràng", 2393, "00004"])
    # A code typed as a number loses its leading zero; a former commune divided.
    sheet.write_number(3, 0, 101234565)
    sheet.write_row(3, 1, ["Công ty Lụa Vạn Phúc", "1399", "00004"])
    book.close()
    status, out = check(path, capsys, "--lang", "en")
    assert status == 1
    assert out.splitlines()[0].startswith(
        "- dang-ky.xlsx, sheet Doanh nghiệp, row 4, column Mã số thuế: The code “101234565”"
        " lacks a digit"
    )
    assert len(out.splitlines()) == 2

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Doanh nghiệp")
    sheet.write_row(0, 0, ["Mã số thuế", "Tên doanh nghiệp", "Mã ngành", "Mã phường xã"])
    sheet.write_row(1, 0, ["0101234565", "Công ty Lụa Vạn Phúc", "1399", "00004"])
    book.close()
    assert check(path, capsys)[0] == 0


def test_a_missing_column_and_a_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "register.csv"
    path.write_text("tax_code,name,vsic_code\n0100233488,Công ty A,5920\n", encoding="utf-8")
    status, out = check(path, capsys, "--lang", "en")
    assert status == 1
    assert out.splitlines()[0] == (
        "- register.csv: Missing column Ward code (ward). Fix: Add a column headed, for"
        " example: 'Mã phường xã', 'ward', 'area', 'dia_ban'."
    )
    assert check(tmp_path / "nothing.csv", capsys)[0] == 2
