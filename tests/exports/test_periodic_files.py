"""The periodic report's XLSX and PDF, read back: the numbers of the database, the
Vietnamese text intact, the font embedded, nothing fetched from the network."""

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.utils import translation
from python_calamine import CalamineWorkbook

from cnvh.estimates.models import Estimate
from cnvh.exports.periodic import pdf, xlsx
from cnvh.exports.periodic.build import Issue, periodic_report
from cnvh.exports.periodic.document import PeriodicReport
from cnvh.plan import values
from cnvh.plan.models import Indicator
from tests import factories
from tests.exports import periodic_world

pytestmark = pytest.mark.django_db
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")


@pytest.fixture
def world(stored_estimate: Estimate) -> periodic_world.World:
    found = periodic_world.build()
    factories.indicator("cnvh-grdp-share", baseline_year=2021, targets={2025: 5, 2030: 8})
    return found


def document(world: periodic_world.World, language: str = "vi", **issue: str) -> PeriodicReport:
    with translation.override(language):
        return periodic_report(
            world.plan,
            "quarter",
            2026,
            2,
            Issue(issued_on=date(2026, 7, 5), signatory_name="Nguyễn Văn An", **issue),  # type: ignore[arg-type]
        )


def sheets(report: PeriodicReport) -> dict[str, list[list[Any]]]:
    with translation.override(report.language):
        data = xlsx.workbook(report)
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def row_starting(rows: list[list[Any]], first: object, column: int = 0) -> list[Any]:
    return next(row for row in rows if row[column] == first)


def test_the_workbook_holds_the_databases_numbers(world: periodic_world.World) -> None:
    found = sheets(document(world))
    assert list(found) == ["Báo cáo", "Giá trị chỉ tiêu"]
    rows = found["Báo cáo"]
    assert (
        rows[0][0] == "UBND THÀNH PHỐ HÀ NỘI" and rows[0][3] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    )
    assert rows[1][3] == "Độc lập - Tự do - Hạnh phúc"
    assert rows[2][0] == "Số: …/BC-SVHTT" and rows[2][3] == "Hà Nội, ngày 05 tháng 7 năm 2026"
    # Groups: tasks, not started, in progress, completed, suspended, mean (a fraction).
    assert row_starting(rows, 1.0)[1:8] == ["Nhóm 1", 2.0, 0.0, 1.0, 1.0, 0.0, 0.85]
    whole = row_starting(rows, "Toàn Kế hoạch", 1)
    assert whole[2:7] == [3.0, 1.0, 1.0, 1.0, 0.0]
    assert whole[7] == pytest.approx(170 / 300)
    assert row_starting(rows, "Nhiệm vụ quá hạn tại thời điểm cuối kỳ")[2] == 1.0
    reporting = row_starting(rows, "Quý 2/2026", 1)
    assert reporting[2] == date(2026, 7, 10)
    assert reporting[3:9] == [2.0, 1.0, 1.0, 0.5, 0.5, 1.0]
    tasks = {
        row[1].split()[0]: row
        for row in rows
        if isinstance(row[1], str) and row[1][:2] in {"T1", "T2", "T3"}
    }
    assert [tasks[code][4] for code in ("T1", "T2", "T3")] == [70.0, 100.0, 0.0]
    assert tasks["T3"][8] == "có" and tasks["T1"][8] == ""
    assert tasks["T1"][7] == date(2026, 12, 31)
    events = row_starting(rows, "events")
    assert events[7:9] == [2026.0, 9.0]
    share = row_starting(rows, "cnvh-grdp-share")
    line = values.series(Indicator.objects.get(code="cnvh-grdp-share"))
    assert share[3:10] == [2021.0, pytest.approx(3.5), 2030.0, 8.0, 2024.0, line[-1].value, 4.625]
    assert share[8] == pytest.approx(4.2)  # full precision: the estimate's 0.042 × 100
    assert share[10] == "Có nguy cơ chậm"


def test_the_second_sheet_has_every_value_and_its_source(world: periodic_world.World) -> None:
    rows = sheets(document(world))["Giá trị chỉ tiêu"]
    assert rows[0] == ["Mã", "Chỉ tiêu", "Đơn vị", "Năm", "Giá trị", "Nguồn"]
    share = [row for row in rows if row[0] == "cnvh-grdp-share"]
    assert [row[3] for row in share] == [2021.0, 2022.0, 2023.0, 2024.0]
    assert [row[4] for row in share] == [pytest.approx(v) for v in (3.5, 3.8, 4.0, 4.2)]
    assert all(str(row[5]).startswith("ước tính hanoi-plan, phiên bản") for row in share)
    [events] = [row for row in rows if row[0] == "events"]
    assert events[3:5] == [2026.0, 9.0]
    assert str(events[5]).startswith("các báo cáo đã phê duyệt")


def test_text_that_looks_like_a_formula_stays_text(world: periodic_world.World) -> None:
    task = world.tasks["T1"]
    task.title_vi = '=HYPERLINK("http://example.org","x")'
    task.save()
    world.tasks["T3"].lead_agency.name_vi = "@SUM(A1:A9)"
    world.tasks["T3"].lead_agency.save()
    rows = sheets(document(world, signatory_title="-PHÓ GIÁM ĐỐC"))["Báo cáo"]
    cells = [cell for row in rows for cell in row if isinstance(cell, str)]
    assert 'T1 =HYPERLINK("http://example.org","x")' in cells  # the code comes first
    assert "'@SUM(A1:A9)" in cells
    assert "'-PHÓ GIÁM ĐỐC" in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


def test_the_english_workbook(world: periodic_world.World) -> None:
    found = sheets(document(world, "en"))
    assert list(found) == ["Report", "Indicator values"]
    rows = found["Report"]
    assert rows[1][3] == "Independence - Freedom - Happiness"
    assert row_starting(rows, "Whole plan", 1)[2] == 3.0


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    )
    return result.stdout


@needs_poppler
def test_the_pdf_reads_back_in_vietnamese(world: periodic_world.World, tmp_path: Path) -> None:
    report = document(world)
    fetcher = pdf.LocalFiles()
    with translation.override("vi"):
        data = pdf.pdf(report, fetcher)
    assert fetcher.refused == []
    text = pdf_text(data, tmp_path)
    for expected in (
        "UBND THÀNH PHỐ HÀ NỘI",
        "SỞ VĂN HÓA VÀ THỂ THAO",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: …/BC-SVHTT",
        "Hà Nội, ngày 05 tháng 7 năm 2026",
        "Quý II năm 2026",
        "Nơi nhận:",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Nguyễn Văn An",
    ):
        assert expected in text, expected
    # Mean 170/300 = 56.7%, completeness 1/2, the share 4.2% in 2024 against 4.625 expected.
    assert tokens(text, "Toàn Kế") == ["3", "1", "1", "1", "0", "57%"]
    assert tokens(text, "Quý", "%") == ["10/07/2026", "2", "1", "1", "50,0%", "50,0%", "1"]
    assert tokens(text, "Tỷ trọng CNVH")[:4] == ["3,5", "8,0", "4,6", "4,2"]
    assert tokens(text, "Số sự kiện")[0] == "9"  # 3 + 4 + 2
    assert [tokens(text, number)[0] for number in ("1 T1", "2 T2", "1 T3")] == ["70%", "100%", "0%"]


def tokens(text: str, label: str, holding: str = "") -> list[str]:
    """The figures on the line of the table that starts with `label` (and holds `holding`)."""
    line = next(
        line for line in text.splitlines() if line.strip().startswith(label) and holding in line
    )
    return [word for word in line.split() if any(char.isdigit() for char in word)][
        len([w for w in label.split() if any(c.isdigit() for c in w)]) :
    ]


@needs_poppler
def test_the_font_is_embedded(world: periodic_world.World, tmp_path: Path) -> None:
    with translation.override("vi"):
        data = pdf.pdf(document(world))
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True)
    lines = [line.split() for line in fonts.stdout.splitlines()[2:]]
    assert lines and all("Tinos" in line[0] for line in lines)
    assert all(line[-5] == "yes" for line in lines)  # emb
    assert any("Vietnamese" in line[0] for line in lines)


def test_the_fetcher_reads_the_apps_files_only(tmp_path: Path) -> None:
    fetcher = pdf.LocalFiles()
    font = pdf.STATIC / "fonts" / "tinos-vietnamese-400-normal.woff"
    assert fetcher.fetch(font.as_uri()).read() == font.read_bytes()
    secret = tmp_path / "secret.css"
    secret.write_text("body { color: red }")
    for url in (
        "http://example.org/style.css",
        "https://example.org/font.woff",
        "ftp://example.org/x.css",
        secret.as_uri(),
        (pdf.STATIC / ".." / ".." / "periodic" / "pdf.py").as_uri(),
    ):
        with pytest.raises(pdf.RefusedURLError):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 5


def test_a_network_address_in_the_html_is_never_fetched() -> None:
    from weasyprint import HTML

    fetcher = pdf.LocalFiles()
    html = (
        '<link rel="stylesheet" href="http://127.0.0.1:9/style.css">'
        '<img src="https://example.org/logo.png"><p>Độc lập</p>'
    )
    HTML(string=html, base_url=pdf.STATIC.as_uri() + "/", url_fetcher=fetcher).write_pdf()
    assert fetcher.refused == ["http://127.0.0.1:9/style.css", "https://example.org/logo.png"]
