"""What the overview shows of one stored estimate.

Pages never compute statistics: this module only picks stored rows (city-wide
totals by year, sectors of the latest year) and sets them beside the plan's
targets (the targets of the plan's share indicator, see `targets`). The one
subtraction it does, the gap to the target trajectory, is a comparison made for
display.
"""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext

from cnvh.estimates.models import Estimate, EstimateRow
from cnvh.plan import targets
from cnvh.presentation.formatting import MoneyScale, money_scale


@dataclass(frozen=True)
class YearLine:
    year: int
    value_added: float
    share: float | None
    ci_low: float | None
    ci_high: float | None
    trajectory: float | None
    target: targets.PlanTarget | None

    @property
    def gap(self) -> float | None:
        if self.share is None or self.trajectory is None:
            return None
        return self.share - self.trajectory


@dataclass(frozen=True)
class SectorLine:
    key: str
    title: str
    value_added: float
    scope_share: float | None
    share: float | None
    employment: float | None
    establishments: float | None


@dataclass(frozen=True)
class Summary:
    estimate: Estimate
    plan: targets.PlanTargets | None
    years: list[YearLine]
    latest_year: int | None
    latest_total: EstimateRow | None
    sectors: list[SectorLine]
    year_scale: MoneyScale
    sector_scale: MoneyScale

    @property
    def with_targets(self) -> bool:
        """Whether the plan's targets were set for this estimate's definition."""
        return self.plan is not None and self.plan.applies_to(self.estimate.scope_key)

    @property
    def published(self) -> bool:
        return hasattr(self.estimate, "publication")

    @property
    def has_ci(self) -> bool:
        return any(line.ci_low is not None for line in self.years)

    @property
    def confidence(self) -> float | None:
        """The confidence level of the intervals, as the provenance records it."""
        options = self.estimate.provenance.get("options")
        level = options.get("confidence") if isinstance(options, dict) else None
        return float(level) if isinstance(level, int | float) and self.has_ci else None


def summarise(estimate: Estimate, plan: targets.PlanTargets | None = None) -> Summary:
    rows = list(estimate.rows.filter(area__isnull=True))
    totals = sorted((row for row in rows if row.sector is None), key=lambda row: row.year)
    own = plan if plan is not None and plan.applies_to(estimate.scope_key) else None
    years = [_year_line(row, own) for row in totals]
    latest = totals[-1] if totals else None
    sectors = _sector_lines(estimate, rows, latest)
    return Summary(
        estimate=estimate,
        plan=plan,
        years=years,
        latest_year=latest.year if latest else None,
        latest_total=latest,
        sectors=sectors,
        year_scale=money_scale((line.value_added for line in years), estimate.unit),
        sector_scale=money_scale((line.value_added for line in sectors), estimate.unit),
    )


def _year_line(row: EstimateRow, plan: targets.PlanTargets | None) -> YearLine:
    return YearLine(
        year=row.year,
        value_added=row.value_added,
        share=row.share,
        ci_low=row.share_ci_low,
        ci_high=row.share_ci_high,
        trajectory=plan.trajectory(row.year) if plan else None,
        target=plan.target_for(row.year) if plan else None,
    )


def _sector_lines(
    estimate: Estimate, rows: list[EstimateRow], latest: EstimateRow | None
) -> list[SectorLine]:
    if latest is None:
        return []
    lines = [
        SectorLine(
            key=row.sector,
            title=estimate.sector_title(row.sector),
            value_added=row.value_added,
            scope_share=row.value_added / latest.value_added if latest.value_added else None,
            share=row.share,
            employment=row.employment,
            establishments=row.establishments,
        )
        for row in rows
        if row.year == latest.year and row.sector is not None
    ]
    return sorted(lines, key=lambda line: line.value_added, reverse=True)


def share_chart(summary: Summary) -> dict[str, Any]:
    """Data for the share-of-GRDP line chart (percent), read by charts.js."""
    plan = summary.plan
    years = [line.year for line in summary.years]
    if years and plan and plan.last_year:
        years.append(plan.last_year)
    if summary.with_targets and plan and plan.baseline_year:
        years.append(plan.baseline_year)
    first, last = (min(years), max(years)) if years else (0, -1)
    by_year = {line.year: line for line in summary.years}
    axis = list(range(first, last + 1))

    def percent(value: float | None) -> float | None:
        return None if value is None else value * 100

    def series(pick: Any) -> list[float | None]:
        return [percent(pick(by_year[year])) if year in by_year else None for year in axis]

    trajectory = None
    if summary.with_targets and plan is not None:
        trajectory = [percent(plan.trajectory(year)) for year in axis]
    plan_targets = [[str(t.year), t.share * 100] for t in plan.targets] if plan else []
    return {
        "years": [str(year) for year in axis],
        "share": series(lambda line: line.share),
        "ciLow": series(lambda line: line.ci_low) if summary.has_ci else None,
        "ciHigh": series(lambda line: line.ci_high) if summary.has_ci else None,
        "trajectory": trajectory,
        # Marked on every definition's chart, so each can be read against them; the
        # trajectory and the gap only where the targets were set (the plan's scope).
        "targets": plan_targets,
        "labels": {
            "share": gettext("Estimated share of GRDP"),
            "ci": gettext("Confidence interval"),
            "trajectory": gettext("Target trajectory"),
            "targets": gettext("Plan target"),
            "axis": gettext("Share of GRDP (%)"),
        },
    }


def sector_chart(summary: Summary) -> dict[str, Any]:
    """Data for the sector bar chart, in the table's money scale."""
    scale = summary.sector_scale
    lines = list(reversed(summary.sectors))  # largest at the top of a horizontal bar chart
    return {
        "sectors": [line.title for line in lines],
        "values": [line.value_added / scale.divisor for line in lines],
        "digits": scale.digits,
        "labels": {
            "values": gettext("Value added (%(unit)s)") % {"unit": scale.label},
        },
    }
