"""Investment projects and their capital from a real XLSX (xlsxwriter) and a real CSV,
through the import machinery and the projects' workflow: all or nothing, each bad cell
named by row and column in both languages, a second import of the same project codes
updating, the totals read back checked against sums done by hand."""

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from django.core.files.uploadedfile import SimpleUploadedFile
from pytest_django.fixtures import Settings

from cnvh.enterprises.models import CapitalLine, InvestmentProject
from cnvh.exchange import service
from cnvh.exchange.models import ImportRecord
from tests import factories
from tests.enterprises.conftest import enterprise

pytestmark = pytest.mark.django_db

HEADER = [
    "Mã dự án",
    "Tên dự án",
    "Mã cơ quan theo dõi",
    "Mã số thuế chủ đầu tư",
    "Mã cơ quan chủ đầu tư",
    "Lĩnh vực",
    "Mã phường xã",
    "Tổng mức đầu tư (đồng)",
    "Số quyết định chủ trương",
    "Ngày quyết định chủ trương",
    "Số quyết định đầu tư",
    "Ngày quyết định đầu tư",
    "Năm",
    "Nguồn vốn",
    "Kế hoạch vốn (đồng)",
    "Đã giải ngân (đồng)",
]


@pytest.fixture(autouse=True)
def setting(settings: Settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CNVH_TASKS_INLINE = True


@pytest.fixture
def coordinator(db: None) -> Any:
    factories.agency("so-vhtt")
    enterprise("0101234565", "Công ty Gốm Sứ Thăng Long")
    enterprise("001085012345", "Hộ kinh doanh Gốm Minh", legal_form="household")
    return factories.user("coordinator", factories.agency("ubnd-tp", kind="city"))


def workbook(path: Path, rows: list[list[Any]]) -> Path:
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Dự án")
    dates = book.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(0, 0, ["KẾ HOẠCH VÀ GIẢI NGÂN VỐN ĐẦU TƯ"])
    sheet.write_row(2, 0, HEADER)
    for number, row in enumerate(rows, start=3):
        for position, cell in enumerate(row):
            if isinstance(cell, date):
                sheet.write_datetime(number, position, cell, dates)
            elif isinstance(cell, int):
                sheet.write_number(number, position, cell)
            elif cell is not None:
                sheet.write_string(number, position, cell)
    book.close()
    return path


def import_file(user: Any, path: Path) -> ImportRecord:
    upload = SimpleUploadedFile(path.name, path.read_bytes())
    record = service.start_import(user, upload, "investment-projects")
    if record.status == ImportRecord.Status.CHECKED:
        record = service.confirm_import(user, record)
    return record


FIRST: list[list[Any]] = [
    # Project DA-01: one enterprise invests; approved, two capital lines.
    [
        "DA-01",
        "Trung tâm sáng tạo Gốm Bát Tràng",
        "so-vhtt",
        "0101234565",
        None,
        "Thủ công mỹ nghệ",
        "00004",
        "20.000.000.000",
        "12/QĐ-UBND",
        date(2024, 1, 10),
        "45/QĐ-UBND",
        "05/03/2024",
        2024,
        "Ngân sách thành phố",
        "5.000.000.000",
        "3.250.000.000",
    ],
    ["DA-01", *[None] * 11, 2025, "Xã hội hóa", "7.500.000.000", None],
    # Project DA-02: an agency invests; only proposed, so nothing disbursed.
    [
        "DA-02",
        "Số hóa di sản phố cổ",
        "so-vhtt",
        None,
        "so-vhtt",
        "design",
        None,
        "2.469.134",
        None,
        None,
        None,
        None,
        2025,
        "city_budget",
        "1.234.567",
        None,
    ],
]


def test_a_workbook_records_projects_and_their_capital(coordinator: Any, tmp_path: Path) -> None:
    record = import_file(coordinator, workbook(tmp_path / "von-dau-tu.xlsx", FIRST))
    assert record.status == ImportRecord.Status.IMPORTED, record.problems
    assert (record.rows_read, record.rows_saved) == (3, 3)
    first = InvestmentProject.objects.get(code="DA-01")
    assert (first.status, first.sector, first.ward_code) == ("approved", "crafts", "00004")
    assert first.investor_enterprise is not None
    assert first.investor_enterprise.tax_code == "0101234565"
    assert (first.investment_decision_number, first.investment_decided_on) == (
        "45/QĐ-UBND",
        date(2024, 3, 5),
    )
    # Through the workflow: proposed on the decision in principle's date, then approved.
    steps = list(first.steps.values_list("status", "on"))
    assert steps == [("proposed", date(2024, 1, 10)), ("approved", date(2024, 3, 5))]
    # 5.000.000.000 + 7.500.000.000 planned; 3.250.000.000 disbursed.
    assert (first.planned(), first.disbursed()) == (Decimal(12_500_000_000), Decimal(3_250_000_000))
    assert first.total_capital == Decimal(20_000_000_000)
    second = InvestmentProject.objects.get(code="DA-02")
    assert (second.status, second.investor_agency.code) == ("proposed", "so-vhtt")  # type: ignore[union-attr]
    assert list(second.capital.values_list("year", "source", "planned", "disbursed")) == [
        (2025, "city_budget", Decimal(1_234_567), Decimal(0))
    ]
    history = first.history.earliest()
    assert history.history_change_reason == f"import #{record.pk} von-dau-tu.xlsx"
    assert history.history_user == coordinator


def test_importing_again_updates_by_project_code(coordinator: Any, tmp_path: Path) -> None:
    import_file(coordinator, workbook(tmp_path / "von-dau-tu.xlsx", FIRST))
    line_ids = set(CapitalLine.objects.values_list("pk", flat=True))
    again = tmp_path / "capital-update.csv"
    again.write_text(
        "Project code,Total investment (VND),Year,Capital source,Planned (VND),Disbursed (VND)\n"
        'DA-01,"25.000.000.000",2025,Socialised contributions,"7.500.000.000","2.000.000.000"\n'
        'DA-01,,2026,ODA,"10.000.000.000",\n',
        encoding="utf-8",
    )
    record = import_file(coordinator, again)
    assert record.status == ImportRecord.Status.IMPORTED, record.problems
    assert InvestmentProject.objects.count() == 2
    first = InvestmentProject.objects.get(code="DA-01")
    # The 2025 line is the same line, with its disbursement; 2026 is new.
    assert line_ids < set(CapitalLine.objects.values_list("pk", flat=True))
    assert CapitalLine.objects.count() == 4
    lines = first.capital.values_list("year", "source", "planned", "disbursed")
    assert list(lines) == [
        (2024, "city_budget", Decimal(5_000_000_000), Decimal(3_250_000_000)),
        (2025, "socialisation", Decimal(7_500_000_000), Decimal(2_000_000_000)),
        (2026, "oda", Decimal(10_000_000_000), Decimal(0)),
    ]
    # 5 + 7,5 + 10 billion planned; 3,25 + 2 billion disbursed; the name kept.
    assert (first.planned(), first.disbursed()) == (Decimal(22_500_000_000), Decimal(5_250_000_000))
    assert (first.total_capital, first.name_vi) == (
        Decimal(25_000_000_000),
        "Trung tâm sáng tạo Gốm Bát Tràng",
    )
    assert first.steps.count() == 2  # approved once, not again


BAD = (
    "Mã dự án,Tên dự án,Mã cơ quan theo dõi,Mã số thuế chủ đầu tư,Mã phường xã,"
    "Tổng mức đầu tư,Ngày quyết định chủ trương,Số quyết định chủ trương,"
    "Ngày quyết định đầu tư,Số quyết định đầu tư,Năm,Nguồn vốn,Kế hoạch vốn,Đã giải ngân\n"
    # Row 2: a tax code of nobody in the register, a ward of nowhere.
    "DA-10,Nhà hát số,so-vhtt,0107778882,99999,1.000.000.000,,,,,2025,NSTP,100.000.000,\n"
    # Row 3: an unknown source; row 4: more disbursed than planned.
    "DA-11,Bảo tàng mở,so-vhtt,0101234565,,9.000.000.000,,,,,2025,Vốn vay,100.000.000,\n"
    "DA-12,Phố nghề,so-vhtt,0101234565,,9.000.000.000,,,01/02/2025,7/QĐ,2025,ODA,"
    "1.000.000,1.234.567\n"
    # Row 5: the decision of investment before the decision in principle.
    "DA-13,Làng gốm,so-vhtt,0101234565,,9.000.000.000,10/06/2024,3/QĐ,09/06/2024,8/QĐ,,,,\n"
    # Row 6: a month-first date; row 7: a household's personal number as investor.
    "DA-14,Xưởng phim,so-vhtt,0101234565,,9.000.000.000,12/31/2024,4/QĐ,,,,,,\n"
    "DA-15,Gian hàng,so-vhtt,001085012345,,9.000.000.000,,,,,,,,\n"
)


def test_a_bad_file_saves_nothing_and_names_each_cell(coordinator: Any, tmp_path: Path) -> None:
    path = tmp_path / "du-an-loi.csv"
    path.write_text(BAD, encoding="utf-8")
    record = import_file(coordinator, path)
    assert record.status == ImportRecord.Status.INVALID
    assert InvestmentProject.objects.count() == 0 and CapitalLine.objects.count() == 0
    found = {(p["row"], p["column"]): p for p in record.problems}
    assert sorted(found) == [
        (2, "investor_tax_code"),
        (2, "ward"),
        (3, "source"),
        (4, "disbursed"),
        (5, "investment_date"),
        (6, "principle_date"),
        (7, "investor_tax_code"),
    ]
    assert all(p["file"] == "du-an-loi.csv" for p in record.problems)
    unknown = found[(2, "investor_tax_code")]
    assert "0107778882" in unknown["what_vi"] and "0107778882" in unknown["what_en"]
    assert unknown["header"] == "Mã số thuế chủ đầu tư"
    assert "99999" in found[(2, "ward")]["what_en"]
    assert "Vốn vay" in found[(3, "source")]["what_vi"]
    above = found[(4, "disbursed")]
    assert "1.234.567" in above["what_vi"] and "1.000.000" in above["what_en"]
    order = found[(5, "investment_date")]
    assert "09/06/2024" in order["what_vi"] and "10/06/2024" in order["what_en"]
    assert order["what_vi"] != order["what_en"]
    assert "12/31/2024" in found[(6, "principle_date")]["what_en"]


def test_amounts_in_billions_are_refused_not_read_as_dong(coordinator: Any, tmp_path: Path) -> None:
    """The kind takes amounts in đồng: "Kế hoạch vốn (tỷ đồng)" with 5 would be 5 đồng."""
    path = tmp_path / "du-an-ty-dong.csv"
    path.write_text(
        "Mã dự án,Tên dự án,Mã cơ quan theo dõi,Mã cơ quan chủ đầu tư,Tổng mức đầu tư (đồng),"
        "Năm,Nguồn vốn,Kế hoạch vốn (tỷ đồng),Đã giải ngân (tỷ đồng)\n"
        "DA-20,Nhà hát số,so-vhtt,so-vhtt,9.000.000.000,2025,NSTP,5,2\n",
        encoding="utf-8",
    )
    record = import_file(coordinator, path)
    assert record.status == ImportRecord.Status.INVALID
    assert InvestmentProject.objects.count() == 0
    found = {p["column"]: p for p in record.problems}
    assert set(found) == {"planned", "disbursed"}
    assert "Kế hoạch vốn (tỷ đồng)" in found["planned"]["what_vi"]
    assert "billion VND" in found["planned"]["what_en"]
    assert "12.500.000.000" in found["planned"]["fix_vi"]
