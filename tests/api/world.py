"""A small city for the API tests: a person of each kind, each with an API token, a
plan with reports in every state, indicators, and estimates published and not.

The lead agency leads `task` and `other`; the coordinating agency helps with both; the
agency "elsewhere" has nothing to do with them.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.test import Client

from cnvh.api import tokens
from cnvh.estimates.models import Estimate
from cnvh.estimates.store import publish, save_estimate
from cnvh.plan import workflow
from cnvh.plan.models import Indicator, ProgressReport, ReportValue
from tests import factories
from tests.conftest import engine_estimate

ROLES = [
    "anonymous",
    "no_role",
    "administrator",
    "coordinator",
    "leader_of_lead",
    "leader_elsewhere",
    "officer_of_lead",
    "officer_of_coordinating",
    "officer_elsewhere",
    "statistician",
]
MEMBERS = set(ROLES) - {"anonymous", "no_role"}
WORKERS = {"officer_of_lead", "officer_of_coordinating"}
OVERSEERS = {"administrator", "coordinator", "leader_of_lead", "leader_elsewhere"}


@dataclass
class World:
    people: dict[str, Any]
    tokens: dict[str, str] = field(default_factory=dict)
    objects: dict[str, Any] = field(default_factory=dict)

    def client(self, role: str, **kwargs: Any) -> Client:
        """A client that sends `role`'s token (none for the anonymous)."""
        headers = {"Authorization": f"Bearer {self.tokens[role]}"} if role in self.tokens else {}
        return Client(headers=headers, **kwargs)

    def get(self, role: str, url: str, **query: Any) -> Any:
        return self.client(role).get(url, query)

    def send(self, role: str, method: str, url: str, body: Any = None) -> Any:
        client = self.client(role)
        return getattr(client, method)(url, body, content_type="application/json")


def build() -> World:
    lead, coordinating, elsewhere, city = (factories.agency() for _ in range(4))
    people = factories.everyone_around(lead, coordinating, elsewhere, city)
    world = World(people)
    for role, person in people.items():
        if role != "anonymous":
            world.tokens[role] = tokens.create_token(person, f"{role} script", 30)[1]
    officer = people["officer_of_lead"]
    events = factories.indicator(
        "events",
        name_en="Events held",
        unit="events",
        source=Indicator.Source.REPORTS,
        published=True,
        disaggregations=["area"],
    )
    task = factories.task(lead=lead, coordinating=(coordinating,), code="1.1")
    task.indicators.add(events)
    other = factories.task(lead=lead, coordinating=(coordinating,), in_group=task.group, code="1.2")
    third = factories.task(lead=lead, in_group=task.group, code="1.3")
    third.indicators.add(events)
    q1, q2 = factories.quarter(2026, 1), factories.quarter(2026, 2)
    draft = workflow.start_report(task, q1, officer)
    draft.narrative = "Prepared the festival."
    draft.save()
    submitted = workflow.start_report(other, q1, officer)
    submitted.narrative = "Held two exhibitions."
    submitted.save()
    workflow.submit(submitted, officer)
    approved = _approved(third, q1, officer, people["coordinator"], events, Decimal("3"))
    world.objects = {
        "lead": lead,
        "coordinating": coordinating,
        "elsewhere": elsewhere,
        "city": city,
        "plan": task.group.plan,
        "group": task.group,
        "task": task,
        "other": other,
        "third": third,
        "q1": q1,
        "q2": q2,
        "draft": draft,
        "submitted": submitted,
        "approved": approved,
        "events": events,
        "share": factories.indicator(
            "grdp-share",
            baseline_year=2021,
            published=True,
            disaggregations=["sector", "area"],
            targets={2025: 5, 2030: 8},
        ),
        "hidden": factories.indicator("hidden", name_en="Draft indicator", published=False),
        "published_estimate": _published(),
        # The newest revision is not published: members see it, the public does not.
        "estimate": save_estimate(engine_estimate(with_ci=False), label="new", synthetic=True),
    }
    return world


def _approved(
    task: Any, period: Any, officer: Any, approver: Any, indicator: Indicator, value: Decimal
) -> ProgressReport:
    report = workflow.start_report(task, period, officer)
    report.narrative = "Three festivals."
    report.percent_done = 40
    report.save()
    ReportValue.objects.create(report=report, indicator=indicator, value=value)
    workflow.submit(report, officer)
    return workflow.approve(report, approver)


def _published() -> Estimate:
    estimate = save_estimate(engine_estimate(), label="first", synthetic=True)
    publish(estimate)
    return estimate
