"""The road page in a real browser: a leader types GRDP growth the Vietnamese way, the
result redraws without reloading the page, and the required growth read back is the one
computed by hand."""

from typing import Any

import pytest

from cnvh.estimates.models import Estimate
from tests.road_data import BASE_SHARE, published_road_estimate

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def road_estimate() -> Estimate:
    return published_road_estimate()


def required_total(page: Any, year: int) -> str:
    cell = page.locator(f'table[data-target-year="{year}"] td[data-required-total]')
    return str(cell.inner_text()).strip()


def test_typing_7_5_percent_redraws_the_required_growth(
    new_page: Any, road_estimate: Estimate
) -> None:
    page = new_page("vi")
    page.set_default_timeout(60_000)  # ECharts is large for a busy test machine
    page.goto("/road/")
    assert page.locator("h1").inner_text() == "Con đường tới 5% và 8%"
    assert page.locator("[data-chart=road] svg").count() == 1
    before = required_total(page, 2030)
    page.evaluate("window.roadMarker = 'same page'")  # lost if the page reloaded

    page.locator("#id_grdp_growth").fill("7,5")
    with page.expect_response(lambda response: "grdp_growth=7%2C5" in response.url):
        page.locator("#id_grdp_growth").press("Tab")  # a change redraws the result
    # 2024 -> 2030 for 8%: 1.075 · 1.1133115 − 1 = 19.7%
    expected = 1.075 * (0.08 / BASE_SHARE) ** (1 / 6) - 1
    shown = f"{expected * 100:.1f}%".replace(".", ",")
    assert shown == "19,7%"
    page.wait_for_function(
        'text => document.querySelector(\'table[data-target-year="2030"] '
        "td[data-required-total]').innerText.trim() === text",
        arg=shown,
    )
    assert required_total(page, 2030) == shown != before
    assert page.evaluate("window.roadMarker") == "same page"
    assert (
        "GRDP tăng 7,50% mỗi năm, như đã nhập ở trên." in page.locator("#road-result").inner_text()
    )
    assert page.locator("[data-chart=road] svg").count() == 1
    assert "grdp_growth=7%2C5" in page.url  # the address keeps the assumptions
