"""Is an indicator on track? The rule, as a pure function (no Django).

The expected path is a straight line from the baseline through each target in
turn (after the last target, the last target's value). For the latest observed
year, the progress ratio is

    ratio = (observed - baseline) / (expected - baseline)

the share of the progress expected by that year that was actually made. It
reads the same for indicators that should fall as for those that should rise.

    ratio >= 0.9         on track
    0.5 <= ratio < 0.9   at risk
    ratio < 0.5          off track

When no progress is expected by that year (expected equals baseline), the
indicator is on track if it is at or beyond the expected value, else off track.
"""

from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

ON_TRACK_RATIO = 0.9
AT_RISK_RATIO = 0.5


class Status(StrEnum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"
    NO_TARGET = "no_target"


@dataclass(frozen=True)
class Point:
    year: int
    value: float


@dataclass(frozen=True)
class Assessment:
    status: Status
    observed: Point | None = None
    expected: float | None = None
    ratio: float | None = None
    baseline: Point | None = None


def expected(year: int, baseline: Point, targets: list[Point]) -> float | None:
    """The value the path expects in `year`; None before the baseline."""
    points = [baseline, *sorted((t for t in targets if t.year > baseline.year), key=_year)]
    if year < baseline.year or len(points) < 2:
        return None
    if year >= points[-1].year:
        return points[-1].value
    for start, end in pairwise(points):
        if start.year <= year <= end.year:
            step = (end.value - start.value) / (end.year - start.year)
            return start.value + step * (year - start.year)
    return None


def expected_within(year: int, baseline: Point | None, targets: list[Point]) -> float | None:
    """The value the path expects in `year`, between the baseline and the last target
    only: after the last target the plan says nothing, so pages and files show no path."""
    if baseline is None or not targets or year > max(target.year for target in targets):
        return None
    return expected(year, baseline, targets)


def assess(
    baseline: Point | None, targets: list[Point], observed: Point | None, increase: bool = True
) -> Assessment:
    if observed is None:
        return Assessment(Status.NO_DATA, baseline=baseline)
    if baseline is None or not targets:
        return Assessment(Status.NO_TARGET, observed=observed, baseline=baseline)
    value = expected(observed.year, baseline, targets)
    if value is None:
        return Assessment(Status.NO_TARGET, observed=observed, baseline=baseline)
    if value == baseline.value:
        ahead = observed.value >= value if increase else observed.value <= value
        status = Status.ON_TRACK if ahead else Status.OFF_TRACK
        return Assessment(status, observed, value, None, baseline)
    ratio = (observed.value - baseline.value) / (value - baseline.value)
    return Assessment(_status(ratio), observed, value, ratio, baseline)


def _status(ratio: float) -> Status:
    if ratio >= ON_TRACK_RATIO:
        return Status.ON_TRACK
    if ratio >= AT_RISK_RATIO:
        return Status.AT_RISK
    return Status.OFF_TRACK


def _year(point: Point) -> int:
    return point.year
