"""What every registry's section shares: the period, figures as the prose writes them,
and breakdown tables built from a registry's counts."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from cnvh.exports.periodic.document import COUNT, Breakdown, BreakdownRow, Figure
from cnvh.exports.periodic.heading import MONTHS_EN
from cnvh.presentation.formatting import format_number, percent, vietnamese


@dataclass(frozen=True)
class Window:
    """The period reported on, and the day the report is built (a view not given by
    its due day counts as late only once that day has passed)."""

    starts_on: date
    ends_on: date
    today: date


def count(value: int | float | Decimal | None) -> str:
    return format_number(value, 0)


def vnd(value: Decimal | int | None) -> str:
    """An amount in full, with its unit: "1.250.000.000 đồng" / "1,250,000,000 VND"."""
    return _("%(amount)s VND") % {"amount": format_number(value, 0)}


def share(part: int, whole: int) -> str:
    return percent(part / whole if whole else None, 1)


def month(first_day: date) -> str:
    """ "Tháng 7/2026" / "July 2026"."""
    if vietnamese():
        return _("Month %(month)s/%(year)s") % {"month": first_day.month, "year": first_day.year}
    return f"{MONTHS_EN[first_day.month - 1]} {first_day.year}"


def months(starts_on: date, ends_on: date) -> list[date]:
    """The first day of every month the span touches."""
    found, day = [], starts_on.replace(day=1)
    while day <= ends_on:
        found.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return found


def ranked[Key](counts: Mapping[Key, int], label: Callable[[Key], str]) -> list[tuple[str, int]]:
    """(label, count), the largest first, then by label."""
    rows = [(label(key), value) for key, value in counts.items() if value]
    return sorted(rows, key=lambda row: (-row[1], row[0]))


def breakdown(
    title: str, heading: str, column: str, rows: list[tuple[str, int]], total: bool = True
) -> Breakdown:
    """A table of one count per row, with the total when asked."""
    return Breakdown(
        title=title,
        header=[heading, column],
        rows=[BreakdownRow(label, [Figure(value, COUNT)]) for label, value in rows],
        total=BreakdownRow(_("Total"), [Figure(sum(value for _label, value in rows))])
        if total and rows
        else None,
    )


def source(text: str) -> str:
    return _("Source: %(source)s") % {"source": text}
