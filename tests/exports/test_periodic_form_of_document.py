"""The periodic report in the form Decree 30/2020/NĐ-CP sets: number and symbol,
signature block (the head; KT., TL., TM.), "Nơi nhận", the demo watermark, and the
tasks copied to every ward as one table of coverage."""

from datetime import date, timedelta
from io import BytesIO
from typing import Any
from zipfile import ZipFile

import pytest
from django.test import Client
from django.utils import translation

from cnvh.exports.periodic import heading, pdf, xlsx
from cnvh.exports.periodic.build import Issue, periodic_report
from cnvh.exports.periodic.forms import PeriodicReportForm
from cnvh.plan import workflow
from cnvh.plan.models import Agency, Plan, ReportingPeriod, Role, Task
from tests import factories
from tests.exports import periodic_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world() -> periodic_world.World:
    return periodic_world.build()


@pytest.mark.parametrize(
    "typed", ["SVHTT", "svhtt", "BC-SVHTT", "bc-svhtt", "125/BC-SVHTT", "Số: 125/BC-SVHTT"]
)
def test_the_symbol_asks_only_for_the_agencys_letters(typed: str) -> None:
    assert heading.agency_part(typed) == "SVHTT"
    with translation.override("vi"):
        assert heading.number_line("125", typed) == "Số: 125/BC-SVHTT"


def test_a_number_typed_with_its_symbol_keeps_only_the_number() -> None:
    with translation.override("vi"):
        assert heading.number_line("Số: 125/BC-SVHTT", "SVHTT") == "Số: 125/BC-SVHTT"
        assert heading.number_line("", "SVHTT") == "Số: …/BC-SVHTT"


def signature(world: periodic_world.World, **issue: Any) -> tuple[str, str]:
    with translation.override("vi"):
        found = periodic_report(world.plan, "quarter", 2026, 2, Issue(**issue)).signatory
    return found.authority, found.title


def test_the_signature_block_as_decree_30_sets_it(world: periodic_world.World) -> None:
    assert signature(world, signing="head", authority="Giám đốc") == ("GIÁM ĐỐC", "")
    # The head's title typed in the signer's box is not printed twice.
    assert signature(world, signing="head", signatory_title="GIÁM ĐỐC") == ("GIÁM ĐỐC", "")
    assert signature(world, signing="kt", authority="GIÁM ĐỐC") == (
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
    )
    # A prefix typed by hand is not doubled.
    assert signature(world, signing="kt", authority="KT. GIÁM ĐỐC") == (
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
    )
    assert signature(world, signing="tl", signatory_title="Chánh Văn phòng") == (
        "TL. GIÁM ĐỐC",
        "CHÁNH VĂN PHÒNG",
    )
    assert signature(world, signing="tm", authority="Ủy ban nhân dân") == (
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
    )


def form(world: periodic_world.World, **data: str) -> PeriodicReportForm:
    base = {"plan": world.plan.code, "kind": "quarter", "year": "2026", "number": "2"}
    return PeriodicReportForm(base | data)


def test_a_deputy_with_the_heads_title_is_asked_about(world: periodic_world.World) -> None:
    with translation.override("vi"):
        found = form(world, signing="kt", authority="GIÁM ĐỐC", signatory_title="Giám đốc")
        assert not found.is_valid()
        assert "Người đứng đầu ký" in found.errors["signatory_title"][0]
        assert form(world, signing="head", authority="GIÁM ĐỐC").is_valid()


def test_the_form_previews_the_number(world: periodic_world.World) -> None:
    with translation.override("vi"):
        found = form(world, document_number="125", symbol="BC-SVHTT")
        assert found.number_preview == "Số: 125/BC-SVHTT"
        assert "Số: …/BC-SVHTT" in str(form(world).fields["symbol"].help_text)
        assert found.is_valid() and found.issue().symbol == "SVHTT"


def test_recipients_end_with_semicolons_and_a_full_stop(world: periodic_world.World) -> None:
    typed = "- Như trên;\nUBND Thành phố (để báo cáo).\n\n• Lưu: VT, KHTC.;"
    with translation.override("vi"):
        found = form(world, recipients=typed)
        assert found.is_valid()
        document = periodic_report(world.plan, "quarter", 2026, 2, found.issue())
        html = pdf.html(document)
    assert document.signatory.recipients == [
        "Như trên",
        "UBND Thành phố (để báo cáo)",
        "Lưu: VT, KHTC",
    ]
    assert "- Như trên;</p>" in html
    assert "- UBND Thành phố (để báo cáo);</p>" in html
    assert "- Lưu: VT, KHTC.</p>" in html
    assert ";." not in html and ".;" not in html


def test_demo_data_is_a_watermark_not_a_box(world: periodic_world.World) -> None:
    with translation.override("vi"):
        official = pdf.html(periodic_report(world.plan, "quarter", 2026, 2))
        Plan.objects.filter(pk=world.plan.pk).update(assumption="Giả định / Assumed")
        world.plan.refresh_from_db()
        demo = pdf.html(periodic_report(world.plan, "quarter", 2026, 2))
    assert "pd-watermark" not in official and "DỮ LIỆU MINH HỌA" not in official
    assert 'class="pd-watermark"' in demo and "DỮ LIỆU MINH HỌA" in demo
    assert "Giả định / Assumed" not in demo  # the note is on the page, not in the document


def test_the_page_shows_the_demo_note_outside_the_document(
    client: Client, world: periodic_world.World
) -> None:
    Plan.objects.filter(pk=world.plan.pk).update(assumption="Giả định / Assumed")
    client.force_login(world.coordinator)
    page = client.get(
        f"/exports/periodic/?plan={world.plan.code}&kind=quarter&year=2026&number=2"
    ).content.decode()
    note, article = (
        page.index("Giả định / Assumed"),
        page.index('<article class="periodic-document"'),
    )
    assert note < article


def ward_copies(world: periodic_world.World) -> list[Task]:
    """One dissemination task copied to three wards: the first approved for the first
    half, the second submitted, the third silent."""
    group = world.plan.groups.get(number=1)
    half = ReportingPeriod.objects.create(
        kind=ReportingPeriod.Kind.HALF,
        year=2026,
        number=1,
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 6, 30),
        due_on=date(2026, 7, 10),
    )
    copies = []
    for code, name in (("ba-dinh", "Ba Đình"), ("hoan-kiem", "Hoàn Kiếm"), ("tay-ho", "Tây Hồ")):
        ward = factories.agency(code, kind=Agency.Kind.WARD, name_vi=f"UBND Phường {name}")
        copies.append(
            factories.task(
                ward,
                in_group=group,
                code=f"1.2-{code}",
                title_vi=f"Tuyên truyền Kế hoạch trên địa bàn phường {name}",
                starts_on=date(2026, 1, 1),
                frequency=Task.Frequency.HALF,
            )
        )
    city = Agency.objects.get(code="ubnd-tp")
    officers = [factories.user(Role.OFFICER, task.lead_agency) for task in copies[:2]]
    submitted = factories.at(date(2026, 7, 5))
    for task, officer in zip(copies[:2], officers, strict=True):
        report = workflow.start_report(task, half, officer, now=submitted - timedelta(days=1))
        report.narrative = "Đã tổ chức tuyên truyền."
        report.save()
        workflow.submit(report, officer, now=submitted)
    approver = factories.user(Role.COORDINATOR, city)
    first = copies[0].reports.get()
    workflow.approve(first, approver, now=submitted + timedelta(days=1))
    return copies


def test_ward_copies_are_one_table_of_coverage(world: periodic_world.World) -> None:
    ward_copies(world)
    with translation.override("vi"):
        document = periodic_report(world.plan, "quarter", 2026, 3)
        html = pdf.html(document)
    section = document.sections[0]
    assert [task.code for task in section.listed] == ["T1", "T2"]
    assert [task.number for task in section.listed] == [1, 2]
    (copied,) = section.copied
    assert (copied.code, copied.copies, copied.title) == (
        "1.2",
        3,
        "Tuyên truyền Kế hoạch trên địa bàn phường",
    )
    assert copied.period == "Nửa năm 1/2026"  # the latest half-year, not the quarter
    assert [(line.state, line.agencies) for line in copied.coverage] == [
        ("approved", ["UBND Phường Ba Đình"]),
        ("submitted", ["UBND Phường Hoàn Kiếm"]),
        ("missing", ["UBND Phường Tây Hồ"]),
    ]
    # The tasks still count in the totals, but are not a section each in the document.
    assert document.summary.tasks == 7
    assert html.count("Tuyên truyền Kế hoạch trên địa bàn phường") == 1
    assert "1.2-ba-dinh" not in html


def test_the_demo_workbook_is_marked_in_its_print_header(world: periodic_world.World) -> None:
    Plan.objects.filter(pk=world.plan.pk).update(assumption="Giả định / Assumed")
    world.plan.refresh_from_db()
    with translation.override("vi"):
        data = xlsx.workbook(periodic_report(world.plan, "quarter", 2026, 2))
    with ZipFile(BytesIO(data)) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
        strings = book.read("xl/sharedStrings.xml").decode()
    assert "DỮ LIỆU MINH HỌA" in sheet.split("<oddHeader>")[1]
    assert "Giả định / Assumed" not in strings


def test_the_workbook_has_the_coverage_not_a_row_per_ward(world: periodic_world.World) -> None:
    ward_copies(world)
    with translation.override("vi"):
        data = xlsx.workbook(periodic_report(world.plan, "quarter", 2026, 3))
    with ZipFile(BytesIO(data)) as book:
        strings = book.read("xl/sharedStrings.xml").decode()
    assert "1.2-ba-dinh" not in strings
    assert "Đã có báo cáo được phê duyệt (Nửa năm 1/2026)" in strings
    assert "UBND Phường Tây Hồ" in strings and "Chưa gửi báo cáo (Nửa năm 1/2026)" in strings
