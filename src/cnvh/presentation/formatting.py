"""Figures as people read them: where a figure is rounded for a reader (pages, the
periodic report, messages), grouped by the engine's rule (`cnvh.stats.figures`, which
the command line shares). Files for further work (CSV, XLSX, open data, the API) keep
the stored figure at full precision.

Vietnamese style groups thousands with "." and uses "," for decimals
(1.234,5); English style is 1,234.5. Money is shown in one readable scale per
column (nghìn tỷ đồng / trillion VND, tỷ đồng / billion VND, ...), always with
its unit. Stored figures keep the engine's full precision.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.functional import Promise
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from cnvh.exchange.reading import numbers
from cnvh.stats import figures

MISSING = "—"

VND_PER_UNIT: dict[str, float] = {
    "VND": 1.0,
    "thousand VND": 1e3,
    "million VND": 1e6,
    "billion VND": 1e9,
    "trillion VND": 1e12,
}
UNIT_LABELS: dict[str, Promise] = {
    "VND": _("VND"),
    "thousand VND": _("thousand VND"),
    "million VND": _("million VND"),
    "billion VND": _("billion VND"),
    "trillion VND": _("trillion VND"),
    # What the plan's indicators count, as the demo plan states their units.
    "tasks": _("tasks"),
    "models": _("models"),
    "events": _("events"),
    "enterprises": _("enterprises"),
    "people": _("people"),
    "persons": _("persons"),
    "sessions": _("sessions"),
    "establishments": _("establishments"),
    "reports": _("reports"),
    # What the registries' measures count (cnvh.plan.registry_measures).
    "files": _("files"),
    "titles": _("titles"),
    "products": _("products"),
    "villages": _("villages"),
    "replications": _("replications"),
    "commitments": _("commitments"),
    "wards and communes": _("wards and communes"),
}
# The scales a money column may be shown in, largest first.
DISPLAY_UNITS = ("trillion VND", "billion VND", "million VND")


def vietnamese() -> bool:
    return (get_language() or "vi").startswith("vi")


def format_number(value: float | Decimal | None, digits: int | None = 0) -> str:
    """`value` rounded to `digits` decimals, grouped in the active language's style;
    with `digits` None, every decimal the value has and no trailing zero."""
    if value is None or not math.isfinite(value):
        return MISSING
    if digits is None:  # the rule forms show values back by (cnvh.exchange.reading)
        exact = value if isinstance(value, Decimal) else Decimal(repr(value))
        return numbers.shown(exact, "vi" if vietnamese() else "en")
    if round(value, digits) == 0:
        value = 0.0  # no "-0.0"
    return figures.grouped(value, digits, "vi" if vietnamese() else "en")


def number(value: float | None, digits: int = 0) -> str:
    return format_number(value, digits)


def exact(value: float | Decimal | None) -> str:
    """A stored figure in full, without trailing zeros: 1.200 / 1,200; 1,5 / 1.5."""
    return format_number(value, None)


def percent(share: float | None, digits: int = 1) -> str:
    """A share (0.042) as a percentage (4,2% / 4.2%)."""
    if share is None:
        return MISSING
    return format_number(share * 100, digits) + "%"


def points(gap: float | None, digits: int = 1) -> str:
    """A difference of two shares in percentage points, with its sign."""
    if gap is None:
        return MISSING
    text = format_number(gap * 100, digits)
    if not text.startswith("-") and round(gap * 100, digits) != 0:
        text = "+" + text
    return gettext("%(value)s pp") % {"value": text}


def unit_label(unit: str) -> str:
    """The unit in the active language: "million VND" -> "triệu đồng"."""
    label = UNIT_LABELS.get(unit)
    return str(label) if label is not None else unit


@dataclass(frozen=True)
class MoneyScale:
    """How a column of money figures is shown: stored value ÷ divisor, in `unit`."""

    divisor: float
    unit: str
    digits: int

    @property
    def label(self) -> str:
        return unit_label(self.unit)


def money_scale(values: Iterable[float | None], unit: str) -> MoneyScale:
    """One scale for a column of figures stored in `unit`, chosen from its largest."""
    if unit not in VND_PER_UNIT:
        return MoneyScale(1.0, unit, 1)
    stored = VND_PER_UNIT[unit]
    largest = max((abs(value) * stored for value in values if value is not None), default=0.0)
    display = next(
        (name for name in DISPLAY_UNITS if largest >= VND_PER_UNIT[name]),
        unit if stored < VND_PER_UNIT["million VND"] else "million VND",
    )
    if VND_PER_UNIT[display] < stored:
        display = unit  # never show more precision than the figures have
    divisor = VND_PER_UNIT[display] / stored
    in_display = largest / VND_PER_UNIT[display]
    digits = 2 if in_display < 10 else 1 if in_display < 1000 else 0
    return MoneyScale(divisor, display, digits)


def money(value: float | None, scale: MoneyScale) -> str:
    """`value` (in the stored unit) shown in `scale`, without the unit."""
    if value is None:
        return MISSING
    return format_number(float(value) / scale.divisor, scale.digits)


def measure(value: float | None, scale: MoneyScale) -> str:
    """`value` shown in `scale` with its unit: "4,2%", "67,4 nghìn tỷ đồng"."""
    text = money(value, scale)
    if text == MISSING:
        return text
    return text + "%" if scale.unit == "%" else f"{text} {scale.label}"


def count(value: float | None) -> str:
    """Persons or establishments: weighted, so rounded to whole numbers here."""
    return format_number(value, 0)
