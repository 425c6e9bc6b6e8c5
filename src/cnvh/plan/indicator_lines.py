"""An indicator year by year against its plan: each value with its target and where the
trajectory expected it, and the latest year broken down by sector or area. The values
come from `cnvh.plan.values` and the path from `cnvh.plan.trajectory`; nothing is
computed twice."""

from dataclasses import dataclass

from cnvh.estimates.models import Estimate
from cnvh.plan import registry_measures, trajectory, values
from cnvh.plan.models import Agency, Indicator, Target


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


def lines(
    indicator: Indicator, series: list[values.IndicatorValue], baseline: trajectory.Point | None
) -> list[Line]:
    targets = {target.year: target for target in indicator.targets.all()}
    points = values.target_points(indicator)
    return [
        Line(
            value,
            targets.get(value.year),
            trajectory.expected_within(value.year, baseline, points),
        )
        for value in series
    ]


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
    sectors = _registry_sectors(indicator) if dimension == "sector" else {}
    result = []
    for value in found:
        key = value.key or ""
        if dimension == "sector":
            title = estimate.sector_title(key) if estimate else sectors.get(key, key)
            result.append(Part(key, title, value.value))
        else:
            title, code = names.get(key, (key, None))
            result.append(Part(key, title, value.value, code))
    return sorted(result, key=lambda part: part.value, reverse=True)


def _registry_sectors(indicator: Indicator) -> dict[str, str]:
    measure = registry_measures.get(indicator.registry)
    if indicator.source != Indicator.Source.REGISTRY or measure is None:
        return {}
    return measure.sector_titles() if measure.sector_titles else {}
