"""The demo's events, made through the workflow around the demo plan, quickly."""

from collections import Counter
from datetime import date

import pytest
from django.db import transaction

from cnvh.events.demo import load_demo_events
from cnvh.events.models import Clash, ClearanceNotice, Event
from cnvh.plan.demo.load import load_demo_plan

pytestmark = pytest.mark.django_db(transaction=False)
TODAY = date(2026, 11, 26)


def test_every_step_is_shown_and_loading_twice_changes_nothing() -> None:
    with transaction.atomic():
        assert load_demo_plan(TODAY, demo_mode=True) is not None
        assert load_demo_events(TODAY, demo_mode=True) == 10
        statuses = Counter(Event.objects.values_list("status", flat=True))
        assert statuses == {
            "reported": 2,
            "held": 1,
            "published": 2,
            "in_clearance": 2,
            "incomplete": 1,
            "filed": 1,
            "refused": 1,
        }
        jazz = Event.objects.get(title_en="Jazz by the lake")
        overdue = [c.agency.short_name for c in jazz.clearances.all() if c.overdue_on(TODAY)]
        assert overdue == ["Phường Hoàn Kiếm"]
        # The daily reminders ran as of the demo's day: the ward is told, and escalated.
        told = {n.kind for n in ClearanceNotice.objects.filter(clearance__event=jazz)}
        assert told == {"overdue", "escalated"}
        # Tết 2027 is 6 February: the 6th of the 1st lunar month is 11 February.
        festival = Event.objects.get(lunar_day=6)
        assert festival.starts_on == date(2027, 2, 11)
        assert Event.objects.get(title_en="West Lake Light Festival").late_filing
        # One clash, found by the detector when the street music was filed: the walking
        # street (21.028794, 105.853550) is 0.001935° south and 0.001147° east of the
        # temple (21.030729, 105.852403): 215.2 m and 0.001147 × cos 21.03° × 111,195 =
        # 119.0 m, so √(215.2² + 119.0²) = 245.9 m, within 300 m, on the same evening.
        clash = Clash.objects.select_related("event", "other").get()
        assert (clash.rule, clash.distance_metres) == ("nearby", 246)
        assert (clash.event.title_en, clash.other.title_en) == (
            "Street music by Hoan Kiem Lake",
            "Jazz by the lake",
        )
        assert clash.is_open and clash.found_on == date(2026, 11, 20)
        assert load_demo_events(TODAY, demo_mode=True) == 0
        transaction.set_rollback(True)
