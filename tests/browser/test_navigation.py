"""The menu in a real browser: one line on a 1366-pixel screen for the person with the
most pages, one button on a phone that opens the whole menu."""

from typing import Any

import pytest

from cnvh.plan.models import Role
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "s3cret-pass-word"  # the factories' password


@pytest.fixture
def coordinator(db: None) -> Any:
    person = factories.user(Role.COORDINATOR, factories.agency("so-vhtt"), "dieuphoi")
    person.first_name = "Trần Thị Điều"
    person.save()
    return person


def log_in(page: Any) -> None:
    page.goto("/login/")
    page.get_by_label("Tên đăng nhập").fill("dieuphoi")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()


def test_the_menu_keeps_to_one_line_at_1366_pixels(new_page: Any, coordinator: Any) -> None:
    page = new_page("vi")
    page.set_viewport_size({"width": 1366, "height": 800})
    log_in(page)
    page.goto("/plan/")
    tops = page.eval_on_selector_all(
        ".site-nav__pages > li, .site-nav__account > li",
        "items => items.map(item => Math.round(item.getBoundingClientRect().top))",
    )
    assert len(tops) >= 8
    assert len(set(tops)) == 1, tops
    # The account menu holds the notifications and the logout.
    page.get_by_text("Trần Thị Điều").click()
    assert page.get_by_role("link", name="Thông báo").is_visible()
    assert page.get_by_role("button", name="Đăng xuất").is_visible()


def test_on_a_phone_the_menu_is_one_button(new_page: Any, coordinator: Any) -> None:
    page = new_page("vi")
    page.set_viewport_size({"width": 390, "height": 800})
    log_in(page)
    page.goto("/plan/")
    plan_link = page.locator(".site-nav__pages").get_by_role("link", name="Kế hoạch")
    assert not plan_link.is_visible()
    nav_height = page.eval_on_selector(".site-nav", "nav => nav.getBoundingClientRect().height")
    assert nav_height < 60
    page.get_by_role("button", name="Danh mục").click()
    assert plan_link.is_visible()
    plan_link.click()
    page.wait_for_load_state()
    assert page.url.endswith("/plan/")
