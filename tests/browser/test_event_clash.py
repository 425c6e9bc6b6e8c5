"""A clash in a real browser, on the Vietnamese pages: the culture department's officer
records a concert at the Opera House on the day of a file already recorded there; the
event's page shows the clash; the ward's officer, asked for a view, sees it in the queue;
the officer types how it was resolved, which is read back from the database."""

from typing import Any

import pytest

from cnvh.events import workflow
from cnvh.events.models import Clash, Event
from tests.browser.test_events_journey import file_the_event, shot
from tests.browser.test_typed_input import log_in
from tests.events import make

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_clash_shows_on_the_event_page_and_is_resolved(new_page: Any) -> None:
    town = make.city()
    make.event(town, title_vi="Đêm nhạc Trịnh Công Sơn", expected_attendance=400)
    officer = new_page("vi")
    log_in(officer, "culture-officer")
    file_the_event(officer, town)

    concert = Event.objects.get(title_vi="Hòa nhạc mùa xuân")
    clash = Clash.objects.get()
    assert (clash.event, clash.rule) == (concert, "same_venue")
    assert officer.url.endswith(f"/events/{concert.pk}/")
    shown = officer.locator("section.clashes li.clash--open")
    assert shown.count() == 1
    assert "Đêm nhạc Trịnh Công Sơn" in shown.inner_text()
    assert "02/03/2026" in shown.inner_text()
    shot(officer, "clash-vi")

    workflow.start_clearance(concert, concert.filed_on, town.officer)
    ward = new_page("vi")
    log_in(ward, "ward-officer")
    ward.goto("/events/views/")
    row = ward.locator("tr", has_text="Hòa nhạc mùa xuân")
    assert "Đêm nhạc Trịnh Công Sơn" in row.inner_text()

    note = "Hai bên thống nhất: đêm nhạc Trịnh kết thúc lúc 19 giờ, hòa nhạc bắt đầu 20 giờ."
    officer.goto(f"/events/{concert.pk}/")
    officer.locator(f"#resolution-{clash.pk}").fill(note)
    officer.locator("section.clashes button[type=submit]").click()
    officer.wait_for_load_state()
    clash.refresh_from_db()
    assert (clash.resolution, clash.resolved_by) == (note, town.officer)
    assert note in officer.locator("section.clashes").inner_text()
    assert officer.locator("section.clashes li.clash--open").count() == 0
