"""What the indicator pages show of an indicator: its values (from `cnvh.plan.values`,
never computed here), its targets and trajectory, and where each value came from."""

from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cnvh.estimates.models import Estimate
from cnvh.plan import trajectory, values
from cnvh.plan.imports.provenance import imported_source_text
from cnvh.plan.models import Agency, Indicator, Target
from cnvh.web.templatetags.cnvh_format import VND_PER_UNIT, MoneyScale, money_scale

# What a registry count counts, said on the page beside the number.
REGISTRY_COUNTS: dict[str, Promise] = {
    Indicator.Registry.TASKS_COMPLETED: _(
        "Counted in the plan's task list: tasks marked completed, cumulative to the end "
        "of each year (by the date each task was completed)."
    ),
    Indicator.Registry.REPORTS_APPROVED: _(
        "Counted in the progress reports: reports approved for the periods of each year."
    ),
}


@dataclass(frozen=True)
class Line:
    value: values.IndicatorValue
    target: Target | None
    expected: float | None

    @property
    def year(self) -> int:
        return self.value.year


@dataclass(frozen=True)
class Part:
    """One cell of a disaggregation: a sector or an area in the latest year."""

    key: str
    title: str
    value: float
    agency_code: str | None = None


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


def expected_path(
    baseline: trajectory.Point | None, targets: list[trajectory.Point], year: int
) -> float | None:
    """The trajectory's value in `year`, from the baseline to the last target only."""
    if baseline is None or not targets or year > max(target.year for target in targets):
        return None
    return trajectory.expected(year, baseline, targets)


def target_points(indicator: Indicator) -> list[trajectory.Point]:
    return [trajectory.Point(t.year, float(t.value)) for t in indicator.targets.all()]


def lines(
    indicator: Indicator, series: list[values.IndicatorValue], baseline: trajectory.Point | None
) -> list[Line]:
    targets = {target.year: target for target in indicator.targets.all()}
    points = target_points(indicator)
    return [
        Line(value, targets.get(value.year), expected_path(baseline, points, value.year))
        for value in series
    ]


def chart(
    indicator: Indicator,
    series: list[values.IndicatorValue],
    baseline: trajectory.Point | None,
    shown: MoneyScale,
) -> dict[str, Any]:
    """Data for the indicator's chart (values, targets, trajectory), read by charts.js."""
    points = target_points(indicator)
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
    trajectory_line = [shown_value(expected_path(baseline, points, year)) for year in axis]
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


def parts(
    indicator: Indicator, dimension: str, year: int, estimate: Estimate | None, *, public: bool
) -> list[Part]:
    """The year's values by sector or area, largest first, with readable names."""
    found = values.breakdown(indicator, dimension, year, published_only=public)
    keys = [value.key for value in found if value.key]
    names: dict[str, tuple[str, str]] = {}
    if dimension == "area" and keys:
        by_unit = {Indicator.Source.ESTIMATE, Indicator.Source.IMPORTED}
        field = "unit_code" if indicator.source in by_unit else "code"
        agencies = Agency.objects.filter(**{f"{field}__in": keys})
        names = {getattr(agency, field): (agency.label, agency.code) for agency in agencies}
    result = []
    for value in found:
        key = value.key or ""
        if dimension == "sector":
            title = estimate.sector_title(key) if estimate else key
            result.append(Part(key, title, value.value))
        else:
            title, code = names.get(key, (key, None))
            result.append(Part(key, title, value.value, code))
    return sorted(result, key=lambda part: part.value, reverse=True)


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
    return str(REGISTRY_COUNTS.get(indicator.registry, indicator.get_source_display()))
