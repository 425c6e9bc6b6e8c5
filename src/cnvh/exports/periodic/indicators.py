"""The indicator table and the share-of-GRDP chart of a periodic report.

Values, baselines and statuses come from `cnvh.plan.values` (the rule of
`cnvh.plan.trajectory`), sources and display scales from `cnvh.presentation.indicators`,
the share chart's series from `cnvh.presentation.summary`: what the indicator pages and the
overview show a member. A value is the indicator's latest up to the span's year;
values from reports count only the approved reports of periods that end by the
span's end, summed as `cnvh.plan.values` sums them.
"""

from collections import defaultdict
from datetime import date

from django.utils.translation import gettext

from cnvh.exports.periodic.document import IndicatorLine, IndicatorValueLine, ShareChart
from cnvh.plan import targets, values
from cnvh.plan.models import Indicator, Target
from cnvh.plan.trajectory import Point
from cnvh.presentation import indicators as indicator_page
from cnvh.presentation import summary
from cnvh.presentation.formatting import unit_label
from cnvh.presentation.indicators import status_label

# The members' view: the latest revision of each estimate, published or not.
PUBLISHED_ONLY = False


def _series_to(
    indicators: list[Indicator], ends_on: date
) -> dict[int, list[values.IndicatorValue]]:
    found = values.series_many(indicators, published_only=PUBLISHED_ONLY)
    from_reports = [i for i in indicators if i.source == Indicator.Source.REPORTS]
    if from_reports:
        # The same rows and sums as values.series_many, without the periods after the span.
        rows = defaultdict(list)
        for row in values._approved_values(from_reports):
            if row.ends_on <= ends_on:
                rows[row.indicator_id].append(row)
        for indicator in from_reports:
            found[indicator.pk] = values._aggregate(indicator, rows[indicator.pk])
    return found


def _target(targets_set: list[Target], year: int) -> Point | None:
    """The year's target, or else the next one set."""
    ahead = [target for target in targets_set if target.year >= year]
    chosen = min(ahead, key=lambda target: target.year) if ahead else None
    return Point(chosen.year, float(chosen.value)) if chosen else None


def _short_source(indicator: Indicator, value: values.IndicatorValue) -> str:
    if value.report_ids:
        return gettext("approved reports: %(count)s") % {"count": len(value.report_ids)}
    if value.estimate is not None:
        return indicator_page.source_text(indicator, value)
    return str(indicator.get_registry_display() or indicator.get_source_display())


def _value_line(indicator: Indicator, value: values.IndicatorValue) -> IndicatorValueLine:
    return IndicatorValueLine(
        value.year,
        value.value,
        indicator_page.source_text(indicator, value),
        _short_source(indicator, value),
    )


def indicator_lines(year: int, ends_on: date) -> list[IndicatorLine]:
    indicators = values.visible_indicators(published_only=PUBLISHED_ONLY)
    every_series = _series_to(indicators, ends_on)
    lines = []
    for indicator in indicators:
        series = [value for value in every_series[indicator.pk] if value.year <= year]
        set_targets = list(indicator.targets.all())
        assessment = values.assess(indicator, series)
        numbers = [value.value for value in series] + [float(t.value) for t in set_targets]
        lines.append(
            IndicatorLine(
                code=indicator.code,
                name=indicator.name,
                unit=indicator.unit,
                unit_label=unit_label(indicator.unit),
                scale=indicator_page.scale(indicator, numbers),
                baseline=values.baseline(indicator, series),
                target=_target(set_targets, year),
                expected=assessment.expected,
                value=_value_line(indicator, series[-1]) if series else None,
                status=str(assessment.status),
                status_label=status_label(assessment.status),
                series=[_value_line(indicator, value) for value in series],
            )
        )
    return lines


def share_chart(year: int) -> ShareChart | None:
    """The overview's share chart, with no estimate after the span's year."""
    plan = targets.plan_targets(published_only=PUBLISHED_ONLY)
    if plan is None:
        return None
    estimate = values.source_estimate(plan.indicator, published_only=PUBLISHED_ONLY)
    if estimate is None:
        return None
    data = summary.share_chart(summary.summarise(estimate, plan))
    years = [int(text) for text in data["years"]]
    trajectory = data["trajectory"] or [None] * len(years)
    return ShareChart(
        indicator=plan.indicator.name,
        years=years,
        share=[
            share if shown <= year else None
            for shown, share in zip(years, data["share"], strict=True)
        ],
        trajectory=list(trajectory),
        targets=[Point(int(target_year), value) for target_year, value in data["targets"]],
        synthetic=estimate.synthetic,
    )
