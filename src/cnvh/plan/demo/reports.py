"""Synthetic progress reports since reporting began, made through the real workflow.

Each report is started, submitted, and returned or approved by the people whose
role allows it, at back-dated moments, so completeness, timeliness, the task
statuses and the history all come out of the same code the pages use. Most
reports arrive on time and are approved; some arrive late, some are returned,
some are missing, and the latest period still has reports waiting for approval.
"""

import random
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings

from cnvh.plan import workflow
from cnvh.plan.completeness import owes_report
from cnvh.plan.demo.people import officer_of
from cnvh.plan.models import (
    Agency,
    Indicator,
    ProgressReport,
    ReportingPeriod,
    ReportValue,
    Task,
)

# Per report: chance it is missing (wards report less reliably than departments),
# on time, returned once, and — in the latest period — still waiting.
MISSING = {"department": 0.05, "ward": 0.15}
ON_TIME = 0.8
RETURNED = 0.12
WAITING = 0.3
# A plausible quarter's count for each reported indicator.
REPORTED_RANGES = {
    "models": (0, 3),
    "events": (1, 6),
    "enterprises": (5, 40),
    "trained": (20, 200),
    "dissemination": (1, 5),
}
NARRATIVES = [
    "(Minh họa) Đã triển khai các nội dung theo kế hoạch; phối hợp với các đơn vị liên quan.",
    "(Minh họa) Hoàn thành các hoạt động của kỳ; một số nội dung chuyển sang kỳ sau.",
    "(Minh họa) Tổ chức hội nghị, tọa đàm; tiếp tục rà soát, đề xuất giải pháp.",
    "(Minh họa) Đang triển khai; gặp khó khăn về kinh phí, đề nghị Thành phố hỗ trợ.",
]
RETURN_REASONS = [
    "Đề nghị bổ sung số liệu cụ thể và tài liệu minh chứng.",
    "Tỷ lệ hoàn thành chưa khớp với nội dung báo cáo; đề nghị rà soát lại.",
]


def moment(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=ZoneInfo(settings.TIME_ZONE))


class ReportMaker:
    def __init__(self, today: date, approver: Any, seed: int) -> None:
        self.today = today
        self.approver = approver
        self.rng = random.Random(seed)

    def make_all(self) -> int:
        """Reports for every period already due; drafts for the current one."""
        past = ReportingPeriod.objects.filter(due_on__lt=self.today)
        latest_due = max((p.due_on for p in past), default=None)
        tasks = list(Task.objects.select_related("lead_agency").order_by("pk"))
        made = 0
        for period in past.order_by("starts_on", "kind"):
            for task in tasks:
                if owes_report(task, period) and self._make(task, period, latest_due):
                    made += 1
        return made + self._drafts(tasks)

    def _make(self, task: Task, period: ReportingPeriod, latest_due: date | None) -> bool:
        kind = (
            "ward"
            if task.lead_agency.kind in {Agency.Kind.WARD, Agency.Kind.COMMUNE}
            else ("department")
        )
        if self.rng.random() < MISSING[kind]:
            return False
        officer = officer_of(task)
        late = self.rng.random() > ON_TIME
        day = (
            period.due_on + timedelta(days=self.rng.randint(1, 20))
            if late
            else (period.due_on - timedelta(days=self.rng.randint(0, 9)))
        )
        day = min(day, self.today - timedelta(days=1))
        submitted = moment(day, 9)
        report = workflow.start_report(task, period, officer, now=submitted - timedelta(days=2))
        self._fill(report, task, period)
        workflow.submit(report, officer, now=submitted)
        review_day = min(day + timedelta(days=self.rng.randint(1, 5)), self.today)
        latest = period.due_on == latest_due
        if latest and self.rng.random() < WAITING:
            return True
        if self.rng.random() < RETURNED:
            reason = self.rng.choice(RETURN_REASONS)
            workflow.return_report(report, self.approver, reason, now=moment(review_day, 14))
            if latest:
                return True
            review_day = min(review_day + timedelta(days=3), self.today)
            workflow.submit(report, officer, now=moment(review_day, 9))
        workflow.approve(report, self.approver, now=moment(review_day, 16))
        return True

    def _fill(self, report: ProgressReport, task: Task, period: ReportingPeriod) -> None:
        finishing = task.due_on <= period.ends_on + timedelta(days=120)
        step = self.rng.randint(8, 20)
        report.percent_done = min(95, task.percent_done + step)
        if finishing and self.rng.random() < 0.6:
            report.percent_done = 100
        report.task_status = (
            Task.Status.COMPLETED if report.percent_done == 100 else Task.Status.IN_PROGRESS
        )
        report.narrative = self.rng.choice(NARRATIVES)
        report.save()
        for indicator in task.indicators.filter(source=Indicator.Source.REPORTS):
            low, high = REPORTED_RANGES.get(indicator.code, (0, 10))
            ReportValue.objects.create(
                report=report, indicator=indicator, value=self.rng.randint(low, high)
            )
        task.refresh_from_db()

    def _drafts(self, tasks: list[Task]) -> int:
        """A few reports already started for the period now being written."""
        current = ReportingPeriod.objects.filter(
            kind=ReportingPeriod.Kind.QUARTER, starts_on__lte=self.today, ends_on__gte=self.today
        ).first()
        if current is None:
            return 0
        made = 0
        for task in tasks:
            if owes_report(task, current) and self.rng.random() < 0.3:
                report = workflow.start_report(
                    task, current, officer_of(task), now=moment(self.today, 8)
                )
                report.narrative = self.rng.choice(NARRATIVES)
                report.save()
                made += 1
        return made
