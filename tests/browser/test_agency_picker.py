"""The coordinator chooses agencies for a new task in Vietnamese: typing "hoan kiem"
in the lead agency's search box leaves "Phường Hoàn Kiếm"; the coordinating agencies
are ticked in a searchable checkbox list; what was chosen is what is stored."""

from typing import Any

import pytest

from cnvh.plan.models import Agency, Role, Task
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "s3cret-pass-word"

AGENCIES = [
    ("so-vhtt", Agency.Kind.DEPARTMENT, "Sở Văn hóa và Thể thao"),
    ("hoan-kiem", Agency.Kind.WARD, "Phường Hoàn Kiếm"),
    ("hoang-mai", Agency.Kind.WARD, "Phường Hoàng Mai"),
    ("o-cho-dua", Agency.Kind.WARD, "Phường Ô Chợ Dừa"),
    ("ung-hoa", Agency.Kind.COMMUNE, "Xã Ứng Hòa"),
    ("dong-anh", Agency.Kind.COMMUNE, "Xã Đông Anh"),
]


def test_choosing_agencies_by_typing(new_page: Any) -> None:
    made = {code: factories.agency(code, kind, name_vi=name) for code, kind, name in AGENCIES}
    factories.group(factories.plan(made["so-vhtt"]), number=2)
    factories.user(Role.COORDINATOR, made["so-vhtt"], "dieuphoi")

    page = new_page("vi")
    page.goto("/login/")
    page.get_by_label("Tên đăng nhập").fill("dieuphoi")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()
    page.goto("/plan/tasks/new/")

    searches = page.get_by_role("searchbox", name="Tìm cơ quan")
    searches.nth(0).fill("hoan kiem")
    visible = page.locator("#id_lead_agency option:not([hidden])").all_inner_texts()
    assert [text for text in visible if text != "—"] == ["Phường Hoàn Kiếm"]
    page.keyboard.press("Enter")  # the first match is chosen, the form not sent
    assert page.locator("#id_lead_agency").input_value() == str(made["hoan-kiem"].pk)

    searches.nth(1).fill("ung hoa")
    page.get_by_label("Xã Ứng Hòa").check()
    searches.nth(1).fill("o cho")
    page.get_by_label("Phường Ô Chợ Dừa").check()
    page.screenshot(path="docs/screenshots/agency-picker-vi.png", full_page=True)

    page.locator("#id_group").select_option(index=1)
    page.locator("#id_code").fill("2.7")
    page.locator("#id_title_vi").fill("Phố đi bộ văn hóa")
    page.locator("#id_starts_on").fill("01/02/2026")
    page.locator("#id_due_on").fill("31/12/2026")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_url("**/plan/tasks/*/")

    task = Task.objects.get(code="2.7")
    assert task.lead_agency == made["hoan-kiem"]
    assert set(task.coordinating_agencies.values_list("code", flat=True)) == {
        "ung-hoa",
        "o-cho-dua",
    }
