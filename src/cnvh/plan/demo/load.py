"""Load the whole demo plan in one transaction."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from cnvh.plan.demo import catalogue, people
from cnvh.plan.demo.reports import ReportMaker
from cnvh.plan.models import Plan, Task
from cnvh.plan.periods import ensure_periods

SEED = 20260101


@dataclass
class Loaded:
    agencies: int
    tasks: int
    people: int
    reports: int


@transaction.atomic
def load_demo_plan(
    today: date, *, demo_mode: bool, seed: int = SEED, reports_from: date | None = None
) -> Loaded | None:
    """The demo plan, its agencies, people and a year of reports; None if a plan
    with the demo's code is already there (loading twice changes nothing).
    `reports_from` moves the start of reporting (the plan's own by default)."""
    if Plan.objects.filter(code=catalogue.plan_settings()["code"]).exists():
        return None
    agencies = catalogue.load_agencies()
    documents = catalogue.load_documents(agencies)
    indicators = catalogue.load_indicators(documents)
    catalogue.load_plan(agencies, documents, indicators)
    settings = catalogue.plan_settings()
    since = reports_from or settings["reports_from"]
    ensure_periods(since, today.year + 1, settings["report_due_days"])
    made = people.load_people(agencies, demo_mode)
    reports = ReportMaker(today, made["dieuphoi"], seed).make_all()
    people.give_addresses(made)
    return Loaded(
        agencies=len(agencies),
        tasks=Task.objects.count(),
        people=len(made),
        reports=reports,
    )
