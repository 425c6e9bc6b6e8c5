"""Records laid out for the pages: problems in both languages, the active one first,
and columns as a person reads them."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from cnvh.language import current
from cnvh.stats.money import display_unit

from .reading.problems import where

TYPE_NAMES = {
    "text": _("text"),
    "code": _("code"),
    "integer": _("whole number"),
    "decimal": _("number"),
    "date": _("date"),
}


def language() -> str:
    return current()


def problem_rows(problems: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each problem: where, and what and how to fix in the reader's language first,
    then in the other."""
    first = language()
    other = "vi" if first == "en" else "en"
    return [
        {
            "where": where(problem, first),
            "row": problem.get("row"),
            "header": problem.get("header") or "",
            "what": problem.get(f"what_{first}", ""),
            "fix": problem.get(f"fix_{first}", ""),
            "what_other": problem.get(f"what_{other}", ""),
            "fix_other": problem.get(f"fix_{other}", ""),
            "other": other,
        }
        for problem in problems
    ]


STEPS = {"read": _("reading"), "check": _("checking"), "save": _("saving")}


def seconds(timings: dict[str, float]) -> list[tuple[str, float]]:
    """How long each step took, named in the reader's language."""
    return [(str(STEPS.get(step, step)), value) for step, value in timings.items()]


def column_rows(columns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    chosen = language()
    index = 1 if chosen == "en" else 0
    rows = []
    for column in columns:
        unit = column.get("unit")
        rows.append(
            {
                **column,
                "unit": display_unit(unit, chosen) if unit else "",
                "title": column.get(f"title_{chosen}") or "",
                "type_name": TYPE_NAMES.get(column.get("type") or "", ""),
                "notes": [note[index] for note in column.get("notes") or []],
            }
        )
    return rows
