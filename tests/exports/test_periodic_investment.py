"""The periodic report's investment section for the second quarter of 2026 (01/04 to
30/06), from projects made through the investment workflow, against figures counted by
hand: in the document, on the page and in the workbook read back. A project proposed
after the quarter, with capital of a later year, is left out."""

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from cnvh.enterprises.investment import workflow
from cnvh.enterprises.models import Enterprise, InvestmentProject
from cnvh.plan.models import Role
from tests import factories
from tests.enterprises.conftest import enterprise
from tests.exports import periodic_world
from tests.exports.test_periodic_registries import (
    document,
    figures,
    needs_poppler,
    pdf_text,
    section,
    sheet,
    table,
    value,
)

pytestmark = pytest.mark.django_db
B = Decimal(1_000_000_000)


def project(manager: Any, name: str) -> InvestmentProject:
    found = Enterprise.objects.filter(tax_code="0101234565").first()
    return InvestmentProject(
        name_vi=name,
        managing_agency=manager,
        investor_enterprise=found or enterprise("0101234565", "Công ty Gốm"),
        total_capital=50 * B,
        ends_on=date(2027, 12, 31),
    )


@pytest.fixture
def world() -> periodic_world.World:
    found = periodic_world.build()
    manager = factories.agency("so-vhtt-dt")
    officer, leader = factories.user(Role.OFFICER, manager), factories.user(Role.LEADER, manager)
    # A: decided in the quarter, under way, its milestone done: on schedule.
    a = workflow.propose(project(manager, "Trung tâm Gốm"), date(2026, 1, 6), officer)
    workflow.move(a, "approve", date(2026, 4, 5), "", leader, "1/QĐ-UBND")
    workflow.move(a, "start", date(2026, 4, 20), "", officer)
    started = workflow.add_milestone(a, "Khởi công", date(2026, 5, 15), officer)
    workflow.mark_done(started, date(2026, 5, 10), officer)
    workflow.record_capital(a, 2026, "city_budget", 6 * B, 4 * B, officer)
    workflow.record_capital(a, 2026, "private", 2 * B, 1 * B, officer)
    # B: decided before the quarter, under way, a milestone of May undone: behind.
    b = workflow.propose(project(manager, "Nhà hát"), date(2026, 1, 6), officer)
    workflow.move(b, "approve", date(2026, 2, 10), "", leader, "2/QĐ-UBND")
    workflow.move(b, "start", date(2026, 3, 1), "", officer)
    workflow.add_milestone(b, "Hoàn thành phần thô", date(2026, 5, 31), officer)
    workflow.record_capital(b, 2026, "city_budget", 10 * B, 3 * B, officer)
    workflow.record_capital(b, 2027, "city_budget", 30 * B, Decimal(0), officer)
    # C: only proposed in the quarter.
    workflow.propose(project(manager, "Bảo tàng"), date(2026, 5, 1), officer)
    # D: proposed and decided after the quarter, capital of 2027: not counted.
    d = workflow.propose(project(manager, "Phố sách"), date(2026, 7, 1), officer)
    workflow.move(d, "approve", date(2026, 7, 2), "", leader, "3/QĐ-UBND")
    workflow.record_capital(d, 2027, "oda", 5 * B, Decimal(0), officer)
    return found


def test_the_investment_section_of_the_quarter(world: periodic_world.World) -> None:
    report = document(world, "en")
    assert [part.key for part in report.registries][1:3] == ["support", "investment"]
    assert figures(report, "investment") == {
        "Projects at the period's end": 3,  # A, B, C; D was proposed on 01/07
        "Under way or stalled at the period's end": 2,  # A and B
        "of which on schedule": 1,  # A
        "Decisions of investment in the period": 1,  # A's of 05/04
        "Capital planned": 18 * B,  # 2026: 6 + 2 + 10
        "Capital disbursed": 8 * B,  # 4 + 1 + 3
        "Capital disbursed ÷ planned": Decimal(8) / Decimal(18),
    }
    assert table(report, "investment", 0) == [("Proposed", [1]), ("Under way", [2]), ("Total", [3])]
    assert table(report, "investment", 1) == [
        ("City budget", [16 * B, 7 * B]),
        ("Private capital", [2 * B, 1 * B]),
        ("Total", [18 * B, 8 * B]),
    ]
    assert section(report, "investment").source.startswith("Source: the Investment projects")


VIETNAMESE = [
    "3. Dự án đầu tư và vốn đầu tư",
    "Đến ngày 30/06/2026, sổ theo dõi 3 dự án đầu tư (đã đề nghị: 1; đang triển khai: 2).",
    "Trong 2 dự án đang triển khai hoặc đình trệ, 1 dự án đúng tiến độ.",
    "Trong kỳ, đã ban hành 1 quyết định đầu tư.",
    "Vốn kế hoạch của các năm thuộc kỳ báo cáo: 18.000.000.000 đồng, trong đó đã giải ngân "
    "8.000.000.000 đồng (đạt 44,4%).",
    "Nguồn: Sổ Dự án đầu tư",
    "4. Thủ công mỹ nghệ và làng nghề",
]


def test_the_page_and_the_workbook_show_the_section(world: periodic_world.World) -> None:
    client = Client()
    client.force_login(world.coordinator)
    client.cookies["django_language"] = "vi"
    response = client.get(
        "/exports/periodic/",
        {"plan": world.plan.code, "kind": "quarter", "year": "2026", "number": "2"},
    )
    page = response.content.decode()
    for expected in VIETNAMESE:
        assert expected in page, expected
    for label, shown in (("Ngân sách thành phố", "16.000.000.000"), ("Đang triển khai", "2")):
        assert f'<th scope="row">{label}</th><td class="num">{shown}</td>' in page, label
    rows = sheet(document(world))
    firsts = [str(row[0]) for row in rows]
    assert firsts.index("2. Hỗ trợ doanh nghiệp") < firsts.index("3. Dự án đầu tư và vốn đầu tư")
    after = "3. Dự án đầu tư"
    assert value(rows, "Số dự án tại cuối kỳ", after) == 3.0
    assert value(rows, "trong đó đúng tiến độ", after) == 1.0
    assert value(rows, "Quyết định đầu tư trong kỳ", after) == 1.0
    assert value(rows, "Vốn kế hoạch", after) == 18_000_000_000.0
    assert value(rows, "Vốn đã giải ngân", after) == 8_000_000_000.0
    assert value(rows, "Ngân sách thành phố", after) == [16_000_000_000.0, 7_000_000_000.0]
    assert value(rows, "Vốn tư nhân", after) == [2_000_000_000.0, 1_000_000_000.0]
    assert value(rows, "Đã đề nghị", after) == [1.0]


@needs_poppler
def test_the_pdf_reads_the_section_back(world: periodic_world.World, tmp_path: Path) -> None:
    text = pdf_text(document(world), tmp_path)
    for expected in VIETNAMESE:
        assert expected in text, expected
    english = pdf_text(document(world, "en"), tmp_path)
    for expected in (
        "3. Investment projects and capital",
        "On 30/06/2026, the register follows 3 investment projects (proposed: 1; under way: 2).",
        "Capital planned for the years of the period: 18,000,000,000 VND, of which "
        "8,000,000,000 VND disbursed (44.4%).",
    ):
        assert expected in english, expected


def test_nothing_for_the_period_is_one_line() -> None:
    report = document(periodic_world.build())
    assert section(report, "investment").empty == (
        "Trong kỳ báo cáo, sổ Dự án đầu tư không có dự án, quyết định đầu tư hay vốn đầu tư nào."
    )
    assert not section(report, "investment").figures
