"""Models from a workbook through the import machinery: a real CSV with Vietnamese
headers and a real XLSX (xlsxwriter) with English ones; all or nothing, each bad cell
named by row and column in Vietnamese and English."""

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from django.core.files.uploadedfile import SimpleUploadedFile
from pytest_django.fixtures import Settings

from cnvh.brightspots.models import BrightSpot, Result
from cnvh.exchange import service
from cnvh.exchange.models import ImportRecord
from tests import factories
from tests.brightspots.conftest import City


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CNVH_TASKS_INLINE = True


def import_file(user: Any, path: Path) -> ImportRecord:
    upload = SimpleUploadedFile(path.name, path.read_bytes())
    record = service.start_import(user, upload, "brightspots")
    if record.status == ImportRecord.Status.CHECKED:
        record = service.confirm_import(user, record)
    return record


CSV_HEADER = (
    "Tên mô hình,Cấp,Lĩnh vực,Loại chủ thể,Mã cơ quan chủ trì,Mã số thuế,Chủ thể,"
    "Mã phường, xã,Năm bắt đầu,Mã nhiệm vụ,Năm kết quả,Chỉ tiêu kết quả,Đơn vị tính,Giá trị\n"
).replace("Mã phường, xã", '"Mã phường, xã"')


def test_a_csv_with_vietnamese_headers(city: City, tmp_path: Path) -> None:
    factories.task(lead=city.department, code="1.2")
    path = tmp_path / "mo-hinh.csv"
    path.write_text(
        CSV_HEADER + "Không gian sáng tạo phố cổ,ward,Thiết kế,Doanh nghiệp,,0100109106,"
        'Công ty TNHH Sáng tạo,phuong-a,2022,1.2,2025,Lượt khách,lượt,"1.234.567"\n'
        "Phố sách,Sở ngành,publishing,Cơ quan,so-vhtt,,,phuong-b,2019,,,,,\n",
        encoding="utf-8",
    )
    record = import_file(city.coordinator, path)
    assert record.status == ImportRecord.Status.IMPORTED, record.problems
    assert (record.rows_read, record.rows_saved) == (2, 2)
    space = BrightSpot.objects.get(name_vi="Không gian sáng tạo phố cổ")
    assert (space.level, space.sector, space.host_kind, space.host_tax_code) == (
        "ward",
        "design",
        "enterprise",
        "0100109106",
    )
    assert space.task is not None
    assert (space.ward, space.start_year, space.task.code) == (city.ward, 2022, "1.2")
    assert space.created_by == city.coordinator
    result = Result.objects.get(spot=space)
    assert (result.year, result.value, result.unit) == (2025, Decimal(1234567), "lượt")
    books = BrightSpot.objects.get(name_vi="Phố sách")
    assert (books.level, books.host_agency, books.ward) == (
        "department",
        city.department,
        city.other_ward,
    )
    assert books.history.get().history_change_reason.startswith(f"import #{record.pk}")


def test_an_xlsx_with_english_headers(city: City, tmp_path: Path) -> None:
    path = tmp_path / "models.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Models")
    header = ["Model (Vietnamese)", "Model (English)", "Level", "Sector", "Host kind"]
    sheet.write_row(0, 0, [*header, "Host", "Ward or commune code", "Start year"])
    sheet.write_row(1, 0, ["Gốm Bát Tràng", "Bat Trang pottery", "Individual", "Crafts"])
    sheet.write_row(1, 4, ["Person", "Nguyễn Văn An", "phuong-a", 2015])
    book.close()
    record = import_file(city.coordinator, path)
    assert record.status == ImportRecord.Status.IMPORTED, record.problems
    spot = BrightSpot.objects.get()
    assert (spot.name_en, spot.level, spot.sector, spot.host_kind, spot.host_name) == (
        "Bat Trang pottery",
        "individual",
        "crafts",
        "person",
        "Nguyễn Văn An",
    )


def test_bad_rows_are_named_and_nothing_is_saved(city: City, tmp_path: Path) -> None:
    path = tmp_path / "sai.csv"
    path.write_text(
        CSV_HEADER
        # Row 2: good.
        + "Tốt,ward,design,Cá nhân,,,Nguyễn Văn B,phuong-a,2020,,,,,\n"
        # Row 3: an unknown ward, an unknown plan task, a wrong tax code.
        "Sai,ward,design,Doanh nghiệp,,0100109107,Công ty X,phuong-z,2020,9.9,,,,\n"
        # Row 4: an unknown level and sector, a result without its value.
        "Sai nữa,quận,chiêm tinh,Tổ chức,,,Hội X,,2020,,2024,Lượt khách,lượt,\n"
        # Row 5: a department given as the ward, an agency host without its code.
        "Sai ba,city,design,Cơ quan,,,,so-vhtt,2020,,,,,\n",
        encoding="utf-8",
    )
    record = import_file(city.coordinator, path)
    assert record.status == ImportRecord.Status.INVALID
    found = sorted((p["row"], p["column"]) for p in record.problems)
    assert found == [
        (3, "host_tax_code"),
        (3, "task"),
        (3, "ward"),
        (4, "level"),
        (4, "result_value"),
        (4, "sector"),
        (5, "host_agency"),
        (5, "ward"),
    ]
    ward = next(p for p in record.problems if (p["row"], p["column"]) == (3, "ward"))
    assert ward["what_vi"] == "Không có phường, xã mã “phuong-z”."
    assert ward["what_en"] == "No ward or commune with the code “phuong-z”."
    assert ward["header"] == "Mã phường, xã"
    task = next(p for p in record.problems if p["column"] == "task")
    assert "“9.9”" in task["what_vi"] and task["what_en"] == "No plan task with the code “9.9”."
    assert not BrightSpot.objects.exists()
