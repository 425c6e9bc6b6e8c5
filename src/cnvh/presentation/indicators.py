"""How an indicator is shown: the scale of its figures, its chart (values, targets and
trajectory, from `cnvh.plan.indicator_lines` and `cnvh.plan.values`, never computed
here), and where each value came from in words."""

from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cnvh.plan import registry_measures, trajectory, values
from cnvh.plan.imports.provenance import imported_source_text
from cnvh.plan.models import Indicator
from cnvh.plan.trajectory import Status
from cnvh.presentation.formatting import VND_PER_UNIT, MoneyScale, money_scale


def registry_text(indicator: Indicator) -> str:
    """What a registry indicator counts, said beside its numbers; or that no registry
    counts its key."""
    measure = registry_measures.get(indicator.registry)
    if measure is None:
        return registry_measures.unknown_text(indicator.registry)
    return str(measure.description)


STATUS_LABELS: dict[str, Promise] = {
    Status.ON_TRACK: _("On track"),
    Status.AT_RISK: _("At risk"),
    Status.OFF_TRACK: _("Off track"),
    Status.NO_DATA: _("No data yet"),
    Status.NO_TARGET: _("No target"),
}


def status_label(status: str) -> str:
    return str(STATUS_LABELS.get(status, status))


def scale(indicator: Indicator, numbers: list[float]) -> MoneyScale:
    """How the indicator's figures are shown: money in a readable scale, shares with
    one decimal, counts whole."""
    if indicator.unit in VND_PER_UNIT:
        return money_scale(numbers, indicator.unit)
    largest = max((abs(number) for number in numbers), default=0.0)
    if indicator.unit == "%":
        return MoneyScale(1.0, "%", 2 if largest < 2 else 1)
    whole = all(float(number).is_integer() for number in numbers)
    return MoneyScale(1.0, indicator.unit, 0 if whole or largest >= 100 else 1)


def chart(
    indicator: Indicator,
    series: list[values.IndicatorValue],
    baseline: trajectory.Point | None,
    shown: MoneyScale,
) -> dict[str, Any]:
    """Data for the indicator's chart (values, targets, trajectory), read by charts.js."""
    points = values.target_points(indicator)
    years = [value.year for value in series] + [point.year for point in points]
    if baseline is not None:
        years.append(baseline.year)
    axis = list(range(min(years), max(years) + 1)) if years else []
    by_year = {value.year: value for value in series}

    def shown_value(number: float | None) -> float | None:
        return None if number is None else number / shown.divisor

    def pick(name: str) -> list[float | None]:
        return [
            shown_value(getattr(by_year[year], name)) if year in by_year else None for year in axis
        ]

    with_ci = any(value.ci_low is not None for value in series)
    trajectory_line = [
        shown_value(trajectory.expected_within(year, baseline, points)) for year in axis
    ]
    return {
        "years": [str(year) for year in axis],
        "values": pick("value"),
        "ciLow": pick("ci_low") if with_ci else None,
        "ciHigh": pick("ci_high") if with_ci else None,
        "trajectory": trajectory_line if any(v is not None for v in trajectory_line) else None,
        "targets": [[str(point.year), shown_value(point.value)] for point in points],
        "digits": shown.digits,
        "unit": shown.label,
        "labels": {
            "values": indicator.name,
            "ci": gettext("Confidence interval"),
            "trajectory": gettext("Target trajectory"),
            "targets": gettext("Target"),
            "axis": shown.label,
        },
    }


def source_text(indicator: Indicator, value: values.IndicatorValue) -> str:
    """Where a value came from, in words, for the CSV file."""
    if value.estimate is not None:
        return gettext("estimate %(scope)s, revision %(revision)s") % {
            "scope": value.estimate.scope_key,
            "revision": value.estimate.revision,
        }
    if value.imported is not None:
        return imported_source_text(value.imported)
    if value.report_ids:
        ids = " ".join(str(pk) for pk in value.report_ids)
        return gettext("approved reports %(ids)s") % {"ids": ids}
    if indicator.source == Indicator.Source.REGISTRY:
        text = registry_text(indicator)
        return f"{text} {value.records.url}" if value.records else text
    return str(indicator.get_source_display())
