"""An indicator's values, each with where it came from.

Pages, the API and reports read indicator values only through here, so a value
shown anywhere can be traced to the same source: a stored estimate revision
(and its provenance), a registry's measure (and its records), the approved reports
that gave it, or the imported statistical table (the import, its file and row).
Shares are stored by the engine as fractions and given here in percent, the
unit their indicators and targets are stated in.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Q, QuerySet

from cnvh.estimates.models import Estimate, EstimateRow
from cnvh.estimates.store import latest_estimates
from cnvh.plan import registry_measures, trajectory
from cnvh.plan.models import ImportedValue, Indicator, ProgressReport, ReportValue

PERCENT_MEASURES = {Indicator.Measure.SHARE, Indicator.Measure.EMPLOYMENT_SHARE}


@dataclass
class IndicatorValue:
    year: int
    value: float
    estimate: Estimate | None = None
    report_ids: list[int] = field(default_factory=list)
    key: str | None = None  # the sector or area of a disaggregated value
    ci_low: float | None = None
    ci_high: float | None = None
    imported: ImportedValue | None = None
    records: registry_measures.Records | None = None  # the registry's records behind it


def source_estimate(indicator: Indicator, *, published_only: bool) -> Estimate | None:
    if indicator.source != Indicator.Source.ESTIMATE:
        return None
    for estimate in latest_estimates(published_only=published_only):
        if estimate.scope_key == indicator.scope_key:
            return estimate
    return None


def _row_value(indicator: Indicator, row: EstimateRow) -> float | None:
    value = getattr(row, indicator.measure or Indicator.Measure.VALUE_ADDED)
    if value is None:
        return None
    return float(value) * 100 if indicator.measure in PERCENT_MEASURES else float(value)


def _from_estimate(
    indicator: Indicator, estimate: Estimate, dimension: str | None = None, year: int | None = None
) -> list[IndicatorValue]:
    rows = estimate.rows.all()
    if dimension == "sector":
        rows = rows.filter(sector__isnull=False, area__isnull=True)
    elif dimension == "area":
        rows = rows.filter(area__isnull=False)
        rows = (
            rows.filter(sector=indicator.sector) if indicator.sector else rows.filter(sector=None)
        )
    else:
        rows = rows.filter(area__isnull=True)
        rows = (
            rows.filter(sector=indicator.sector) if indicator.sector else rows.filter(sector=None)
        )
    if year is not None:
        rows = rows.filter(year=year)
    return _to_values(indicator, estimate, rows.order_by("year", "sector", "area"), dimension)


def _to_values(
    indicator: Indicator,
    estimate: Estimate,
    rows: Iterable[EstimateRow],
    dimension: str | None = None,
) -> list[IndicatorValue]:
    values = []
    with_interval = indicator.measure == Indicator.Measure.SHARE
    for row in rows:
        value = _row_value(indicator, row)
        if value is None:
            continue
        low, high = (row.share_ci_low, row.share_ci_high) if with_interval else (None, None)
        values.append(
            IndicatorValue(
                year=row.year,
                value=value,
                estimate=estimate,
                key=row.sector if dimension == "sector" else row.area,
                ci_low=low * 100 if low is not None else None,
                ci_high=high * 100 if high is not None else None,
            )
        )
    return values


def _from_registry(indicator: Indicator) -> list[IndicatorValue]:
    """The registered measure's values by year, each with its records; none for a key
    no registry counts."""
    measure = registry_measures.get(indicator.registry)
    if measure is None:
        return []
    return [
        IndicatorValue(
            year=year,
            value=float(value),
            records=measure.records(year) if measure.records else None,
        )
        for year, value in sorted(measure.by_year().items())
    ]


def _registry_breakdown(indicator: Indicator, dimension: str, year: int) -> list[IndicatorValue]:
    measure = registry_measures.get(indicator.registry)
    split = measure.split(dimension) if measure else None
    if split is None:
        return []
    return [
        IndicatorValue(year=year, value=float(value), key=key)
        for key, value in sorted(split(year).items())
    ]


@dataclass(frozen=True)
class _Reported:
    """One approved report's number, with what the sums need of its report."""

    indicator_id: int
    value: Decimal
    report_id: int
    year: int
    ends_on: date
    agency: str


def _approved_values(indicators: list[Indicator]) -> list[_Reported]:
    # Plain rows, not model instances: a city has thousands of approved values, and
    # building three objects for each took most of an indicator page's time.
    rows = (
        ReportValue.objects.filter(
            indicator__in=indicators, report__status=ProgressReport.Status.APPROVED
        )
        .order_by("report__period__ends_on", "report_id")
        .values_list(
            "indicator_id",
            "value",
            "report_id",
            "report__period__year",
            "report__period__ends_on",
            "report__agency__code",
        )
    )
    return [_Reported(*row) for row in rows]


def _from_reports(indicator: Indicator, by_agency: bool = False) -> list[IndicatorValue]:
    return _aggregate(indicator, _approved_values([indicator]), by_agency)


def _aggregate(
    indicator: Indicator, rows: list[_Reported], by_agency: bool = False
) -> list[IndicatorValue]:
    """Approved reports' numbers by the period's year: summed, the latest period's,
    or a running total."""
    grouped: dict[tuple[int, str | None], list[_Reported]] = defaultdict(list)
    for row in rows:
        key = row.agency if by_agency else None
        grouped[(row.year, key)].append(row)
    values = []
    running: dict[str | None, Decimal] = defaultdict(Decimal)
    for (year, key), group in sorted(
        grouped.items(), key=lambda item: (item[0][0], item[0][1] or "")
    ):
        items = group
        if indicator.aggregation == Indicator.Aggregation.LATEST:
            last_end = group[-1].ends_on
            items = [item for item in group if item.ends_on == last_end]
        total = sum((Decimal(item.value) for item in items), Decimal(0))
        if indicator.aggregation == Indicator.Aggregation.CUMULATIVE:
            running[key] += total
            total = running[key]
        values.append(
            IndicatorValue(
                year=year, value=float(total), report_ids=[i.report_id for i in items], key=key
            )
        )
    return values


def _imported(
    indicators: list[Indicator], *, by_area: bool = False, year: int | None = None
) -> QuerySet[ImportedValue]:
    """The current imported values: the city's, or by area."""
    found = ImportedValue.objects.filter(indicator__in=indicators, current=True)
    found = found.exclude(area="") if by_area else found.filter(area="")
    if year is not None:
        found = found.filter(year=year)
    return found.select_related("record", "record__created_by").order_by("year", "area")


def _from_imported(rows: Iterable[ImportedValue]) -> list[IndicatorValue]:
    return [
        IndicatorValue(year=row.year, value=float(row.value), key=row.area or None, imported=row)
        for row in rows
    ]


def series(indicator: Indicator, *, published_only: bool = False) -> list[IndicatorValue]:
    """One value per year, oldest first."""
    if indicator.source == Indicator.Source.ESTIMATE:
        estimate = source_estimate(indicator, published_only=published_only)
        return _from_estimate(indicator, estimate) if estimate else []
    if indicator.source == Indicator.Source.REGISTRY:
        return _from_registry(indicator)
    if indicator.source == Indicator.Source.IMPORTED:
        return _from_imported(_imported([indicator]))
    return _from_reports(indicator)


def series_many(
    indicators: list[Indicator], *, published_only: bool = False
) -> dict[int, list[IndicatorValue]]:
    """The series of many indicators (by primary key) in a number of queries that
    does not grow with the number of indicators: for lists."""
    found: dict[int, list[IndicatorValue]] = {}
    from_estimates = [i for i in indicators if i.source == Indicator.Source.ESTIMATE]
    if from_estimates:
        latest = {e.scope_key: e for e in latest_estimates(published_only=published_only)}
        used = [latest[key] for key in {i.scope_key for i in from_estimates} if key in latest]
        rows: dict[tuple[int, str | None], list[EstimateRow]] = defaultdict(list)
        for row in EstimateRow.objects.filter(estimate__in=used, area__isnull=True).order_by(
            "year"
        ):
            rows[(row.estimate_id, row.sector)].append(row)
        for indicator in from_estimates:
            estimate = latest.get(indicator.scope_key)
            cells = rows[(estimate.pk, indicator.sector or None)] if estimate else []
            found[indicator.pk] = _to_values(indicator, estimate, cells) if estimate else []
    from_reports = [i for i in indicators if i.source == Indicator.Source.REPORTS]
    reported: dict[int, list[_Reported]] = defaultdict(list)
    for value in _approved_values(from_reports) if from_reports else []:
        reported[value.indicator_id].append(value)
    for indicator in from_reports:
        found[indicator.pk] = _aggregate(indicator, reported[indicator.pk])
    for indicator in indicators:
        if indicator.source == Indicator.Source.REGISTRY:
            found[indicator.pk] = _from_registry(indicator)
    imported = [i for i in indicators if i.source == Indicator.Source.IMPORTED]
    by_indicator: dict[int, list[ImportedValue]] = defaultdict(list)
    for observation in _imported(imported) if imported else []:
        by_indicator[observation.indicator_id].append(observation)
    for indicator in imported:
        found[indicator.pk] = _from_imported(by_indicator[indicator.pk])
    return found


def breakdown(
    indicator: Indicator, dimension: str, year: int, *, published_only: bool = False
) -> list[IndicatorValue]:
    """The year's values by sector or area (the reporting agency, for reports; the
    ward, for a registry)."""
    if indicator.source == Indicator.Source.ESTIMATE:
        estimate = source_estimate(indicator, published_only=published_only)
        if estimate is None:
            return []
        return _from_estimate(indicator, estimate, dimension, year)
    if indicator.source == Indicator.Source.REPORTS and dimension == "area":
        return [value for value in _from_reports(indicator, by_agency=True) if value.year == year]
    if indicator.source == Indicator.Source.IMPORTED and dimension == "area":
        return _from_imported(_imported([indicator], by_area=True, year=year))
    if indicator.source == Indicator.Source.REGISTRY:
        return _registry_breakdown(indicator, dimension, year)
    return []


def baseline(indicator: Indicator, values: list[IndicatorValue]) -> trajectory.Point | None:
    if indicator.baseline_year is None:
        return None
    if indicator.baseline_value is not None:
        return trajectory.Point(indicator.baseline_year, float(indicator.baseline_value))
    for value in values:
        if value.year == indicator.baseline_year:
            return trajectory.Point(value.year, value.value)
    return None


def target_points(indicator: Indicator) -> list[trajectory.Point]:
    """The indicator's targets as points of its trajectory (targets prefetched or not)."""
    return [trajectory.Point(t.year, float(t.value)) for t in indicator.targets.all()]


def assess(
    indicator: Indicator,
    values: list[IndicatorValue] | None = None,
    *,
    published_only: bool = False,
) -> trajectory.Assessment:
    """The indicator's status at its latest value, by the rule in `trajectory`."""
    if values is None:
        values = series(indicator, published_only=published_only)
    targets = target_points(indicator)
    observed = trajectory.Point(values[-1].year, values[-1].value) if values else None
    return trajectory.assess(
        baseline(indicator, values),
        targets,
        observed,
        increase=indicator.direction == Indicator.Direction.INCREASE,
    )


def visible_indicators(*, published_only: bool) -> list[Indicator]:
    indicators = Indicator.objects.prefetch_related("targets")
    if published_only:
        indicators = indicators.filter(Q(published=True))
    return list(indicators)
