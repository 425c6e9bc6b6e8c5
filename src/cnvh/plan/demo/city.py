"""A city-scale plan for load tests: the demo plan, then more tasks and reports until the
plan has a city's count (1,000 tasks and 10,000 reports at factor 1).

The demo's own reports go through the real workflow; the added ones are made in bulk
(the workflow would take too long for ten thousand), with one history record each, by
the person and at the moment of their last step. They stay consistent as the workflow
would leave them: a task has the status and percent done of its latest approved report,
a submitted report has its submitter and times, a returned one its reviewer and reason,
and no task reports twice for a period. Every quarter since REPORTS_FROM is a reporting
period, so a task has about a dozen reports; the last quarter past due has reports
submitted and returned, the current one drafts: the load scenario's officers submit
those, its approver approves the submitted ones.
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Count, Q
from simple_history.utils import bulk_create_with_history

from cnvh.plan.demo.load import SEED, load_demo_plan
from cnvh.plan.demo.people import DEMO_PASSWORD, agency_officer
from cnvh.plan.demo.reports import NARRATIVES, RETURN_REASONS, moment
from cnvh.plan.models import (
    Agency,
    ContentGroup,
    Indicator,
    Membership,
    ProgressReport,
    ReportingPeriod,
    ReportValue,
    Role,
    Task,
)

CITY_TASKS = 1000
CITY_REPORTS = 10_000
REPORTS_FROM = date(2023, 1, 1)
MISSING = 0.05
# In the last quarter past due: still waiting, returned; the rest approved.
WAITING, RETURNED = 0.30, 0.15
DRAFTED = 0.7  # tasks whose report for the current quarter is started
WITH_INDICATOR = 0.3
EDITABLE = [ProgressReport.Status.DRAFT, ProgressReport.Status.RETURNED]
ACTIVITIES = [
    ("Tổ chức sự kiện công nghiệp văn hóa", "Organise a cultural-industries event"),
    ("Hỗ trợ doanh nghiệp sáng tạo", "Support creative businesses"),
    ("Số hóa di sản văn hóa", "Digitise cultural heritage"),
    ("Đào tạo nhân lực văn hóa", "Train cultural workers"),
    ("Phát triển không gian sáng tạo", "Develop a creative space"),
]


@dataclass
class CityLoaded:
    tasks: int
    reports: int
    by_status: dict[str, int] = field(default_factory=dict)
    officers: list[str] = field(default_factory=list)


@transaction.atomic
def load_city_plan(
    today: date, *, demo_mode: bool, factor: float = 1.0, seed: int = SEED
) -> CityLoaded | None:
    """The demo plan grown to round(1,000 × factor) tasks and round(10,000 × factor)
    reports; None if the demo plan is already there."""
    if load_demo_plan(today, demo_mode=demo_mode, reports_from=REPORTS_FROM) is None:
        return None
    wanted_tasks, wanted_reports = round(CITY_TASKS * factor), round(CITY_REPORTS * factor)
    if Task.objects.count() > wanted_tasks or ProgressReport.objects.count() > wanted_reports:
        raise ValueError(f"factor {factor} is smaller than the demo plan itself")
    maker = _CityMaker(today, random.Random(seed), demo_mode)
    maker.add_tasks(wanted_tasks - Task.objects.count())
    maker.add_reports(wanted_reports - ProgressReport.objects.count())
    counts = ProgressReport.objects.values_list("status").annotate(n=Count("pk"))
    return CityLoaded(
        tasks=Task.objects.count(),
        reports=ProgressReport.objects.count(),
        by_status=dict(counts.order_by("status")),
        officers=load_officers(),
    )


def load_officers() -> list[str]:
    """One officer of each agency with reports to submit, the most reports first: the
    load scenario gives each of its officers one of these."""
    agencies = (
        Agency.objects.annotate(
            editable=Count(
                "reports",
                filter=Q(reports__status__in=EDITABLE),
            )
        )
        .filter(editable__gt=0)
        .order_by("-editable", "code")
    )
    names = []
    for agency in agencies:
        officer = (
            Membership.objects.filter(agency=agency, role=Role.OFFICER)
            .order_by("user_id")
            .values_list("user__username", flat=True)
            .first()
        )
        if officer:
            names.append(officer)
    return names


class _CityMaker:
    def __init__(self, today: date, rng: random.Random, demo_mode: bool) -> None:
        self.today = today
        self.rng = rng
        self.demo_mode = demo_mode
        users = get_user_model().objects
        self.approver = users.get(username="dieuphoi")
        self.quarters = list(
            ReportingPeriod.objects.filter(
                kind=ReportingPeriod.Kind.QUARTER, starts_on__lte=today
            ).order_by("starts_on")
        )
        self.latest_due = max(p.due_on for p in self.quarters if p.due_on < today)
        self.events = Indicator.objects.filter(code="events").first()

    def add_tasks(self, count: int) -> None:
        groups = list(ContentGroup.objects.order_by("plan", "number"))
        leads = list(
            Agency.objects.filter(
                kind__in=[Agency.Kind.WARD, Agency.Kind.COMMUNE, Agency.Kind.DEPARTMENT],
                valid_to__isnull=True,
            ).order_by("code")
        )
        tasks = []
        for n in range(count):
            lead = leads[n % len(leads)]
            title_vi, title_en = ACTIVITIES[n % len(ACTIVITIES)]
            task = Task(
                group=groups[n % len(groups)],
                code=f"L{n + 1:04d}",
                title_vi=f"{title_vi} ({lead.short_name or lead.name_vi}, {n + 1})",
                title_en=f"{title_en} ({lead.short_name or lead.name_en}, {n + 1})",
                lead_agency=lead,
                starts_on=REPORTS_FROM + timedelta(days=91 * self.rng.randint(0, 1)),
                due_on=date(self.rng.randint(2026, 2028), 12, 31),
                frequency=Task.Frequency.QUARTER,
                assumption="Nhiệm vụ tổng hợp cho kiểm thử tải. / Synthetic task for load tests.",
            )
            task._history_date = moment(task.starts_on, 8)  # type: ignore[attr-defined]
            tasks.append(task)
        self.tasks = bulk_create_with_history(tasks, Task, batch_size=500)
        if self.events is not None:
            through = Task.indicators.through
            linked = [t for t in self.tasks if self.rng.random() < WITH_INDICATOR]
            through.objects.bulk_create(
                [through(task_id=t.pk, indicator_id=self.events.pk) for t in linked]
            )
            self.with_events = {t.pk for t in linked}
        self._officers({t.lead_agency_id for t in self.tasks})

    def _officers(self, agency_ids: set[int]) -> None:
        """An officer for every lead agency that has none yet."""
        staffed = set(
            Membership.objects.filter(role=Role.OFFICER, agency__in=agency_ids).values_list(
                "agency_id", flat=True
            )
        )
        missing = Agency.objects.filter(pk__in=agency_ids - staffed).order_by("code")
        users = get_user_model()
        # Known passwords only in demo mode, as for the demo's own people.
        hashed = make_password(DEMO_PASSWORD if self.demo_mode else None)
        made = users.objects.bulk_create(
            [users(**agency_officer(agency), password=hashed) for agency in missing]
        )
        people = {p.username: p for p in users.objects.filter(pk__in=[u.pk for u in made])}
        memberships = [
            Membership(user=people[f"canbo-{a.code}"], agency=a, role=Role.OFFICER) for a in missing
        ]
        bulk_create_with_history(memberships, Membership)
        self.officer = {
            m.agency_id: m.user
            for m in Membership.objects.filter(role=Role.OFFICER, agency__in=agency_ids)
            .select_related("user")
            .order_by("-user_id")
        }

    def add_reports(self, count: int) -> None:
        reports: list[ProgressReport] = []
        for task in self.tasks:
            if len(reports) >= count:
                break
            reports.extend(self._task_reports(task)[: count - len(reports)])
        if len(reports) < count:
            raise ValueError(f"{len(self.tasks)} tasks give only {len(reports)} of {count} reports")
        tasks_changed = {r.task_id for r in reports if r.status == ProgressReport.Status.APPROVED}
        made = bulk_create_with_history(reports, ProgressReport, batch_size=500)
        self._values(made)
        latest = {r.task_id: r for r in made if r.status == ProgressReport.Status.APPROVED}
        changed = [t for t in self.tasks if t.pk in tasks_changed]
        for task in changed:
            self._follow(task, latest[task.pk])
        Task.objects.bulk_update(changed, ["status", "percent_done", "completed_on"])
        # The tasks' history says who moved them, and when, as an approval's would.
        Task.history.bulk_history_create(changed, update=True, batch_size=500)

    def _task_reports(self, task: Task) -> list[ProgressReport]:
        made: list[ProgressReport] = []
        percent = 0
        for period in self.quarters:
            if period.ends_on < task.starts_on or self.rng.random() < MISSING:
                continue
            percent = min(95, percent + self.rng.randint(8, 20))
            if task.due_on <= period.ends_on + timedelta(days=120) and self.rng.random() < 0.5:
                percent = 100
            report = self._report(task, period, percent)
            if report is None:
                continue
            made.append(report)
            if report.status == ProgressReport.Status.APPROVED and percent == 100:
                break  # a completed task owes no more reports
        return made

    def _report(self, task: Task, period: ReportingPeriod, percent: int) -> ProgressReport | None:
        officer = self.officer[task.lead_agency_id]
        report = ProgressReport(
            task=task,
            period=period,
            agency_id=task.lead_agency_id,
            created_by=officer,
            percent_done=percent,
            task_status=Task.Status.COMPLETED if percent == 100 else Task.Status.IN_PROGRESS,
            narrative=self.rng.choice(NARRATIVES),
            created_at=moment(period.ends_on - timedelta(days=5), 8),
        )
        report._history_user = officer  # type: ignore[attr-defined]
        report._history_date = report.created_at  # type: ignore[attr-defined]
        if period.due_on >= self.today:
            if self.rng.random() >= DRAFTED:
                return None
            return report
        late = self.rng.random() < 0.2
        offset = self.rng.randint(1, 20) if late else -self.rng.randint(0, 9)
        day = min(period.due_on + timedelta(days=offset), self.today - timedelta(days=1))
        self._submit(report, day)
        roll = self.rng.random() if period.due_on == self.latest_due else 1.0
        if roll >= WAITING:
            review = min(day + timedelta(days=self.rng.randint(1, 5)), self.today)
            returned = roll < WAITING + RETURNED
            self._review(report, review, returned)
        return report

    def _submit(self, report: ProgressReport, day: date) -> None:
        report.status = ProgressReport.Status.SUBMITTED
        report.first_submitted_at = report.submitted_at = moment(day, 9)
        report.submitted_by = report.created_by
        report._history_date = report.submitted_at  # type: ignore[attr-defined]

    def _review(self, report: ProgressReport, day: date, returned: bool) -> None:
        report.reviewed_at = moment(day, 16)
        report.reviewed_by = self.approver
        if returned:
            report.status = ProgressReport.Status.RETURNED
            report.return_reason = self.rng.choice(RETURN_REASONS)
        else:
            report.status = ProgressReport.Status.APPROVED
        report._history_user = self.approver  # type: ignore[attr-defined]
        report._history_date = report.reviewed_at  # type: ignore[attr-defined]

    def _values(self, reports: list[ProgressReport]) -> None:
        if self.events is None:
            return
        values = []
        for report in reports:
            if report.task_id in self.with_events:
                value = ReportValue(
                    report=report, indicator=self.events, value=self.rng.randint(1, 6)
                )
                value._history_user = report._history_user  # type: ignore[attr-defined]
                value._history_date = report._history_date  # type: ignore[attr-defined]
                values.append(value)
        bulk_create_with_history(values, ReportValue, batch_size=500)

    def _follow(self, task: Task, report: ProgressReport) -> None:
        """The task takes the status of its latest approved report, as on approval."""
        task.status = report.task_status
        task.percent_done = report.percent_done
        task._history_user = self.approver  # type: ignore[attr-defined]
        task._history_date = report.reviewed_at  # type: ignore[attr-defined]
        if task.status == Task.Status.COMPLETED:
            reviewed = report.reviewed_at.date() if report.reviewed_at else self.today
            task.completed_on = min(reviewed, report.period.ends_on)
