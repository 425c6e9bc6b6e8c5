"""The plan's own counts that an indicator can take as a registry: tasks completed
and progress reports approved."""

from django.utils.translation import gettext_lazy as _

from cnvh.plan.models import ProgressReport, Task
from cnvh.plan.registry_measures import Records, RegistryMeasure, counted


def tasks_completed() -> dict[int, float]:
    """Completed tasks, cumulative to the end of each year (by the day each was done)."""
    years = Task.objects.filter(completed_on__isnull=False).values_list(
        "completed_on__year", flat=True
    )
    running, found = 0.0, {}
    for year, count in counted(years).items():
        running += count
        found[year] = running
    return found


def reports_approved() -> dict[int, float]:
    approved = ProgressReport.objects.filter(status=ProgressReport.Status.APPROVED)
    return counted(approved.values_list("period__year", flat=True))


MEASURES = (
    RegistryMeasure(
        key="tasks_completed",
        name=_("Plan tasks completed"),
        unit="tasks",
        description=_(
            "Counted in the plan's task list: tasks marked completed, cumulative to the end "
            "of each year (by the date each task was completed)."
        ),
        by_year=tasks_completed,
        records=lambda year: Records(
            "plan-list", (("status", Task.Status.COMPLETED),), permission="plan.view_plan"
        ),
        models=("plan.Task",),
    ),
    RegistryMeasure(
        key="reports_approved",
        name=_("Progress reports approved"),
        unit="reports",
        description=_(
            "Counted in the progress reports: reports approved for the periods of each year."
        ),
        # No models: the public pages are renewed when a report is approved, not when
        # any report is saved.
        by_year=reports_approved,
    ),
)
