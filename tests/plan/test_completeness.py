"""Completeness and timeliness, against counts worked out by hand."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from cnvh.plan.completeness import completeness, late_agencies, owes_report
from cnvh.plan.models import ProgressReport, Task
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def ward() -> dict[str, object]:
    ward = factories.agency("ward")
    officer = factories.user(of=ward)
    q2 = factories.quarter(2026, 2)  # April–June, due 10 July
    group = factories.group()
    make = factories.task
    t1, t2, t3 = (make(lead=ward, in_group=group, code=f"T{n}") for n in (1, 2, 3))
    finished = make(lead=ward, in_group=group, code="done", completed_on=date(2026, 3, 15))
    half_yearly = make(lead=ward, in_group=group, code="half", frequency=Task.Frequency.HALF)
    later = make(lead=ward, in_group=group, code="later", starts_on=date(2026, 7, 1))
    factories.report(t1, q2, officer, first_submitted_at=factories.at(date(2026, 7, 8)))
    factories.report(
        t2,
        q2,
        officer,
        status=ProgressReport.Status.RETURNED,
        first_submitted_at=factories.at(date(2026, 7, 12)),
    )
    factories.report(t3, q2, officer)  # a draft: not submitted
    return {"ward": ward, "q2": q2, "tasks": (t1, t2, t3, finished, half_yearly, later)}


def test_which_tasks_owe_a_report(ward: dict) -> None:
    owed = [task.code for task in ward["tasks"] if owes_report(task, ward["q2"])]
    assert owed == ["T1", "T2", "T3"]


def test_completeness_and_timeliness(ward: dict) -> None:
    (row,) = completeness([ward["q2"]], as_of=factories.at(date(2026, 7, 20)))
    assert row.agency == ward["ward"]
    assert (row.expected, row.submitted, row.on_time) == (3, 2, 1)
    assert row.completeness == pytest.approx(2 / 3)
    assert row.timeliness == pytest.approx(1 / 3)
    assert [task.code for task in row.missing] == ["T3"]


def test_as_of_an_earlier_day(ward: dict) -> None:
    (row,) = completeness([ward["q2"]], as_of=factories.at(date(2026, 7, 9)))
    assert (row.submitted, row.on_time) == (1, 1)


def test_due_date_is_a_local_day(ward: dict) -> None:
    """23:30 in Hanoi on the due date is 16:30 UTC: on time."""
    t3 = ward["tasks"][2]
    late_evening = datetime(2026, 7, 10, 23, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    ProgressReport.objects.filter(task=t3).update(first_submitted_at=late_evening)
    (row,) = completeness([ward["q2"]], as_of=factories.at(date(2026, 7, 20)))
    assert (row.submitted, row.on_time) == (3, 2)


def test_late_agencies(ward: dict) -> None:
    punctual = factories.agency("punctual")
    task = factories.task(lead=punctual)
    factories.report(
        task,
        ward["q2"],
        factories.user(of=punctual),
        first_submitted_at=factories.at(date(2026, 7, 1)),
    )
    assert late_agencies(date(2026, 7, 10)) == []  # not yet due
    late = late_agencies(date(2026, 7, 11))
    assert [(row.agency.code, len(row.missing)) for row in late] == [("ward", 1)]
