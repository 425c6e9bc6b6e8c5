"""The periodic report's sections drawn from the plan's registries, one per registry,
each computed for the report's period by the registry's own indicators module (never
counted here).

A section is a module with `section(window) -> RegistrySection` and `RECORDS`, the
models whose changes alter it (the PDF cache reads their history). SECTIONS is the
order of the report; a new registry's section is one module and one line there.
"""

from datetime import date
from types import ModuleType

from django.db.models import Model
from django.utils.translation import gettext as _

from cnvh.exports.periodic.document import RegistrySection
from cnvh.exports.periodic.registries import (
    brightspots,
    crafts,
    events,
    investment,
    support,
    unesco,
)
from cnvh.exports.periodic.registries.common import Window

SECTIONS: tuple[ModuleType, ...] = (
    events,
    support,
    investment,
    crafts,
    brightspots,
    unesco,
)


def sections(starts_on: date, ends_on: date, today: date) -> list[RegistrySection]:
    window = Window(starts_on, ends_on, today)
    return [part.section(window) for part in SECTIONS]


def records() -> list[type[Model]]:
    """Every model a registry section reads."""
    found: list[type[Model]] = []
    for part in SECTIONS:
        found.extend(model for model in part.RECORDS if model not in found)
    return found


def scope(starts_on: date, ends_on: date, today: date) -> str:
    return _(
        "The figures of this part are counted from the records of the registries for the "
        "period from %(starts_on)s to %(ends_on)s, as they stood on %(today)s."
    ) % {
        "starts_on": f"{starts_on:%d/%m/%Y}",
        "ends_on": f"{ends_on:%d/%m/%Y}",
        "today": f"{today:%d/%m/%Y}",
    }
