"""The register from a business-registration workbook: a real XLSX (xlsxwriter) and a
CSV through the import machinery; all or nothing; rows merged by tax code, never by name."""

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from django.core.files.uploadedfile import SimpleUploadedFile
from pytest_django.fixtures import Settings

from cnvh.enterprises.entries import enterprise_by_tax_code
from cnvh.enterprises.models import Enterprise
from cnvh.exchange import service
from cnvh.exchange.models import ImportRecord

pytestmark = pytest.mark.django_db

HEADER = [
    "Mã số thuế",
    "Tên doanh nghiệp",
    "Loại hình",
    "Ngành chính",
    "Ngành khác",
    "Mã phường xã",
    "Ngày thành lập",
]


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CNVH_TASKS_INLINE = True


def workbook(path: Path, rows: list[list[Any]]) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("DN")
    dates = book.add_format({"num_format": "dd/mm/yyyy"})
    text = book.add_format({"num_format": "@"})
    sheet.write_row(0, 0, ["DANH SÁCH DOANH NGHIỆP ĐĂNG KÝ"])
    sheet.write_row(2, 0, HEADER)
    for number, row in enumerate(rows, start=3):
        for position, cell in enumerate(row):
            if isinstance(cell, date):
                sheet.write_datetime(number, position, cell, dates)
            elif cell is not None:
                sheet.write_string(number, position, str(cell), text)
    book.close()
    return path


def import_file(user: Any, path: Path) -> ImportRecord:
    upload = SimpleUploadedFile(path.name, path.read_bytes())
    record = service.start_import(user, upload, "enterprises")
    if record.status == ImportRecord.Status.CHECKED:
        record = service.confirm_import(user, record)
    return record


def test_an_xlsx_workbook_fills_the_register(coordinator: Any, tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "dang-ky-kinh-doanh.xlsx",
        [
            [
                "0100233488",
                "Công ty Sơn mài Hạ Thái",
                "Công ty TNHH",
                "3290",
                "9000",
                "00004",
                date(2015, 3, 9),
            ],
            [
                "0100233488-001",
                "Chi nhánh Sơn mài Hạ Thái",
                "Doanh nghiệp",
                "4773",
                None,
                "00001",
                None,
            ],
            ["001085012345", "Hộ kinh doanh Gốm Minh", "Hộ kinh doanh", "23.93", None, None, None],
        ],
    )
    record = import_file(coordinator, path)
    assert record.status == ImportRecord.Status.IMPORTED, record.problems
    assert (record.rows_read, record.rows_saved) == (3, 3)
    parent = Enterprise.objects.get(tax_code="0100233488")
    assert (parent.founded_on, parent.ward_code, parent.other_vsic) == (
        date(2015, 3, 9),
        "00004",
        ["9000"],
    )
    branch = enterprise_by_tax_code("0100233488-001")
    assert branch is not None and branch.parent == parent
    # Former commune 00001 (Phúc Xá) went whole into today's 00097.
    assert (branch.ward_code, branch.former_ward_code) == ("00097", "00001")
    household = Enterprise.objects.get(tax_code="001085012345")
    assert (household.legal_form, household.main_vsic) == ("household", "2393")
    assert household.sectors.get(scope_key="hanoi-plan").share == Decimal("0.5")
    history = parent.history.get()
    assert history.history_change_reason == f"import #{record.pk} dang-ky-kinh-doanh.xlsx"


def test_a_wrong_check_digit_saves_nothing_and_is_named(coordinator: Any, tmp_path: Path) -> None:
    path = tmp_path / "doanh-nghiep.csv"
    path.write_text(
        "Mã số thuế,Tên doanh nghiệp,Loại hình,Ngành chính\n"
        "0101234565,Công ty Thiết kế A,Doanh nghiệp,7410\n"
        "0101234566,Công ty Thiết kế B,Doanh nghiệp,7410\n"
        "0107778882,Công ty C,Hợp tác xã,0412\n",
        encoding="utf-8",
    )
    record = import_file(coordinator, path)
    assert record.status == ImportRecord.Status.INVALID
    found = [(p["row"], p["column"], p["header"]) for p in record.problems]
    assert found == [(3, "tax_code", "Mã số thuế"), (4, "main_vsic", "Ngành chính")]
    assert "check digit" in record.problems[0]["what_en"]
    assert "chữ số kiểm tra" in record.problems[0]["what_vi"]
    assert Enterprise.objects.count() == 0


def test_rows_merge_by_tax_code_never_by_name(coordinator: Any, tmp_path: Path) -> None:
    path = tmp_path / "trung.csv"
    path.write_text(
        "Tax code,Name (Vietnamese),Legal form,Main VSIC code,Other VSIC codes,Founding date\n"
        "0101234565,Công ty Mây tre Phú Vinh,enterprise,1629,,\n"
        "0101-234-565,,,,3290; 7410,01/02/2010\n"
        "0105556669,Công ty Mây tre Phú Vinh,enterprise,1629,,\n",
        encoding="utf-8",
    )
    record = import_file(coordinator, path)
    assert record.status == ImportRecord.Status.IMPORTED, record.problems
    assert Enterprise.objects.count() == 2
    merged = Enterprise.objects.get(tax_code="0101234565")
    assert (merged.other_vsic, merged.founded_on) == (["3290", "7410"], date(2010, 2, 1))
    # A second file updates the same enterprise: still two.
    path.write_text("Tax code,Name (Vietnamese)\n0101234565,Công ty Mây tre Phú Vinh 2\n")
    assert import_file(coordinator, path).status == ImportRecord.Status.IMPORTED
    assert Enterprise.objects.count() == 2
    assert enterprise_by_tax_code("0101234565").name_vi == "Công ty Mây tre Phú Vinh 2"  # type: ignore[union-attr]


def test_a_branch_without_its_parent_and_a_dropped_zero(coordinator: Any, tmp_path: Path) -> None:
    path = tmp_path / "chi-nhanh.csv"
    path.write_text("Tax code,Name (Vietnamese)\n0107778882-002,Chi nhánh X\n100233488,Công ty Y\n")
    record = import_file(coordinator, path)
    assert record.status == ImportRecord.Status.INVALID
    assert [p["row"] for p in record.problems] == [2, 3]
    assert "0107778882" in record.problems[0]["fix_en"]
    assert "leading zero" in record.problems[1]["what_en"]


def test_a_second_file_updates_codes_sectors_history_and_links_branches(
    coordinator: Any, tmp_path: Path
) -> None:
    path = tmp_path / "lan-1.csv"
    path.write_text("Tax code,Name (Vietnamese),Main VSIC code\n0101234565,Công ty A,5911\n")
    assert import_file(coordinator, path).status == ImportRecord.Status.IMPORTED
    first = Enterprise.objects.get(tax_code="0101234565")
    assert set(first.sectors.values_list("scope_key", "sector")) >= {("hanoi-plan", "cinema")}
    later = tmp_path / "lan-2.csv"
    later.write_text(
        "Tax code,Name (Vietnamese),Main VSIC code\n"
        "0101234565-001,Chi nhánh A,7410\n"
        "0101234565,,2393\n"
    )
    record = import_file(coordinator, later)
    assert record.status == ImportRecord.Status.IMPORTED, record.problems
    first.refresh_from_db()
    # The film code's sectors gone, the ceramics code's in their place; the name kept.
    plan = set(first.sectors.filter(scope_key="hanoi-plan").values_list("code", "sector"))
    assert plan == {("2393", "crafts")}
    assert (first.main_vsic, first.name_vi) == ("2393", "Công ty A")
    kinds = list(first.history.order_by("history_id").values_list("history_type", "main_vsic"))
    assert kinds == [("+", "5911"), ("~", "2393")]
    assert first.history.latest().history_change_reason == f"import #{record.pk} lan-2.csv"
    branch = Enterprise.objects.get(tax_code="0101234565001")
    assert branch.parent == first and branch.history.get().history_user == coordinator
