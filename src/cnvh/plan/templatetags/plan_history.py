"""A record's history as people read it: who, when, which field from what to what.

    {% load plan_history %}{% history_of task %}

renders `plan/_history.html` for any model kept with django-simple-history.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django import template
from django.db import models
from django.utils import formats, timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

register = template.Library()

LIMIT = 50
MISSING = "—"


@dataclass
class Change:
    field: str
    old: str
    new: str


@dataclass
class Entry:
    when: datetime
    who: Any
    kind: str
    changes: list[Change] = field(default_factory=list)


def _kind(record: Any) -> str:
    return {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}.get(
        record.history_type, record.history_type
    )


def _targets(model: type[models.Model], deltas: list[Any]) -> dict[str, dict[Any, Any]]:
    """The related objects named in the changes, read once per field."""
    wanted: dict[str, set[Any]] = defaultdict(set)
    for delta in deltas:
        for change in delta.changes:
            model_field = model._meta.get_field(change.field)
            if model_field.many_to_many:
                key = model_field.m2m_reverse_field_name()  # type: ignore[union-attr]
                for value in (change.old or [], change.new or []):
                    wanted[change.field].update(row[key] for row in value)
            elif model_field.is_relation:
                wanted[change.field].update(v for v in (change.old, change.new) if v is not None)
    found = {}
    for name, ids in wanted.items():
        related = model._meta.get_field(name).related_model
        found[name] = related._default_manager.in_bulk(ids)  # type: ignore[union-attr]
    return found


def _show(model_field: Any, value: Any, targets: dict[Any, Any]) -> str:
    if model_field.many_to_many:
        key = model_field.m2m_reverse_field_name()
        names = [str(targets.get(row[key], row[key])) for row in value or []]
        return "; ".join(sorted(names)) or MISSING
    if value is None or value == "":
        return MISSING
    if model_field.is_relation:
        return str(targets.get(value, value))
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    return _plain(value)


def _plain(value: Any) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    return Truncator(formats.localize(value)).chars(300)


def entries(obj: models.Model, limit: int = LIMIT) -> list[Entry]:
    """The latest `limit` changes of `obj`, newest first."""
    history: Any = getattr(obj, "history", None)
    if history is None or obj.pk is None:
        return []
    records = list(
        history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1]
    )
    model = type(obj)
    deltas = [records[index].diff_against(records[index + 1]) for index in range(len(records) - 1)]
    targets = _targets(model, deltas)
    result = []
    for index, record in enumerate(records[:limit]):
        entry = Entry(when=record.history_date, who=record.history_user, kind=_kind(record))
        if index < len(deltas):
            for change in deltas[index].changes:
                model_field = model._meta.get_field(change.field)
                found = targets.get(change.field, {})
                entry.changes.append(
                    Change(
                        field=str(getattr(model_field, "verbose_name", change.field)),
                        old=_show(model_field, change.old, found),
                        new=_show(model_field, change.new, found),
                    )
                )
        result.append(entry)
    return result


@register.inclusion_tag("plan/_history.html")
def history_of(obj: models.Model, limit: int = LIMIT) -> dict[str, Any]:
    return {"entries": entries(obj, limit), "limit": limit}
