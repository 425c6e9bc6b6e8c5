"""Finding investment projects by the list's filters: the pages, the downloads and the
API ask the same, and an indicator's link opens the list with the filters that make it."""

from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from cnvh.enterprises import identity
from cnvh.enterprises.investment.figures import UNDER_WAY, on_schedule, status_on, with_records
from cnvh.enterprises.models import InvestmentProject

FIELDS = ("status", "sector", "kind")


def filtered(data: dict[str, Any]) -> QuerySet[InvestmentProject]:
    """Every filter but the schedule, which is read from the records (`scheduled`)."""
    projects = InvestmentProject.objects.select_related(
        "managing_agency", "investor_enterprise", "investor_agency"
    )
    for name in FIELDS:
        if data.get(name):
            projects = projects.filter(**{name: data[name]})
    if data.get("ward"):
        projects = projects.filter(ward_code=data["ward"])
    if data.get("agency"):
        projects = projects.filter(managing_agency__code=data["agency"])
    if data.get("year") and data.get("source"):
        # One line must hold both: "city budget in 2026", not any 2026 and any city budget.
        projects = projects.filter(capital__year=data["year"], capital__source=data["source"])
    elif data.get("year"):
        projects = projects.filter(capital__year=data["year"])
    elif data.get("source"):
        projects = projects.filter(capital__source=data["source"])
    if data.get("q"):
        words = data["q"].strip()
        projects = projects.filter(
            Q(name_vi__icontains=words)
            | Q(name_en__icontains=words)
            | Q(investor_enterprise__name_vi__icontains=words)
            | Q(investor_agency__name_vi__icontains=words)
            | Q(investor_enterprise__tax_code=identity.compact(words))
        )
    return with_records(projects.distinct().order_by("name_vi", "pk"))


def scheduled(
    projects: QuerySet[InvestmentProject], schedule: str, day: date
) -> list[InvestmentProject]:
    """ "on": under way and on schedule on `day`; "behind": under way or stalled, and not;
    anything else: all."""
    listed = list(projects)
    if schedule == "on":
        return [project for project in listed if on_schedule(project, day)]
    if schedule == "behind":
        return [
            project
            for project in listed
            if status_on(project, day) in UNDER_WAY and not on_schedule(project, day)
        ]
    return listed
