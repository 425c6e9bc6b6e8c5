"""How the import pages name a record's stage, and show a checksum and a size."""

from django import template

from cnvh import language
from cnvh.exchange.stages import STAGES
from cnvh.presentation.formatting import format_number

register = template.Library()


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
