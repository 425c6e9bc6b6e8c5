"""A small plan for the periodic report's tests, made through the real workflow.

Department of Culture (under the city committee) runs a plan of two content groups:

    group 1  T1  quarterly, lead A: Q1 40% (events 3), Q2 70% (events 4), Q3 90% (events 5),
                 each approved; due 2026-12-31
             T2  quarterly, lead B: Q1 completed (events 2); due 2026-06-30
    group 2  T3  quarterly, lead A: no report at all; due 2026-03-31 (overdue from April)
             T4  starts 2026-09-01: not in the plan before Q3

At the end of Q2: T1 in progress 70%, T2 completed 100%, T3 not started 0% and
overdue; the mean is 170/300. Reports due for Q2: T1 and T3 (T2 was completed in Q1);
T1's came on time, T3's never: completeness and timeliness 1/2. Events to the end
of Q2: 3 + 4 + 2 = 9; to the end of Q3: 14.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from cnvh.plan import workflow
from cnvh.plan.models import (
    Agency,
    Indicator,
    Plan,
    ReportingPeriod,
    ReportValue,
    Role,
    Task,
)
from tests import factories


@dataclass
class World:
    plan: Plan
    tasks: dict[str, Task]
    periods: dict[int, ReportingPeriod]
    events: Indicator
    coordinator: Any


def _approved(
    task: Task,
    period: ReportingPeriod,
    officer: Any,
    approver: Any,
    percent: int,
    events: tuple[Indicator, int],
    completed: bool = False,
) -> None:
    submitted = factories.at(period.due_on - timedelta(days=2))
    report = workflow.start_report(task, period, officer, now=submitted - timedelta(days=1))
    report.percent_done = percent
    report.task_status = Task.Status.COMPLETED if completed else Task.Status.IN_PROGRESS
    report.narrative = f"Kết quả {task.code} kỳ {period.number}: đã tổ chức hội thảo."
    report.save()
    ReportValue.objects.create(report=report, indicator=events[0], value=events[1])
    workflow.submit(report, officer, now=submitted)
    workflow.approve(report, approver, now=submitted + timedelta(days=1))


def build() -> World:
    city = factories.agency(
        "ubnd-tp",
        kind=Agency.Kind.CITY_COMMITTEE,
        name_vi="Ủy ban nhân dân thành phố Hà Nội",
        name_en="Hanoi People's Committee",
    )
    owner = factories.agency(
        "so-vhtt",
        name_vi="Sở Văn hóa và Thể thao",
        name_en="Department of Culture and Sports",
        short_name="Sở VHTT",
        parent=city,
    )
    lead_a = factories.agency("lead-a", name_vi="Sở Du lịch", name_en="Department of Tourism")
    lead_b = factories.agency("lead-b", name_vi="Sở Tài chính", name_en="Department of Finance")
    plan = factories.plan(owner)
    first = factories.group(plan, 1)
    second = factories.group(plan, 2)
    events = factories.indicator(
        "events",
        name_vi="Số sự kiện quảng bá",
        name_en="Promotion events",
        unit="events",
        source=Indicator.Source.REPORTS,
    )
    periods = {number: factories.quarter(2026, number) for number in (1, 2, 3, 4)}
    start = date(2026, 1, 1)
    tasks = {
        "T1": factories.task(lead_a, in_group=first, code="T1", starts_on=start),
        "T2": factories.task(
            lead_b, in_group=first, code="T2", starts_on=start, due_on=date(2026, 6, 30)
        ),
        "T3": factories.task(
            lead_a, in_group=second, code="T3", starts_on=start, due_on=date(2026, 3, 31)
        ),
        "T4": factories.task(lead_b, in_group=second, code="T4", starts_on=date(2026, 9, 1)),
    }
    coordinator = factories.user(Role.COORDINATOR, city)
    officer_a = factories.user(Role.OFFICER, lead_a)
    officer_b = factories.user(Role.OFFICER, lead_b)
    for number, percent, count in ((1, 40, 3), (2, 70, 4), (3, 90, 5)):
        _approved(tasks["T1"], periods[number], officer_a, coordinator, percent, (events, count))
    _approved(tasks["T2"], periods[1], officer_b, coordinator, 100, (events, 2), completed=True)
    for task in tasks.values():
        task.refresh_from_db()
    return World(plan, tasks, periods, events, coordinator)
