"""An OCOP rating in a real browser, on the Vietnamese pages: the coordinator types the
council's points for a proposed product with decimal commas (32,5 + 20 + 20 = 72,5); a
leader types the decision date 31/08/2026; the public page (no login) shows 4 stars
until 31/08/2029. What was stored is read back from the database.

With CNVH_SCREENSHOTS set, the pages are saved as docs/screenshots/crafts-*.png.
"""

import os
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cnvh.crafts import workflow
from cnvh.crafts.epcis import VIETNAM
from cnvh.crafts.models import OcopRating, TraceEvent
from cnvh.plan.models import Role
from tests import factories
from tests.browser.test_typed_input import log_in
from tests.crafts import make

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def shot(page: Any, name: str) -> None:
    if os.environ.get("CNVH_SCREENSHOTS"):
        page.screenshot(path=str(SHOTS / f"crafts-{name}.png"), full_page=True)


def test_an_ocop_rating_typed_the_vietnamese_way(new_page: Any) -> None:
    coordinator = factories.user(Role.COORDINATOR, name="dieuphoi")
    factories.user(Role.LEADER, name="lanhdao")
    ward = make.ward("xa-bat-trang")
    ward.name_vi, ward.name_en = "Xã Bát Tràng", "Bat Trang commune"
    ward.save()
    pottery = make.craft(name_vi="Gốm sứ", name_en="Ceramics", years_present=500)
    village = make.village(
        ward, name="Làng gốm Bát Tràng", craft=pottery, households_in_trade=180, workers=5200
    )
    product = make.product(
        ward, code="binh-gom-men-ran", name_vi="Bình gốm men rạn", village=village
    )

    for day, step, disposition in ((1, "commissioning", "active"), (4, "shipping", "in_transit")):
        TraceEvent.objects.create(
            product=product,
            lot="L2026-10",
            event_time=datetime(2026, 10, day, 8, 30, tzinfo=VIETNAM),
            action="OBSERVE",
            biz_step=step,
            disposition=disposition,
            read_point="geo:20.9767,105.9128",
            place_name="Xưởng gốm, Bát Tràng",
            recorded_by=coordinator,
        )
    # Proposed in March, so that a decision of 31/08/2026 comes after it.
    workflow.propose(product, coordinator, date(2026, 3, 2))

    page = new_page("vi")
    log_in(page, "dieuphoi")
    page.goto(f"/crafts/villages/{village.pk}/")
    shot(page, "village-vi")
    page.goto(f"/crafts/products/{product.pk}/")
    page.get_by_role("link", name="Nhập điểm của hội đồng").click()
    page.locator("#id_score_a").fill("32,5")
    page.locator("#id_score_b").fill("20")
    page.locator("#id_score_c").fill("20")
    shot(page, "score-vi")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_load_state()
    rating = OcopRating.objects.get(product=product)
    assert (rating.status, rating.score_a, rating.total) == ("scored", Decimal("32.5"), 72.5)
    assert "72,5" in page.locator("table.ratings").inner_text()

    leader = new_page("vi")
    log_in(leader, "lanhdao")
    leader.goto(f"/crafts/ratings/{rating.pk}/decide/")
    assert "72,5" in leader.locator("#rating-outcome").inner_text()
    leader.locator("#id_decision_number").fill("1234/QĐ-UBND")
    leader.locator("#id_decision_date").fill("31/08/2026")
    leader.get_by_role("button", name="Lưu").click()
    leader.wait_for_load_state()
    rating.refresh_from_db()
    assert (rating.stars, rating.level) == (4, "city")
    assert (rating.decision_date, rating.expires_on) == (date(2026, 8, 31), date(2029, 8, 31))
    row = leader.locator("table.ratings").inner_text()
    assert "31/08/2026" in row and "31/08/2029" in row and "4★" in row
    shot(leader, "product-vi")

    public = new_page("vi")
    public.goto("/p/binh-gom-men-ran/")
    assert (
        "4 sao (quyết định 1234/QĐ-UBND), hiệu lực đến 31/08/2029"
        in public.locator("#ocop").inner_text()
    )
    assert "01/10/2026 08:30" in public.locator("ol.chain").inner_text()
    shot(public, "public-vi")
    leader.goto("/crafts/")
    shot(leader, "indicators-vi")
