"""The periodic reports page: the preview, the downloads, the language, the errors."""

import io
import re
from datetime import date

import pytest
from django.test import Client
from django.utils import timezone
from python_calamine import CalamineWorkbook

from cnvh.exports.periodic.forms import latest_complete_quarter
from cnvh.plan.models import ContentGroup
from tests import factories
from tests.exports import periodic_world

pytestmark = pytest.mark.django_db
URL = "/exports/periodic/"


@pytest.fixture
def world() -> periodic_world.World:
    return periodic_world.build()


def member(client: Client, world: periodic_world.World, language: str = "vi") -> Client:
    client.force_login(world.coordinator)
    client.cookies["django_language"] = language
    return client


def query(world: periodic_world.World, number: int = 2) -> str:
    return f"?plan={world.plan.code}&kind=quarter&year=2026&number={number}"


def test_the_preview_shows_the_documents_figures(
    client: Client, world: periodic_world.World
) -> None:
    page = member(client, world).get(URL + query(world)).content.decode()
    assert "Độc lập - Tự do - Hạnh phúc" in page
    assert "Quý II năm 2026" in page
    whole = page[page.index("Toàn Kế hoạch") :]
    cells = re.findall(r'<td class="num">([^<]*)</td>', whole)[:6]
    assert cells == ["3", "1", "1", "1", "0", "57%"]
    assert "50,0%" in page
    for download in ("report.xlsx", "report.pdf"):
        assert f'href="{URL}{download}{query(world).replace("&", "&amp;")}"' in page
    assert "<svg" in page and 'role="img"' in page


def test_the_latest_period_matches_the_plan_page(
    client: Client, world: periodic_world.World
) -> None:
    member(client, world)
    report = client.get(URL + query(world, 3)).content.decode()
    plan_page = client.get(f"/plan/?plan={world.plan.code}").content.decode()
    for task in world.tasks.values():
        if task.code == "T4":
            continue
        shown = f"{task.percent_done}%"
        assert shown in plan_page
        row = report[report.index(f'<span class="pd-code">{task.code}</span>') :]
        assert re.findall(r'<td class="num">([^<]*)</td>', row)[0] == shown


def test_without_a_choice_the_latest_complete_quarter(
    client: Client, world: periodic_world.World
) -> None:
    year, number = latest_complete_quarter(timezone.localdate())
    page = member(client, world).get(URL).content.decode()
    roman = {1: "I", 2: "II", 3: "III", 4: "IV"}[number]
    assert f"Quý {roman} năm {year}" in page
    assert latest_complete_quarter(date(2026, 2, 1)) == (2025, 4)
    assert latest_complete_quarter(date(2026, 11, 26)) == (2026, 3)


def test_the_english_version(client: Client, world: periodic_world.World) -> None:
    page = member(client, world, "en").get(URL + query(world)).content.decode()
    assert "SOCIALIST REPUBLIC OF VIETNAM" in page
    assert "Independence - Freedom - Happiness" in page
    assert "Quarter II of 2026" in page
    assert "Whole plan" in page and "50.0%" in page


def test_the_downloads(client: Client, world: periodic_world.World) -> None:
    member(client, world)
    workbook = client.get(URL + "report.xlsx" + query(world))
    assert workbook.status_code == 200
    assert workbook["Content-Disposition"] == (
        f'attachment; filename="cnvh-{world.plan.code}-2026-quarter2-vi.xlsx"'
    )
    book = CalamineWorkbook.from_filelike(io.BytesIO(workbook.content))
    rows = book.get_sheet_by_index(0).to_python()
    assert any(row[1] == "Toàn Kế hoạch" and row[2] == 3.0 for row in rows)
    document = client.get(URL + "report.pdf" + query(world))
    assert document.status_code == 200
    assert document["Content-Type"] == "application/pdf"
    assert document.content.startswith(b"%PDF-")


def test_a_wrong_choice_says_what_and_how_in_both_languages(
    client: Client, world: periodic_world.World
) -> None:
    member(client, world)
    page = client.get(URL + f"?plan={world.plan.code}&kind=half&year=2026&number=3")
    assert page.status_code == 200
    assert (
        "Kỳ này chỉ có số thứ tự từ 1 đến 2 trong năm. / "
        "This kind of period is numbered 1 to 2 in a year."
    ) in page.content.decode()
    empty = client.get(URL + "?year=").content.decode()
    assert "Trường này cần có giá trị: chọn hoặc nhập lại. / This field needs a value" in empty
    download = client.get(URL + "report.pdf?year=20x6")
    assert download.status_code == 400
    assert "Năm phải là một số, ví dụ 2025. / The year is a number, e.g. 2025." in (
        download.content.decode()
    )


def test_only_members(client: Client, world: periodic_world.World) -> None:
    assert client.get(URL).status_code == 302
    client.force_login(factories.user())
    assert client.get(URL + "report.pdf").status_code == 403


def test_text_in_the_charts_is_escaped(client: Client, world: periodic_world.World) -> None:
    ContentGroup.objects.filter(plan=world.plan, number=1).update(
        title_vi='<script>alert("x")</script> & co'
    )
    page = member(client, world).get(URL + query(world)).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page


def test_the_navigation_links_the_page(client: Client, world: periodic_world.World) -> None:
    page = member(client, world).get("/").content.decode()
    assert f'href="{URL}"' in page
    assert f'href="{URL}"' not in Client().get("/").content.decode()
