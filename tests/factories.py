"""Small builders for plan objects, so each test states only what it cares about."""

from datetime import date, datetime, timedelta
from itertools import count
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from cnvh.plan.models import (
    Agency,
    ContentGroup,
    Indicator,
    Membership,
    Plan,
    ProgressReport,
    ReportingPeriod,
    Role,
    Target,
    Task,
)

HANOI_TIME = ZoneInfo("Asia/Ho_Chi_Minh")
_serial = count(1)


def at(day: date, hour: int = 10) -> datetime:
    """A moment on `day`, Hanoi time."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=HANOI_TIME)


def agency(code: str | None = None, kind: str = Agency.Kind.DEPARTMENT, **fields: Any) -> Agency:
    code = code or f"agency-{next(_serial)}"
    fields.setdefault("name_vi", f"Cơ quan {code}")
    fields.setdefault("name_en", f"Agency {code}")
    return Agency.objects.create(code=code, kind=kind, **fields)


def user(role: str | None = None, of: Agency | None = None, name: str | None = None) -> Any:
    name = name or f"user{next(_serial)}"
    person = get_user_model().objects.create_user(name, f"{name}@example.org", "s3cret-pass-word")
    if role is not None:
        Membership.objects.create(user=person, agency=of or agency(), role=role)
    return person


def plan(owner: Agency | None = None) -> Plan:
    return Plan.objects.create(
        code=f"plan-{next(_serial)}",
        title_vi="Kế hoạch phát triển công nghiệp văn hóa",
        title_en="Plan for the cultural industries",
        owner=owner or agency(),
        starts_on=date(2025, 1, 1),
        ends_on=date(2030, 12, 31),
    )


def group(of: Plan | None = None, number: int = 1) -> ContentGroup:
    return ContentGroup.objects.create(
        plan=of or plan(), number=number, title_vi=f"Nhóm {number}", title_en=f"Group {number}"
    )


def task(
    lead: Agency | None = None,
    coordinating: tuple[Agency, ...] = (),
    in_group: ContentGroup | None = None,
    **fields: Any,
) -> Task:
    fields.setdefault("starts_on", date(2026, 1, 1))
    fields.setdefault("due_on", date(2026, 12, 31))
    made = Task.objects.create(
        group=in_group or group(),
        code=fields.pop("code", f"T{next(_serial)}"),
        title_vi=fields.pop("title_vi", "Nhiệm vụ"),
        title_en=fields.pop("title_en", "Task"),
        lead_agency=lead or agency(),
        **fields,
    )
    made.coordinating_agencies.set(coordinating)
    return made


def quarter(year: int = 2026, number: int = 1, due_days: int = 10) -> ReportingPeriod:

    start = date(year, 3 * number - 2, 1)
    end = date(year, 12, 31) if number == 4 else date(year, 3 * number + 1, 1) - timedelta(days=1)
    return ReportingPeriod.objects.create(
        kind=ReportingPeriod.Kind.QUARTER,
        year=year,
        number=number,
        starts_on=start,
        ends_on=end,
        due_on=end + timedelta(days=due_days),
    )


def report(of: Task, period: ReportingPeriod, by: Any, **fields: Any) -> ProgressReport:
    fields.setdefault("narrative", "Đã triển khai.")
    return ProgressReport.objects.create(
        task=of, period=period, agency=of.lead_agency, created_by=by, **fields
    )


def indicator(code: str = "grdp-share", **fields: Any) -> Indicator:
    fields.setdefault("name_vi", "Tỷ trọng CNVH trong GRDP")
    fields.setdefault("name_en", "Cultural industries' share of GRDP")
    fields.setdefault("unit", "%")
    fields.setdefault("source", Indicator.Source.ESTIMATE)
    if fields["source"] == Indicator.Source.ESTIMATE:
        fields.setdefault("scope_key", "hanoi-plan")
        fields.setdefault("measure", Indicator.Measure.SHARE)
    targets = fields.pop("targets", {})
    made = Indicator.objects.create(code=code, **fields)
    for year, value in targets.items():
        Target.objects.create(indicator=made, year=year, value=value)
    return made


def everyone_around(
    lead: Agency, coordinating: Agency, elsewhere: Agency, city: Agency
) -> dict[str, Any]:
    """One person of each kind the rules tell apart, around a task led by `lead` and
    coordinated by `coordinating`; the city holds the city-wide roles."""
    return {
        "anonymous": AnonymousUser(),
        "no_role": user(),
        "administrator": user(Role.ADMINISTRATOR, city),
        "coordinator": user(Role.COORDINATOR, city),
        "leader_of_lead": user(Role.LEADER, lead),
        "leader_elsewhere": user(Role.LEADER, elsewhere),
        "officer_of_lead": user(Role.OFFICER, lead),
        "officer_of_coordinating": user(Role.OFFICER, coordinating),
        "officer_elsewhere": user(Role.OFFICER, elsewhere),
        "statistician": user(Role.STATISTICIAN, city),
    }


ROLES = [
    Role.ADMINISTRATOR,
    Role.COORDINATOR,
    Role.LEADER,
    Role.OFFICER,
    Role.STATISTICIAN,
]
