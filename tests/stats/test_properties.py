"""Properties that hold for any data: sectors add up to the total, row order does not
matter, and scaling every money input scales every money figure."""

import random
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cnvh.stats import EstimateOptions, estimate, load_scope
from cnvh.stats.result import Estimate

from .files import totals, write_csv

CODES = [
    "5911",
    "59111",
    "5912",
    "5920",
    "7310",
    "7410",
    "5610",
    "7911",
    "1629",
    "4100",
    "9000",
    "6201",
    "1410",
]
AREAS = ["00001", "00004", "00008"]

unit_rows = st.lists(
    st.fixed_dictionaries(
        {
            "code": st.sampled_from(CODES),
            "area": st.sampled_from(AREAS),
            "year": st.sampled_from([2023, 2024]),
            "value_added": st.floats(min_value=-1e4, max_value=1e7, allow_nan=False),
            "employment": st.integers(min_value=0, max_value=5000),
            "weight": st.floats(min_value=1, max_value=50),
        }
    ),
    min_size=1,
    max_size=40,
)

GRDP = {2023: 1e9, 2024: 1.1e9}
FAST = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _estimate(rows: list[dict[str, Any]], grdp: dict[int, float] = GRDP) -> Estimate:
    with tempfile.TemporaryDirectory() as folder:
        numbered = [{"unit_id": f"u{i}", **row} for i, row in enumerate(rows)]
        return estimate(
            load_scope("hanoi-plan"),
            units=write_csv(Path(folder) / "units.csv", numbered),
            totals=totals(Path(folder) / "totals.csv", grdp),
            options=EstimateOptions(by=("sector", "area"), bootstrap=0),
        )


def _key(result: Estimate) -> dict[tuple[int, str | None, str | None], Any]:
    return {(r.year, r.sector, r.area): r for r in result.rows}


@FAST
@given(unit_rows)
def test_sectors_add_up_to_the_total(rows: list[dict[str, Any]]) -> None:
    result = _estimate(rows)
    for total in (r for r in result.rows if r.sector is None):
        parts = [
            r for r in result.rows if r.sector and r.year == total.year and r.area == total.area
        ]
        scale = max(1.0, sum(abs(p.value_added) for p in parts))
        assert sum(p.value_added for p in parts) == pytest.approx(
            total.value_added, abs=1e-9 * scale
        )
        assert sum(p.employment or 0 for p in parts) == pytest.approx(total.employment)
        assert sum(p.establishments or 0 for p in parts) == pytest.approx(total.establishments)


@FAST
@given(unit_rows, st.randoms(use_true_random=False))
def test_row_order_does_not_matter(rows: list[dict[str, Any]], rng: random.Random) -> None:
    first = _key(_estimate(rows))
    shuffled = list(rows)
    rng.shuffle(shuffled)
    second = _key(_estimate(shuffled))
    assert first.keys() == second.keys()
    for key, row in first.items():
        assert second[key].value_added == pytest.approx(row.value_added, rel=1e-9, abs=1e-6)
        assert second[key].employment == pytest.approx(row.employment)


@FAST
@given(unit_rows, st.sampled_from([0.001, 3.0, 1000.0]))
def test_scaling_every_money_input_scales_every_money_figure(
    rows: list[dict[str, Any]], factor: float
) -> None:
    base = _key(_estimate(rows))
    scaled_rows = [{**row, "value_added": row["value_added"] * factor} for row in rows]
    scaled = _key(_estimate(scaled_rows, {year: g * factor for year, g in GRDP.items()}))
    for key, row in base.items():
        assert scaled[key].value_added == pytest.approx(
            row.value_added * factor, rel=1e-9, abs=1e-6 * factor
        )
        if row.share is not None:
            assert scaled[key].share == pytest.approx(row.share, rel=1e-9, abs=1e-15)
        assert scaled[key].employment == pytest.approx(row.employment)
