"""The periodic report's registry sections against the figures counted by hand in
`registries_world` (the second quarter of 2026): in the document, on the page, in the
workbook read back and in the PDF's text; what lies a day outside the quarter is left
out of it and counted in the next one."""

import io
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import translation
from python_calamine import CalamineWorkbook

from cnvh.exports.periodic import cache as pdf_cache
from cnvh.exports.periodic import pdf, xlsx
from cnvh.exports.periodic.build import Issue, periodic_report
from cnvh.exports.periodic.document import PeriodicReport, RegistrySection
from cnvh.unesco import workflow as unesco_workflow
from cnvh.unesco.models import Outreach
from tests.exports import periodic_world, registries_world

pytestmark = pytest.mark.django_db
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")
KEYS = ["events", "support", "investment", "crafts", "brightspots", "unesco"]


@pytest.fixture
def world() -> periodic_world.World:
    found = periodic_world.build()
    registries_world.build(found.coordinator)
    return found


def document(world: periodic_world.World, language: str = "vi", number: int = 2) -> PeriodicReport:
    with translation.override(language):
        return periodic_report(
            world.plan, "quarter", 2026, number, Issue(issued_on=date(2026, 7, 5))
        )


def section(report: PeriodicReport, key: str) -> RegistrySection:
    return next(part for part in report.registries if part.key == key)


def figures(report: PeriodicReport, key: str) -> dict[str, Any]:
    return {line.label: line.figure.value for line in section(report, key).figures}


def table(report: PeriodicReport, key: str, index: int) -> list[tuple[str, list[Any]]]:
    found = section(report, key).breakdowns[index]
    rows = [*found.rows, *([found.total] if found.total else [])]
    return [(row.label, [figure.value for figure in row.figures]) for row in rows]


def test_the_events_of_the_quarter(world: periodic_world.World) -> None:
    report = document(world, "en")
    assert [part.key for part in report.registries] == KEYS
    assert figures(report, "events") == {
        "Events held": 2,  # A (01/04) and B (30/06); D (31/03) and C (01/07) are not
        "Attendance reported": 1200,
        "Events whose attendance was reported": 1,
        "Files received": 2,  # B and C
        "Files filed after the legal lead time": 1,  # B
        "Share of files filed late": 0.5,
        "Decisions given on complete files": 2,  # C (10/06) and B (26/06)
        "Decisions within the legal time limit": 1,  # B; C was due on 08/06
        "Share of decisions within the legal time limit": 0.5,
        "Median time to a decision": 4.0,  # 1 and 7 working days
        "Views due from the agencies": 1,
        "Views given by their due day": 1,
    }
    assert table(report, "events", 0) == [
        ("April 2026", [1]),
        ("May 2026", [0]),
        ("June 2026", [1]),
        ("Total", [2]),
    ]
    assert table(report, "events", 1) == [("Performing arts", [2]), ("Design", [1])]


def test_support_handicrafts_models_and_unesco(world: periodic_world.World) -> None:
    report = document(world, "en")
    assert figures(report, "support") == {
        "Enterprises supported": 1,
        "Support cases approved": 2,
        "Support approved": Decimal(600_000_000),
        "Paid so far to the cases approved in the period": Decimal(400_000_000),
        "Disbursements paid in the period": Decimal(550_000_000),
        "Cases whose report on the outcome came in": 0,
        "Intellectual property titles granted": 1,
    }
    assert table(report, "support", 0) == [("Digital", [1]), ("Intellectual property", [1])]
    assert table(report, "support", 2) == [("Phường Ba Đình", [1]), ("Total", [1])]
    assert figures(report, "crafts") == {
        "OCOP products with a certificate in force": 4,
        "of which handicraft products": 3,
        "Products given an OCOP certificate in the period": 3,
        "Re-ratings decided in the period": 2,
        "Re-rated before the certificate expired": 1,
        "Certificates expiring within 6 months of the end of the period": 1,
        "Recognised craft villages": 2,
        "of which with a traditional craft": 1,
        "Craft villages recognised in the period": 1,
    }
    # Stars: certified in the quarter, in force on 30/06, of which handicrafts.
    assert table(report, "crafts", 0) == [
        ("5 stars", [0, 1, 1]),
        ("4 stars", [1, 1, 1]),
        ("3 stars", [2, 2, 1]),
        ("Total", [3, 4, 3]),
    ]
    assert figures(report, "brightspots") == {
        "Recognised models and bright spots": 2,
        "Recognised in the period": 1,
        "Replications": 2,
        "Replications started in the period": 1,
        "Models recognised a year or more before": 1,
        "of which still reporting results": 1,
    }
    assert table(report, "brightspots", 3) == [("Phố sách", [2, 1])]
    unesco = figures(report, "unesco")
    assert unesco["Commitments with activity in the period"] == 2
    assert unesco["Commitment activities in the period"] == 2
    assert unesco["of which with other cities"] == 1
    assert unesco["Budget planned for all commitments"] == Decimal(15_000_000_000)
    assert unesco["Budget executed by the period's activities"] == Decimal(1_200_000_000)
    assert unesco["Budget executed ÷ planned"] == Decimal("0.08")
    assert unesco["Training, cooperation and dissemination activities"] == 4
    assert (unesco["People trained"], unesco["of which women"], unesco["of which men"]) == (
        30,
        17,
        13,
    )
    assert unesco["Wards and communes with a dissemination session in the year"] == 3
    assert unesco["Wards and communes"] == 4
    assert table(report, "unesco", 0) == [
        ("Thiết kế", [13, 7, 20]),
        ("Thủ công mỹ nghệ", [4, 6, 10]),
        ("Total", [17, 13, 30]),
    ]


def test_the_next_quarter_counts_what_this_one_left_out(world: periodic_world.World) -> None:
    report = document(world, "en", number=3)
    events = figures(report, "events")
    assert (events["Events held"], events["Attendance reported"]) == (1, 5000)  # C
    support = figures(report, "support")
    assert support["Support approved"] == Decimal(80_000_000)  # C's, approved 01/07
    assert support["Disbursements paid in the period"] == Decimal(100_000_000)
    assert support["Intellectual property titles granted"] == 1
    assert figures(report, "crafts")["Products given an OCOP certificate in the period"] == 1
    assert figures(report, "brightspots")["Recognised in the period"] == 1
    assert figures(report, "unesco")["People trained"] == 14


VIETNAMESE = [
    "1. Sự kiện văn hóa",
    "Trong kỳ, trên địa bàn Thành phố đã tổ chức 2 sự kiện văn hóa (tính theo ngày bắt đầu).",
    "Theo báo cáo sau sự kiện của 1 sự kiện, tổng số người tham dự đạt 1.200 lượt người.",
    "Tiếp nhận 2 hồ sơ thông báo, đề nghị chấp thuận tổ chức sự kiện, trong đó 1 hồ sơ nộp "
    "sau thời hạn theo quy định (chiếm 50,0%).",
    "Ban hành 2 văn bản trả lời đối với hồ sơ hợp lệ, trong đó 1 văn bản trong thời hạn theo "
    "quy định (đạt 50,0%); thời gian giải quyết trung vị kể từ khi nhận đủ hồ sơ hợp lệ là "
    "4,0 ngày làm việc.",
    "Nguồn: Sổ Sự kiện văn hóa",
    "2. Hỗ trợ doanh nghiệp",
    "Trong kỳ, đã phê duyệt hỗ trợ cho 1 doanh nghiệp (2 hồ sơ), với tổng kinh phí "
    "600.000.000 đồng.",
    "đã được giải ngân 400.000.000 đồng (đạt 66,7% kinh phí phê duyệt).",
    "Tổng kinh phí giải ngân trong kỳ (cho các hồ sơ phê duyệt ở mọi thời điểm): 550.000.000 đồng.",
    "Nguồn: Sổ Doanh nghiệp và hỗ trợ",
    "4. Thủ công mỹ nghệ và làng nghề",
    "có 4 sản phẩm OCOP có giấy chứng nhận còn hiệu lực (5 sao: 1; 4 sao: 1; 3 sao: 2), trong "
    "đó 3 sản phẩm thủ công mỹ nghệ",
    "Trong đó, 2 quyết định đánh giá, phân hạng lại sản phẩm đã có giấy chứng nhận, 1 quyết "
    "định ban hành trước khi giấy chứng nhận cũ hết hiệu lực.",
    "5. Mô hình, điểm sáng",
    "toàn Thành phố có 2 mô hình, điểm sáng được công nhận (Thành phố: 1; Xã, phường: 1), "
    "trong đó 1 mô hình được công nhận trong kỳ.",
    "6. Thành phố Thiết kế UNESCO, đào tạo và tuyên truyền",
    "Trong kỳ, 2/2 cam kết Thành phố Thiết kế có hoạt động (2 hoạt động, trong đó 1 hoạt động "
    "hợp tác với các thành phố khác); kinh phí thực hiện 1.200.000.000 đồng, bằng 8,0% tổng "
    "kinh phí dự kiến của các cam kết (15.000.000.000 đồng).",
    "đã đào tạo 30 lượt người (17 nữ, 13 nam).",
    "Lũy kế từ ngày 01 tháng 01 năm 2026 đến hết kỳ báo cáo, 3/4 phường, xã (đạt 75,0%) đã "
    "tổ chức ít nhất một buổi tuyên truyền.",
]


def test_the_page_shows_the_sections(world: periodic_world.World) -> None:
    client = Client()
    client.force_login(world.coordinator)
    client.cookies["django_language"] = "vi"
    response = client.get(
        "/exports/periodic/",
        {"plan": world.plan.code, "kind": "quarter", "year": "2026", "number": "2"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    for expected in VIETNAMESE:
        assert expected in page, expected
    for label, shown in (("Tháng 4/2026", "1"), ("Tháng 5/2026", "0"), ("Phường Hoàn Kiếm", "2")):
        assert f'<th scope="row">{label}</th><td class="num">{shown}</td>' in page, label


def sheet(report: PeriodicReport) -> list[list[Any]]:
    with translation.override(report.language):
        data = xlsx.workbook(report)
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return book.get_sheet_by_name(book.sheet_names[0]).to_python()


def value(rows: list[list[Any]], label: str, after: str = "") -> Any:
    """The figure beside `label`, in the first table that follows the line `after`."""
    start = next(index for index, row in enumerate(rows) if after in str(row[0])) if after else 0
    row = next(row for row in rows[start:] if row[1] == label)
    return row[3] if isinstance(row[0], float) else [cell for cell in row[2:] if cell != ""]


def test_the_workbook_holds_the_figures(world: periodic_world.World) -> None:
    rows = sheet(document(world))
    firsts = [str(row[0]) for row in rows]
    assert "IV. KẾT QUẢ THEO SỐ LIỆU CÁC SỔ ĐĂNG KÝ CHUYÊN NGÀNH" in firsts
    assert firsts.index("1. Sự kiện văn hóa") < firsts.index("2. Hỗ trợ doanh nghiệp")
    assert value(rows, "Sự kiện đã tổ chức") == 2.0
    assert value(rows, "Hồ sơ nộp sau thời hạn theo quy định") == 1.0
    assert value(rows, "Tỷ lệ văn bản trả lời trong thời hạn quy định") == 0.5
    assert value(rows, "Thời gian giải quyết trung vị") == 4.0
    assert value(rows, "Tháng 4/2026") == [1.0]
    assert value(rows, "Kinh phí hỗ trợ được phê duyệt") == 600_000_000.0
    assert value(rows, "Kinh phí giải ngân trong kỳ") == 550_000_000.0
    assert value(rows, "3 sao") == [2.0, 2.0, 1.0]
    assert value(rows, "Lượt nhân rộng") == 2.0
    assert value(rows, "Kinh phí thực hiện của các hoạt động trong kỳ") == 1_200_000_000.0
    assert value(rows, "Tỷ lệ phường, xã đã tổ chức tuyên truyền") == 0.75
    assert value(rows, "Thủ công mỹ nghệ", "6. ") == [4.0, 6.0, 10.0]
    sources = [cell for cell in firsts if cell.startswith("Nguồn: Sổ ")]
    assert len(sources) == 5


def pdf_text(report: PeriodicReport, tmp_path: Path) -> str:
    with translation.override(report.language):
        data = pdf.pdf(report)
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return " ".join(result.stdout.decode().split())


@needs_poppler
def test_the_pdf_reads_the_sections_back(world: periodic_world.World, tmp_path: Path) -> None:
    text = pdf_text(document(world), tmp_path)
    for expected in VIETNAMESE:
        assert expected in text, expected
    english = pdf_text(document(world, "en"), tmp_path)
    for expected in (
        "IV. RESULTS RECORDED IN THE REGISTRIES",
        "In the period, 2 cultural events were held in the city (counted by their first day).",
        "In the period, support was approved for 1 enterprise (support cases approved: 2), "
        "600,000,000 VND in all.",
        "Source: the Cultural events register",
        "3 of the 4 wards and communes (75.0%) held at least one dissemination session.",
    ):
        assert expected in english, expected


def test_a_register_with_nothing_for_the_period_says_so_in_one_line() -> None:
    bare = periodic_world.build()
    report = document(bare)
    assert [part.key for part in report.registries] == KEYS
    assert all(part.empty and not part.figures for part in report.registries)
    assert section(report, "events").empty == (
        "Trong kỳ báo cáo, sổ Sự kiện văn hóa không có sự kiện, hồ sơ hay văn bản trả lời nào."
    )
    rows = sheet(report)
    lines = [str(row[0]) for row in rows]
    start = lines.index("1. Sự kiện văn hóa")
    assert lines[start + 1] == section(report, "events").empty
    assert lines[start + 3] == "2. Hỗ trợ doanh nghiệp"


def test_the_kept_pdf_is_made_again_after_a_registry_changes(
    world: periodic_world.World,
) -> None:
    choices = {"plan": world.plan, "kind": "quarter", "year": 2026, "number": 2}
    before = pdf_cache.key(choices)
    assert pdf_cache.key(choices) == before
    session = Outreach.objects.filter(kind=Outreach.Kind.DISSEMINATION).first()
    assert session is not None
    session.title_vi = "Buổi tuyên truyền (sửa tên)"
    unesco_workflow.record_outreach(session, world.coordinator, {})
    assert pdf_cache.key(choices) != before
