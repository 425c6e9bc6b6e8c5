"""How the import pages name a record's stage, and show a checksum and a size."""

from django import template
from django.utils.translation import gettext_lazy as _

from cnvh import language
from cnvh.presentation.formatting import format_number

register = template.Library()

STAGES = {
    "queued": _("Waiting for a task worker"),
    "reading": _("Reading the file"),
    "checking": _("Checking the rows"),
    "saving": _("Saving"),
    "done": _("Done"),
    "open files": _("Opening the datasets"),
    "one pass over the data": _("Reading the data"),
    "checks": _("Checking"),
    "compute": _("Computing"),
    "confidence intervals": _("Confidence intervals"),
    "provenance": _("Recording the provenance"),
}


@register.filter
def stage_label(stage: str) -> str:
    return str(STAGES.get(stage, stage))


@register.filter
def dimensions(names: list[str]) -> str:
    """What an estimate is broken down by, in the reader's words."""
    return language.dimensions(names or [])


@register.filter
def percent(progress: float) -> str:
    """0.42 -> "42": a number for a progress bar, never localised."""
    return str(round(max(0.0, min(progress or 0.0, 1.0)) * 100))


@register.filter
def megabytes(size: int) -> str:
    return format_number((size or 0) / 2**20, 2)
