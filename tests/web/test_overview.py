import re
from collections.abc import Callable

import pytest
from django.test import Client

from cnvh.estimates.models import Estimate
from cnvh.estimates.store import publish, save_estimate
from cnvh.plan.models import Indicator
from cnvh.stats.result import Estimate as Result

MakeEstimate = Callable[..., Result]

pytestmark = pytest.mark.django_db

BANNER_VI = "Dữ liệu minh họa tổng hợp — không phải số liệu chính thức"
BANNER_EN = "Synthetic demo data — not official statistics"


def get(client: Client, language: str) -> str:
    client.cookies["django_language"] = language  # what the language switch sets
    response = client.get("/")
    assert response.status_code == 200
    assert response["Content-Language"] == language
    return response.content.decode()


def test_vietnamese_by_default(client: Client, published_estimate: Estimate) -> None:
    page = client.get("/").content.decode()
    assert '<html lang="vi">' in page
    assert "Tỷ trọng trong GRDP" in page


def test_shares_in_vietnamese_style(client: Client, published_estimate: Estimate) -> None:
    page = get(client, "vi")
    assert "4,2%" in page
    assert "3,5%" in page
    assert "4.2%" not in page


def test_shares_in_english_style(client: Client, published_estimate: Estimate) -> None:
    page = get(client, "en")
    assert "4.2%" in page
    assert "4,2%" not in page
    assert "Share of GRDP" in page


def test_value_added_in_a_readable_unit(client: Client, published_estimate: Estimate) -> None:
    # 60,060,000 million VND = 60.06 trillion VND.
    assert "60,1" in get(client, "vi")
    assert "nghìn tỷ đồng" in get(client, "vi")
    assert "60.1" in get(client, "en")
    assert "trillion VND" in get(client, "en")


def test_synthetic_banner(client: Client, published_estimate: Estimate) -> None:
    assert BANNER_VI in get(client, "vi")
    assert BANNER_EN in get(client, "en")


def test_no_banner_for_real_data(client: Client, make_estimate: MakeEstimate) -> None:
    publish(save_estimate(make_estimate(), label="office", synthetic=False))
    assert BANNER_VI not in get(client, "vi")


def test_plan_targets_and_gap(
    client: Client, published_estimate: Estimate, share_indicator: Indicator
) -> None:
    page = get(client, "en")
    assert "Plan 217/KH-UBND" in page
    assert "5% of GRDP by 2025" in page
    assert "8% of GRDP by 2030" in page
    # Trajectory 2024: 3.5% + (5% - 3.5%) x 3/4 = 4.625%; the estimate is 4.2%.
    assert "4.6%" in page
    assert "-0.4 pp" in page
    # Ratio (4.2 - 3.5) / (4.625 - 3.5) = 0.622: at risk.
    assert '<span class="status status--at_risk">At risk</span>' in page


def test_confidence_interval(client: Client, published_estimate: Estimate) -> None:
    assert "3.9% – 4.5%" in get(client, "en")


def test_sectors_of_the_latest_year_in_the_current_language(
    client: Client, published_estimate: Estimate
) -> None:
    page = get(client, "vi")
    assert "Các ngành năm 2024" in page
    assert "Thủ công mỹ nghệ" in page
    page = get(client, "en")
    assert "Sectors in 2024" in page
    assert "Handicrafts" in page
    assert "Thủ công mỹ nghệ" not in page


def test_says_which_definition_and_revision(client: Client, published_estimate: Estimate) -> None:
    page = get(client, "en")
    assert "hanoi-plan" in page
    assert "version 2025.1" in page
    assert "revision 1" in page
    assert "million VND" in page
    assert f'href="/estimates/{published_estimate.pk}/"' in page


def test_one_section_per_scope_latest_revision(client: Client, make_estimate: MakeEstimate) -> None:
    publish(save_estimate(make_estimate("fcs-core"), label="", synthetic=True))
    publish(save_estimate(make_estimate("hanoi-plan"), label="", synthetic=True))
    newest = publish(save_estimate(make_estimate("hanoi-plan"), label="", synthetic=True)).estimate
    page = get(client, "en")
    assert page.count('class="estimate"') == 2
    assert page.index('id="scope-hanoi-plan"') < page.index('id="scope-fcs-core"')
    assert f"/estimates/{newest.pk}/" in page


def test_chart_data_through_json_script(client: Client, published_estimate: Estimate) -> None:
    page = get(client, "en")
    assert f'<script id="share-chart-{published_estimate.pk}" type="application/json">' in page
    assert f'<script id="sector-chart-{published_estimate.pk}" type="application/json">' in page
    assert "/static/web/vendor/echarts/echarts.min.js" in page
    # Scripts only from our own static files (a random CSRF token may well contain "cdn").
    assert all(src.startswith("/static/") for src in re.findall(r'<script src="([^"]+)"', page))


def test_other_definitions_show_the_targets_for_reference_only(
    client: Client, make_estimate: MakeEstimate, share_indicator: Indicator
) -> None:
    publish(save_estimate(make_estimate("fcs-core"), label="", synthetic=True))
    page = get(client, "en")
    assert "Gap to trajectory" not in page
    assert "targets for reference</h3>" in page
    assert "marked for reference only, without a trajectory or a gap" in page
    assert '"trajectory": null' in page
    assert '"targets": [["2025", 5.0], ["2030", 8.0]]' in page


def test_an_estimate_without_city_totals_still_renders(
    client: Client, make_estimate: MakeEstimate
) -> None:
    result = make_estimate()
    result.rows = [row for row in result.rows if row.area is not None]
    publish(save_estimate(result, label="", synthetic=False))
    page = get(client, "en")
    assert 'id="scope-hanoi-plan"' in page
    assert "Sectors in" not in page
