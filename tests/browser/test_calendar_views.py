"""The public calendar in a real browser, in Vietnamese, in English and on a phone: the
month, then the week (a day typed dd/mm/yyyy, the next week), then the map, whose
marker leads to the event's page. With CNVH_SCREENSHOTS=DIR the week (Vietnamese) and
the map (English) are saved there as calendar-week-vi.png and calendar-map-en.png."""

import os
import re
from datetime import date, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cnvh.events.models import Venue
from tests.events import make

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = os.environ.get("CNVH_SCREENSHOTS")


def shot(page: Any, name: str) -> None:
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / f"{name}.png"), full_page=True)


@pytest.fixture
def town() -> make.City:
    town = make.city()
    town.hall.latitude, town.hall.longitude = Decimal("21.024167"), Decimal("105.857500")
    town.hall.save()
    town.ward.latitude, town.ward.longitude = 21.0288, 105.8525
    town.ward.name_en = "Hoàn Kiếm Ward"
    town.ward.save()
    temple_of_literature = Venue.objects.create(
        name="Văn Miếu – Quốc Tử Giám",
        ward=town.ward,
        address="58 Quốc Tử Giám",
        latitude=Decimal("21.029167"),
        longitude=Decimal("105.835833"),
    )
    make.published(
        town,
        title_vi="Triển lãm thư pháp mùa xuân",
        title_en="Spring calligraphy exhibition",
        venue=temple_of_literature,
        starts_on=date(2026, 3, 2),
        ends_on=date(2026, 3, 8),
    )
    make.published(
        town,
        title_vi="Hòa nhạc giao hưởng",
        title_en="Symphony concert",
        starts_on=date(2026, 3, 7),
    )
    make.published(
        town,
        title_vi="Tuần lễ áo dài <Xuân>",
        title_en="Áo dài week",
        kind="fashion_show",
        starts_on=date(2026, 3, 6),
        ends_on=date(2026, 3, 9),
        starts_at=time(8, 0),
        ends_at=time(20, 0),
    )
    make.published(
        town,
        title_vi="Đêm chầu văn Rằm tháng Giêng",
        title_en="Chầu văn night at the Lantern festival",
        venue=town.temple,
        starts_on=date(2026, 3, 3),
        lunar_day=15,
        lunar_month=1,
        recurs_yearly=True,
    )
    return town


def day_tops(page: Any) -> list[int]:
    return page.eval_on_selector_all(
        ".week__day", "days => days.map(day => Math.round(day.getBoundingClientRect().top))"
    )


def test_month_week_and_map_in_vietnamese(new_page: Any, town: make.City) -> None:
    page = new_page("vi")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/calendar/?month=2026-03")
    assert "Tuần lễ áo dài <Xuân>" in page.inner_text("main")
    page.get_by_role("link", name="Tuần", exact=True).click()
    page.wait_for_load_state()
    # The month's week opens on 1 March, a Sunday: the week of 23/02.
    assert "Tuần 9: 23/02 – 01/03/2026" in page.inner_text("h2")
    page.locator("#id_day").fill("04/03/2026")
    page.get_by_role("button", name="Xem").click()
    page.wait_for_load_state()
    assert "Tuần 10: 02/03 – 08/03/2026" in page.inner_text("h2")
    days = page.locator(".week__day")
    assert "âm lịch 14/1" in days.nth(0).inner_text()
    assert "Theo âm lịch: ngày 15 tháng Giêng năm Bính Ngọ" in days.nth(1).inner_text()
    shown = [i for i in range(7) if "Tuần lễ áo dài <Xuân>" in days.nth(i).inner_text()]
    assert shown == [4, 5, 6]
    assert len(set(day_tops(page))) == 1  # seven columns side by side
    shot(page, "calendar-week-vi")
    page.get_by_role("link", name="Tuần sau →").click()
    page.wait_for_load_state()
    assert "ngày 4/4" in page.locator(".week__day").nth(0).inner_text()
    page.get_by_role("link", name="Bản đồ").click()
    page.wait_for_load_state()
    assert "Sự kiện tháng 03/2026 tại địa điểm tổ chức" in page.inner_text("main")
    assert "Đêm chầu văn Rằm tháng Giêng" in page.inner_text(".event-map__unplaced")
    page.get_by_role("link", name=re.compile(r"^2\. ")).click()
    page.wait_for_load_state()
    assert page.inner_text("h1") == "Tuần lễ áo dài <Xuân>"


def test_the_map_in_english(new_page: Any, town: make.City) -> None:
    page = new_page("en")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/calendar/week/?day=04/03/2026")
    assert "Week 10: 02/03 – 08/03/2026" in page.inner_text("h2")
    assert "day 2 of 4" in page.locator(".week__day").nth(5).inner_text()
    page.get_by_role("link", name="Map", exact=True).click()
    page.wait_for_load_state()
    assert "Events of 03/2026 at their venues" in page.inner_text("main")
    marker = page.locator(".event-map__marker")
    assert marker.count() == 3
    listed = page.inner_text(".event-map__list")
    assert listed.index("Spring calligraphy") < listed.index("Áo dài week")
    assert "Hoàn Kiếm" in page.text_content(".event-map svg")
    shot(page, "calendar-map-en")
    page.get_by_role("link", name=re.compile(r"^2\. ")).click()
    page.wait_for_load_state()
    assert page.inner_text("h1") == "Áo dài week"


def test_on_a_phone(new_page: Any, town: make.City) -> None:
    page = new_page("vi")
    page.set_viewport_size({"width": 390, "height": 800})
    page.goto("/calendar/week/?day=04/03/2026")
    tops = day_tops(page)
    assert tops == sorted(tops) and len(set(tops)) == 7  # one day under another
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    shot(page, "calendar-week-phone-vi")
    page.get_by_role("link", name="Bản đồ").click()
    page.wait_for_load_state()
    box = page.locator(".event-map svg").bounding_box()
    assert box is not None and box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
