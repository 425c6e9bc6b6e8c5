"""The on-track rule, by hand and by property."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cnvh.plan.trajectory import Point, Status, assess, expected

BASELINE = Point(2021, 3.62)
TARGETS = [Point(2025, 5.0), Point(2030, 8.0)]


def test_expected_path() -> None:
    assert expected(2021, BASELINE, TARGETS) == pytest.approx(3.62)
    assert expected(2023, BASELINE, TARGETS) == pytest.approx(3.62 + 1.38 / 2)
    assert expected(2025, BASELINE, TARGETS) == pytest.approx(5.0)
    assert expected(2027, BASELINE, TARGETS) == pytest.approx(6.2)
    assert expected(2035, BASELINE, TARGETS) == pytest.approx(8.0)
    assert expected(2020, BASELINE, TARGETS) is None


def test_hanoi_2025_is_off_track() -> None:
    # 4.28% in 2025 against 5%: (4.28 - 3.62) / (5 - 3.62) = 0.4783
    result = assess(BASELINE, TARGETS, Point(2025, 4.28))
    assert result.ratio == pytest.approx(0.66 / 1.38)
    assert result.status == Status.OFF_TRACK


@pytest.mark.parametrize(
    ("observed", "status"),
    [(4.25, Status.ON_TRACK), (4.06, Status.AT_RISK), (3.80, Status.OFF_TRACK)],
)
def test_thresholds(observed: float, status: Status) -> None:
    # Expected in 2023: 4.31; progress expected 0.69.
    # 4.25 → 0.913; 4.06 → 0.638; 3.80 → 0.261.
    assert assess(BASELINE, TARGETS, Point(2023, observed)).status == status


def test_falling_indicator() -> None:
    # Fewer late reports: from 40 in 2024 to 10 in 2027; 30 in 2025 is ratio 1.
    result = assess(Point(2024, 40), [Point(2027, 10)], Point(2025, 30), increase=False)
    assert result.ratio == pytest.approx(1.0)
    assert result.status == Status.ON_TRACK


def test_missing_parts() -> None:
    assert assess(BASELINE, TARGETS, None).status == Status.NO_DATA
    assert assess(None, TARGETS, Point(2025, 4)).status == Status.NO_TARGET
    assert assess(BASELINE, [], Point(2025, 4)).status == Status.NO_TARGET
    assert assess(BASELINE, TARGETS, Point(2019, 4)).status == Status.NO_TARGET


values = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@given(base=values, target=values, year=st.integers(2021, 2040))
def test_meeting_the_path_is_on_track(base: float, target: float, year: int) -> None:
    baseline = Point(2021, base)
    path = expected(year, baseline, [Point(2030, target)])
    assert path is not None
    result = assess(baseline, [Point(2030, target)], Point(year, path), increase=target >= base)
    assert result.status == Status.ON_TRACK


@given(base=values, gain=st.floats(min_value=0.01, max_value=1e6), lag=st.floats(0.0, 1.0))
def test_status_worsens_as_progress_falls(base: float, gain: float, lag: float) -> None:
    baseline, targets = Point(2021, base), [Point(2025, base + gain)]
    ahead = assess(baseline, targets, Point(2025, base + gain * (1 - lag / 2)))
    behind = assess(baseline, targets, Point(2025, base + gain * (1 - lag)))
    order = [Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK]
    assert order.index(ahead.status) <= order.index(behind.status)
