"""What the plan's import kinds share: columns, bilingual problems, choices written in
either language, lists of codes in one cell, and the history of what an import changed."""

import functools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils import translation

from cnvh.exchange.kinds import Column, ColumnType, Problems, Row
from cnvh.stats.columns import plain

if TYPE_CHECKING:
    from cnvh.exchange.models import ImportRecord

# Codes in one cell: "so-vhtt; so-du-lich", "so-vhtt, so-du-lich" or "so-vhtt so-du-lich"
# (the demo data's own files). Agency and indicator codes never hold these characters.
CODE_SEPARATORS = re.compile(r"[;,\s]+")
# A cell holding only a dash empties the saved value.
CLEAR = frozenset({"-", "–", "—"})


def column(
    name: str,
    type_: ColumnType,
    title_vi: str,
    title_en: str,
    *headers: str,
    required: bool = False,
) -> Column:
    """A column accepting its titles and `headers`, written as people write them."""
    aliases = {plain(header) for header in (title_vi, title_en, *headers)} - {name}
    return Column(name, type_, required, tuple(sorted(aliases)), title_vi, title_en)


@dataclass(frozen=True)
class Text:
    vi: str
    en: str


def add(problems: Problems, row: Row | None, column: str | None, what: Text, fix: Text) -> None:
    problems.add(
        row=row.number if row else None,
        column=column,
        what_vi=what.vi,
        what_en=what.en,
        fix_vi=fix.vi,
        fix_en=fix.en,
    )


def text(row: Row, name: str) -> str:
    value = row.values.get(name)
    return "" if value is None else str(value).strip()


def given(row: Row, name: str) -> bool:
    """The row says something for the field: a value, or a dash to empty it. An empty
    cell leaves a saved field as it is, so a file with fewer columns, or gaps, never
    erases what it does not say."""
    return bool(text(row, name))


def clears(row: Row, name: str) -> bool:
    return text(row, name) in CLEAR


def new_text(row: Row, name: str) -> str:
    """The field's new text: empty for a dash."""
    return "" if clears(row, name) else text(row, name)


def codes(row: Row, name: str) -> list[str]:
    """The codes listed in one cell, in order, each once; none for a dash."""
    found: list[str] = []
    if clears(row, name):
        return found
    for code in CODE_SEPARATORS.split(text(row, name)):
        if code and code not in found:
            found.append(code)
    return found


def day(row: Row, name: str) -> date | None:
    value = row.values.get(name)
    return value if isinstance(value, date) else None


def choice_lookup(
    choices: type[models.TextChoices], synonyms: dict[str, tuple[str, ...]]
) -> dict[str, str]:
    """Every way of writing a choice, as `plain` writes it: its value, its label in
    English and in Vietnamese, and the `synonyms` people use. Built once for each
    choices and synonyms, since an import asks it for each of its rows; not to be
    changed by the caller."""
    return _lookup(choices, tuple((value, tuple(names)) for value, names in synonyms.items()))


@functools.cache
def _lookup(
    choices: type[models.TextChoices], written: tuple[tuple[str, tuple[str, ...]], ...]
) -> dict[str, str]:
    synonyms = dict(written)
    lookup: dict[str, str] = {}
    for value, label in zip(choices.values, choices.labels, strict=True):
        names = [value, str(label), *synonyms.get(value, ())]
        with translation.override("vi"):
            names.append(str(label))
        with translation.override("en"):
            names.append(str(label))
        for name in names:
            lookup[plain(name)] = value
    return lookup


def choice_names(choices: type[models.TextChoices]) -> Text:
    """The choices listed for a message: "department (Sở, ngành), ward (Phường), ..."."""
    listed: dict[str, list[str]] = defaultdict(list)
    for language in ("vi", "en"):
        with translation.override(language):
            for value, label in zip(choices.values, choices.labels, strict=True):
                listed[language].append(f"{value} ({label})")
    return Text(", ".join(listed["vi"]), ", ".join(listed["en"]))


def label(choice: models.Choices) -> Text:
    """A choice's label in Vietnamese and in English."""
    with translation.override("vi"):
        vi = str(choice.label)
    with translation.override("en"):
        en = str(choice.label)
    return Text(vi, en)


def duplicates(
    rows: Sequence[Row], key: Any, problems: Problems, column: str, what: Text, fix: Text
) -> set[int]:
    """Rows whose `key(row)` an earlier row already has; each reported once. Returns
    the numbers of the rows reported."""
    first: dict[Any, Row] = {}
    reported: set[int] = set()
    for row in rows:
        found = key(row)
        if found is None:
            continue
        if found in first:
            earlier = first[found].number
            add(
                problems,
                row,
                column,
                Text(what.vi.format(row=earlier), what.en.format(row=earlier)),
                fix,
            )
            reported.add(row.number)
        else:
            first[found] = row
    return reported


def check_length(problems: Problems, row: Row, name: str, limit: int) -> None:
    written = text(row, name)
    if len(written) > limit:
        add(
            problems,
            row,
            name,
            Text(
                f"Quá dài: {len(written)} ký tự, tối đa {limit}.",
                f"Too long: {len(written)} characters, at most {limit}.",
            ),
            Text("Rút gọn nội dung của ô.", "Shorten the cell's text."),
        )


def check_date_order(
    problems: Problems, row: Row, first: str, last: str, titles: Text, at: str | None = None
) -> None:
    """`first` must not come after `last`; `titles` names both columns, `at` the one
    reported (`last` unless said)."""
    start, end = day(row, first), day(row, last)
    if start is not None and end is not None and end < start:
        add(
            problems,
            row,
            at or last,
            Text(
                f"Ngày kết thúc {end:%d/%m/%Y} trước ngày bắt đầu {start:%d/%m/%Y}.",
                f"The end date {end:%Y-%m-%d} comes before the start date {start:%Y-%m-%d}.",
            ),
            Text(
                f"Sửa {titles.vi} để ngày kết thúc không trước ngày bắt đầu.",
                f"Correct {titles.en} so that the end is not before the start.",
            ),
        )


def change_reason(record: "ImportRecord") -> str:
    """What a history record of the import's changes says of them."""
    return f"import #{record.pk} {record.file_name}"[:100]


def mark_change(instance: models.Model, record: "ImportRecord") -> None:
    """The history record of the next save names the import and the person who made it."""
    instance._change_reason = change_reason(record)  # type: ignore[attr-defined]
    instance._history_user = record.created_by  # type: ignore[attr-defined]


def set_fields(instance: models.Model, fields: dict[str, object]) -> bool:
    """Sets the fields; True when any of them changed."""
    changed = False
    for name, value in fields.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed = True
    return changed
