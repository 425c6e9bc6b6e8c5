"""The registry's demo, loaded after the demo plan through the workflow: once, by the
demo's people, with the history saying who did what."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from cnvh.brightspots.models import BrightSpot
from cnvh.events import workflow as events
from cnvh.events.models import Event, Venue
from cnvh.plan.demo.load import load_demo_plan
from cnvh.plan.models import Agency
from cnvh.unesco import demo
from cnvh.unesco.indicators import Span, compute
from cnvh.unesco.models import Commitment, CommitmentActivity, MonitoringReport, Outreach

pytestmark = pytest.mark.django_db


def test_the_demo_loads_once_through_the_workflow() -> None:
    assert demo.load_demo() is None  # no plan yet: nothing to hang it on
    load_demo_plan(date(2026, 11, 26), demo_mode=True)
    loaded = demo.load_demo()
    assert loaded is not None
    assert (loaded.commitments, loaded.activities, loaded.outreach) == (6, 5, 23)
    assert demo.load_demo() is None
    assert Commitment.objects.get(code="festival").tasks.get().code == "8.1"
    statuses = dict(MonitoringReport.objects.values_list("first_year", "status"))
    assert statuses == {2019: "approved", 2023: "draft"}
    # The demo's ward officer recorded their ward's two sessions; the coordinator the
    # other wards'.
    theirs = Outreach.objects.filter(recorded_by__username="canbophuong")
    assert theirs.count() == 2
    assert {s.organiser.short_name for s in theirs} == {"Phường Hoàn Kiếm"}
    assert {h.history_user.username for s in theirs for h in s.history.all()} == {"canbophuong"}
    found = compute(Span(2025, 2025))
    # 12 wards, the officer's among them, of the 126 wards and communes.
    assert (found.units_disseminating, found.local_units) == (12, 126)
    assert (found.trained_women, found.trained_men) == (28, 17)
    # 2026: the artisans' course (14 women, 9 men) and a second round in 8 more wards.
    found = compute(Span(2026, 2026))
    assert (found.units_disseminating, found.trained_women, found.trained_men) == (8, 14, 9)
    found = compute(Span(2025, 2026))
    assert (found.units_disseminating, found.trained_women, found.trained_men) == (20, 42, 26)


def test_the_demo_links_activities_to_the_festival_and_the_model() -> None:
    """With the events and models demos loaded first (as `load-demo` does), the year's
    festival is an activity of the festival commitment, linked to its event, and the
    Bát Tràng creative space to the model it became."""
    load_demo_plan(date(2026, 11, 26), demo_mode=True)
    culture = Agency.objects.get(code="so-vhtt")
    ward = Agency.objects.filter(kind=Agency.Kind.WARD).order_by("code").first()
    assert ward is not None
    coordinator = get_user_model().objects.get(username="dieuphoi")
    hall = Venue.objects.create(name="Hoàng thành Thăng Long", ward=ward, address="19C Hoàng Diệu")
    festival = Event(
        title_vi=demo.FESTIVAL_EVENT,
        title_en="Hanoi Creative Design Festival",
        kind="festival",
        sectors=["design"],
        organiser_kind=Event.OrganiserKind.AGENCY,
        organiser_agency=culture,
        venue=hall,
        starts_on=date(2026, 11, 7),
        ends_on=date(2026, 11, 16),
        expected_attendance=20000,
        filed_on=date(2026, 9, 1),
        receiving_agency=culture,
    )
    festival = events.file_event(festival, "nd110-registration", coordinator)
    pottery = BrightSpot.objects.create(
        name_vi=demo.CRAFT_VILLAGE_MODEL,
        name_en="Bat Trang pottery experience",
        level="enterprise",
        sector="crafts",
        host_kind=BrightSpot.HostKind.AGENCY,
        host_agency=ward,
        ward=ward,
        start_year=2020,
        created_by=coordinator,
    )
    loaded = demo.load_demo()
    assert loaded is not None and loaded.activities == 6
    held = CommitmentActivity.objects.get(events=festival)
    assert (held.commitment.code, held.title_en) == ("festival", "Creative Design Festival 2026")
    assert (held.starts_on, held.ends_on) == (date(2026, 11, 7), date(2026, 11, 16))
    space = CommitmentActivity.objects.get(bright_spots=pottery)
    assert space.commitment.code == "creative-spaces"
    assert {h.history_user.username for h in held.history.all()} == {"dieuphoi"}
