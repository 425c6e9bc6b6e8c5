"""The plan's kinds through the whole import: a real CSV or XLSX file, uploaded, read,
checked and confirmed as the pages and the command line do it."""

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from pytest_django.fixtures import Settings

from cnvh.exchange import service
from cnvh.exchange.models import ImportRecord
from cnvh.plan import values
from cnvh.plan.demo.catalogue import DATA
from cnvh.plan.models import Agency, ImportedValue, Indicator, Plan, Role, Task
from tests import factories
from tests.plan.imports.support import snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CNVH_TASKS_INLINE = True
    return tmp_path / "media"


def workbook(path: Path, title: str, header: list[str], rows: list[list[Any]]) -> Path:
    """An XLSX file as offices make them: a title row, a blank row, then the table."""
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Dữ liệu")
    dates = book.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(0, 0, [title])
    sheet.write_row(2, 0, header)
    for number, row in enumerate(rows, start=3):
        for position, cell in enumerate(row):
            if isinstance(cell, date):
                sheet.write_datetime(number, position, cell, dates)
            elif cell is not None:
                sheet.write(number, position, cell)
    book.close()
    return path


def import_file(user: Any, path: Path, kind: str) -> ImportRecord:
    record = service.start_import(user, SimpleUploadedFile(path.name, path.read_bytes()), kind)
    if record.status == ImportRecord.Status.CHECKED:
        record = service.confirm_import(user, record)
    return record


def test_agencies_from_an_xlsx_file(tmp_path: Path) -> None:
    city = factories.agency("ubnd-tp", kind="city")
    administrator = factories.user(Role.ADMINISTRATOR, city, name="quantri")
    path = workbook(
        tmp_path / "co-quan.xlsx",
        "DANH SÁCH CƠ QUAN THỰC HIỆN KẾ HOẠCH",
        [
            "Mã cơ quan",
            "Tên cơ quan",
            "Tên tiếng Anh",
            "Loại cơ quan",
            "Mã cơ quan cấp trên",
            "Hiệu lực từ ngày",
        ],
        [
            [
                "so-vhtt",
                "Sở Văn hóa và Thể thao",
                "Department of Culture and Sports",
                "Sở, ngành",
                "ubnd-tp",
                None,
            ],
            ["00004", "UBND Phường Ba Đình", None, "Phường", "ubnd-tp", date(2025, 7, 1)],
        ],
    )
    record = import_file(administrator, path, "agencies")
    assert record.status == ImportRecord.Status.IMPORTED, record.problems
    assert (record.rows_read, record.rows_saved) == (2, 2)
    ward = Agency.objects.get(code="00004")
    assert (ward.kind, ward.valid_from, ward.parent) == ("ward", date(2025, 7, 1), city)
    history = Agency.objects.get(code="so-vhtt").history.get()
    assert history.history_change_reason == f"import #{record.pk} co-quan.xlsx"
    assert history.history_user == administrator


def test_agencies_with_a_bad_row_save_nothing(tmp_path: Path) -> None:
    administrator = factories.user(Role.ADMINISTRATOR, name="quantri")
    path = tmp_path / "agencies.csv"
    path.write_text(
        "Agency code,Name (Vietnamese),Kind,Parent agency code\n"
        "so-a,Sở A,department,\n"
        "so-b,Sở B,department,so-khong-co\n",
        encoding="utf-8",
    )
    before = Agency.objects.count()
    record = import_file(administrator, path, "agencies")
    assert record.status == ImportRecord.Status.INVALID
    [problem] = record.problems
    assert (problem["file"], problem["row"], problem["column"]) == ("agencies.csv", 3, "parent")
    assert problem["header"] == "Parent agency code"
    assert "“so-khong-co”" in problem["what_vi"] and "“so-khong-co”" in problem["what_en"]
    assert Agency.objects.count() == before


def test_the_demo_tasks_file_through_the_import(demo: Plan) -> None:
    coordinator = factories.user(Role.COORDINATOR, Agency.objects.get(code="ubnd-tp"))
    path = DATA / "tasks.csv"
    codes = list(Task.objects.filter(code__regex=r"^\d\.\d$").values_list("code", flat=True))
    loaded = snapshot(codes)
    assert len(loaded) == 17
    Task.objects.filter(code__in=codes).delete()
    record = import_file(coordinator, path, "tasks")
    assert record.status == ImportRecord.Status.IMPORTED, record.problems
    assert (record.rows_read, record.rows_saved) == (17, 17)
    assert snapshot(codes) == loaded
    history = Task.objects.get(code="2.3").history.first()
    assert history is not None and history.history_change_reason == f"import #{record.pk} tasks.csv"


def test_tasks_with_unknown_references_save_nothing(demo: Plan, tmp_path: Path) -> None:
    coordinator = factories.user(Role.COORDINATOR, Agency.objects.get(code="ubnd-tp"))
    lines = (DATA / "tasks.csv").read_text(encoding="utf-8").splitlines()
    # Task 2.1: an unknown lead agency; task 2.2: ends before it starts.
    lines[2] = lines[2].replace("2.1,so-vhtt,", "2.1,so-van-hoa,")
    lines[3] = lines[3].replace("2025-01-01,2026-12-31", "2025-01-01,2024-12-31")
    path = tmp_path / "nhiem-vu.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    histories = Task.history.count()
    record = import_file(coordinator, path, "tasks")
    assert record.status == ImportRecord.Status.INVALID
    found = [(p["row"], p["column"], p["header"]) for p in record.problems]
    assert found == [(3, "lead", "lead"), (4, "due_on", "due_on")]
    assert "“so-van-hoa”" in record.problems[0]["what_en"]
    assert Task.history.count() == histories


@pytest.fixture
def visits(db: None) -> Indicator:
    return factories.indicator(
        "cultural-visits",
        unit="thousand visits",
        source=Indicator.Source.IMPORTED,
        disaggregations=["area"],
    )


def test_indicator_values_from_a_csv_with_vietnamese_numbers(
    visits: Indicator, tmp_path: Path
) -> None:
    statistician = factories.user(Role.STATISTICIAN, name="thongke")
    path = tmp_path / "nien-giam.csv"
    path.write_text(
        "Mã chỉ tiêu,Năm,Mã địa bàn,Giá trị,Nguồn số liệu\n"
        'cultural-visits,2023,,"1.234,5",Niên giám thống kê 2023\n'
        'cultural-visits,2024,,"1.300",Niên giám thống kê 2024\n'
        'cultural-visits,2024,00004,"120,25",Niên giám thống kê 2024\n',
        encoding="utf-8",
    )
    record = import_file(statistician, path, "indicator_values")
    assert record.status == ImportRecord.Status.IMPORTED, record.problems
    assert record.rows_saved == 3
    series = values.series(visits)
    assert [(v.year, v.value) for v in series] == [(2023, 1234.5), (2024, 1300.0)]
    assert series[0].imported is not None and series[0].imported.record == record
    assert [(v.key, v.value) for v in values.breakdown(visits, "area", 2024)] == [("00004", 120.25)]

    # The office's final figure for 2024, in an XLSX file: replaces, keeps the first.
    coordinator = factories.user(Role.COORDINATOR, name="dieuphoi")
    path = workbook(
        tmp_path / "chinh-thuc.xlsx",
        "Số liệu chính thức",
        ["Indicator code", "Year", "Value", "Unit"],
        [["cultural-visits", 2024, 1310.5, "thousand visits"]],
    )
    second = import_file(coordinator, path, "indicator_values")
    assert second.status == ImportRecord.Status.IMPORTED, second.problems
    assert [v.value for v in values.series(visits)] == [1234.5, 1310.5]
    replaced = ImportedValue.objects.get(current=False)
    assert (replaced.record, replaced.value, replaced.row) == (record, Decimal("1300"), 3)


def test_values_of_an_estimated_indicator_refused(visits: Indicator, tmp_path: Path) -> None:
    factories.indicator("cnvh-grdp-share")
    statistician = factories.user(Role.STATISTICIAN, name="thongke")
    path = workbook(
        tmp_path / "values.xlsx",
        "Share of GRDP",
        ["Indicator code", "Year", "Value"],
        [["cultural-visits", 2024, 1300], ["cnvh-grdp-share", 2024, 4.2]],
    )
    record = import_file(statistician, path, "indicator_values")
    assert record.status == ImportRecord.Status.INVALID
    [problem] = record.problems
    assert (problem["file"], problem["sheet"], problem["row"]) == ("values.xlsx", "Dữ liệu", 5)
    assert (problem["column"], problem["header"]) == ("indicator", "Indicator code")
    assert "not from imported files" in problem["what_en"]
    assert "không nhận giá trị nhập từ tệp" in problem["what_vi"]
    assert ImportedValue.objects.count() == 0


def test_importing_needs_the_permission(visits: Indicator) -> None:
    officer = factories.user(Role.OFFICER)
    content = (DATA / "tasks.csv").read_bytes()
    for kind in ("agencies", "tasks", "indicator_values"):
        with pytest.raises(PermissionDenied):
            service.start_import(officer, SimpleUploadedFile("tasks.csv", content), kind)
    assert ImportRecord.objects.count() == 0
