"""Indicators as tables: one indicator's series (its page's table), and every
indicator's values and targets by year, each value with its source. The values come
from `cnvh.plan.values` and the lines from `cnvh.presentation.indicators`, as on the pages."""

from django.utils.translation import gettext as _

from cnvh.plan import indicator_lines, trajectory, values
from cnvh.plan.models import Indicator, Target
from cnvh.presentation import indicators as indicator_page
from cnvh.presentation.formatting import unit_label
from cnvh.presentation.tables.table import Column, Table


def _synthetic(series: list[values.IndicatorValue]) -> bool:
    return any(value.estimate is not None and value.estimate.synthetic for value in series)


def indicator_series_table(
    indicator: Indicator, lines: list[indicator_lines.Line], address: str = ""
) -> Table:
    """The table of the indicator's page: a value per year with its target and source."""
    unit = unit_label(indicator.unit)
    header = [
        Column(_("Indicator"), width=18),
        Column(_("Year"), width=8),
        Column(_("Value (%(unit)s)") % {"unit": unit}),
        Column(_("Confidence interval, low (%(unit)s)") % {"unit": unit}),
        Column(_("Confidence interval, high (%(unit)s)") % {"unit": unit}),
        Column(_("Target (%(unit)s)") % {"unit": unit}),
        Column(_("Target trajectory (%(unit)s)") % {"unit": unit}),
        Column(_("Source"), width=40),
    ]
    rows = [
        [
            indicator.code,
            line.year,
            line.value.value,
            line.value.ci_low,
            line.value.ci_high,
            line.target.value if line.target else None,
            line.expected,
            indicator_page.source_text(indicator, line.value),
        ]
        for line in lines
    ]
    return Table(
        name=f"cnvh-indicator-{indicator.code}",
        title=_("Indicator %(code)s (%(name)s): its values, targets and sources by year")
        % {"code": indicator.code, "name": indicator.name},
        columns=header,
        rows=rows,
        source=_("The source of each value is in its row: %(source)s.")
        % {"source": indicator.get_source_display()},
        synthetic=_synthetic([line.value for line in lines]),
        address=address,
    )


def indicators_columns() -> list[Column]:
    return [
        Column(_("Indicator code"), width=18),
        Column(_("Indicator"), width=36),
        Column(_("Unit"), width=12),
        Column(_("Year"), width=8),
        Column(_("Value (in the indicator's unit)"), width=16),
        Column(_("Confidence interval, low (in the indicator's unit)"), width=16),
        Column(_("Confidence interval, high (in the indicator's unit)"), width=16),
        Column(_("Target (in the indicator's unit)"), width=16),
        Column(_("Target set by"), width=20),
        Column(_("Target trajectory (in the indicator's unit)"), width=16),
        Column(_("Source"), width=40),
        Column(_("Estimate id"), width=10),
        Column(_("Estimate revision"), width=10),
        Column(_("Synthetic data"), width=10),
    ]


def _target_source(target: Target | None) -> str:
    if target is None:
        return ""
    if target.document is not None:
        return target.document.number
    return target.note


def indicator_rows(indicator: Indicator, series: list[values.IndicatorValue]) -> list[list[object]]:
    """A row for each year with a value or a target, oldest first."""
    baseline = values.baseline(indicator, series)
    points = values.target_points(indicator)
    targets = {target.year: target for target in indicator.targets.all()}
    by_year = {value.year: value for value in series}
    rows: list[list[object]] = []
    for year in sorted(set(by_year) | set(targets)):
        value, target = by_year.get(year), targets.get(year)
        estimate = value.estimate if value else None
        rows.append(
            [
                indicator.code,
                indicator.name,
                unit_label(indicator.unit),
                year,
                value.value if value else None,
                value.ci_low if value else None,
                value.ci_high if value else None,
                target.value if target else None,
                _target_source(target),
                trajectory.expected_within(year, baseline, points),
                indicator_page.source_text(indicator, value) if value else "",
                estimate.pk if estimate else None,
                estimate.revision if estimate else None,
                estimate.synthetic if estimate else None,
            ]
        )
    return rows


def indicators_table(indicators: list[Indicator], *, public: bool, address: str = "") -> Table:
    every_series = values.series_many(indicators, published_only=public)
    rows = []
    for indicator in indicators:
        rows += indicator_rows(indicator, every_series[indicator.pk])
    return Table(
        name="cnvh-indicators",
        title=_("The plan's indicators: values, targets and sources by year"),
        columns=indicators_columns(),
        rows=rows,
        source=_(
            "Each value's source is in its row: a stored estimate revision, the approved "
            "progress reports, or a count in a registry."
        ),
        synthetic=any(_synthetic(series) for series in every_series.values()),
        notes=[
            _("Published indicators and published estimates only.")
            if public
            else _("Every indicator, from the latest estimates, published or not.")
        ],
        address=address,
    )
