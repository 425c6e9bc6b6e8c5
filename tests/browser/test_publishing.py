"""A statistician publishes a new revision through its review page, in Vietnamese: the
page warns that the ward map would disappear and the headline moves, refuses to publish
unconfirmed, then publishes and records who did it and why."""

from typing import Any

import pytest

from cnvh.estimates import publishing
from cnvh.estimates.models import PublicationChange
from cnvh.estimates.store import save_estimate
from cnvh.plan.models import Role
from tests import factories
from tests.conftest import engine_estimate
from tests.estimates.test_publishing import revised

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "s3cret-pass-word"


def test_publishing_through_the_review_page(new_page: Any) -> None:
    old = save_estimate(engine_estimate(), label="Quý 3", synthetic=True)
    publishing.publish_revision(old, None, "first")
    new = save_estimate(revised(), label="Quý 4", synthetic=True)
    factories.user(Role.STATISTICIAN, factories.agency("cuc-tk"), "thongke")

    page = new_page("vi")
    page.goto("/login/")
    page.get_by_label("Tên đăng nhập").fill("thongke")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_load_state()

    page.goto(f"/estimates/{new.pk}/")
    page.get_by_role("link", name="Xem xét và công bố phiên bản này").click()
    page.wait_for_url(f"**/estimates/{new.pk}/publish/")
    warnings = page.get_by_role("alert").first.inner_text()
    assert "bản đồ phường công khai" in warnings
    assert "4,2% thành 4,6%" in warnings
    page.screenshot(path="docs/screenshots/estimate-review-vi.png", full_page=True)

    page.get_by_role("button", name="Công bố phiên bản này").click()
    # The form comes back with its message at the same address: wait for the message.
    page.get_by_text("Hãy đánh dấu ô để xác nhận công bố.").first.wait_for()
    assert publishing.public_revision("hanoi-plan") == old

    page.get_by_label("Tôi đã kiểm tra các chênh lệch trên").check()
    page.get_by_label("Ghi chú (không bắt buộc)").fill("Số liệu quý 4/2024")
    page.get_by_role("button", name="Công bố phiên bản này").click()
    page.wait_for_url(f"**/estimates/{new.pk}/")
    assert publishing.public_revision("hanoi-plan") == new
    change = PublicationChange.objects.get(estimate=new)
    assert change.changed_by is not None
    assert change.changed_by.username == "thongke"
    assert change.reason == "Số liệu quý 4/2024"
    assert "Lịch sử công bố" in page.locator("main").inner_text()
