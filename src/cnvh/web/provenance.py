"""An estimate's provenance (nested JSON) laid out as tables a person can read."""

import json
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cnvh import language
from cnvh.stats.money import display_unit

# Headings for the provenance keys the engine writes; any other key is shown as is.
HEADINGS: dict[str, Promise] = {
    "inputs": _("Inputs"),
    "scope": _("Scope"),
    "value_added": _("How value added was obtained"),
    "imputation_ratios": _("Imputation ratios"),
    "code_crosswalks": _("Code crosswalks"),
    "benchmark": _("Benchmarking to official totals"),
    "bootstrap": _("Bootstrap (confidence intervals)"),
    "options": _("Method options"),
    "warnings": _("Warnings"),
    "datasets": _("Imported datasets"),
    "area_cells_moved_by_crosswalk": _("Area cells moved by the area crosswalk"),
    "timings_seconds": _("Time taken by each step (seconds)"),
}
GENERAL = _("General")


@dataclass
class Group:
    heading: str | Promise
    rows: list[tuple[str, str]] = field(default_factory=list)


def groups(provenance: dict[str, Any]) -> list[Group]:
    """Top-level scalars under "General", each nested object in a table of its own."""
    general = Group(GENERAL)
    nested: list[Group] = []
    for key, value in provenance.items():
        if isinstance(value, dict | list) and value and not _is_flat_list(value):
            nested.append(Group(HEADINGS.get(key, key), list(_flatten(value))))
        else:
            general.rows.append((key, _text(_readable(key, value))))
    return ([general] if general.rows else []) + nested


def _flatten(value: Any, prefix: str = "") -> list[tuple[str, str]]:
    if isinstance(value, dict) and value:
        items = [(str(key), item) for key, item in value.items()]
    elif isinstance(value, list) and value and not _is_flat_list(value):
        items = [_labelled(index, item) for index, item in enumerate(value)]
    else:
        return [(prefix, _text(_readable(prefix, value)))]
    rows: list[tuple[str, str]] = []
    for key, item in items:
        path = f"{prefix}{key}" if key.startswith("[") or not prefix else f"{prefix}.{key}"
        rows.extend(_flatten(item, path))
    return rows


def _labelled(index: int, item: Any) -> tuple[str, Any]:
    """Inputs are listed by their role ("units", "totals"), other lists by position."""
    if isinstance(item, dict):
        for key in ("role", "name", "key"):
            if isinstance(item.get(key), str):
                rest = {name: value for name, value in item.items() if name != key}
                return str(item[key]), rest
    return f"[{index}]", item


def _readable(key: str, value: Any) -> Any:
    """A unit, or what the estimate is broken down by, in the reader's words; any other
    value as the engine wrote it."""
    name = key.rsplit(".", 1)[-1]
    if name == "unit" and isinstance(value, str):
        return display_unit(value, language.current())
    if name == "by" and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return language.dimensions(value)
    return value


def _is_flat_list(value: Any) -> bool:
    return isinstance(value, list) and all(not isinstance(item, dict | list) for item in value)


def _text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(_text(item) for item in value) or "—"
    if isinstance(value, dict):
        return "—"
    return str(value)


def pretty(provenance: dict[str, Any]) -> str:
    return json.dumps(provenance, ensure_ascii=False, indent=2, sort_keys=False)
