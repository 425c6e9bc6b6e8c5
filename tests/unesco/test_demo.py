"""The registry's demo, loaded after the demo plan through the workflow: once, by the
demo's people, with the history saying who did what."""

from datetime import date

import pytest

from cnvh.plan.demo.load import load_demo_plan
from cnvh.unesco import demo
from cnvh.unesco.indicators import Span, compute
from cnvh.unesco.models import Commitment, MonitoringReport, Outreach

pytestmark = pytest.mark.django_db


def test_the_demo_loads_once_through_the_workflow() -> None:
    assert demo.load_demo() is None  # no plan yet: nothing to hang it on
    load_demo_plan(date(2026, 11, 26), demo_mode=True)
    loaded = demo.load_demo()
    assert loaded is not None
    assert (loaded.commitments, loaded.activities, loaded.outreach) == (6, 5, 14)
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
