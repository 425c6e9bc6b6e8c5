"""The one engine runner: what it stores is what the engine computed, with the caller's
provenance added to the engine's."""

from pathlib import Path

import pytest

from cnvh.estimates import runner
from cnvh.stats import EstimateOptions
from tests.stats.files import write_csv

pytestmark = pytest.mark.django_db


def inputs(tmp_path: Path) -> runner.EngineInputs:
    units = write_csv(
        tmp_path / "units.csv",
        [
            {"unit_id": "A", "year": 2024, "code": "59.11", "area": "00004", "value_added": 1000},
            {"unit_id": "C", "year": 2024, "code": "7310", "area": "00008", "value_added": 90},
        ],
    )
    totals = write_csv(tmp_path / "totals.csv", [{"year": 2024, "grdp": 100000}])
    return runner.EngineInputs(
        "hanoi-plan", totals=totals, units=units, options=EstimateOptions(by=("sector",))
    )


def test_stores_the_engines_rows_and_the_callers_provenance(tmp_path: Path) -> None:
    computed = runner.compute(inputs(tmp_path))
    stored = runner.store(
        runner.compute(inputs(tmp_path)),
        label="from files",
        synthetic=True,
        provenance={"estimate_run": 7},
    )
    assert (stored.scope_key, stored.revision, stored.label, stored.synthetic) == (
        "hanoi-plan",
        1,
        "from files",
        True,
    )
    assert stored.provenance["estimate_run"] == 7
    assert stored.provenance["inputs"] == computed.provenance["inputs"]
    rows = stored.rows.order_by("pk")
    assert [(r.year, r.sector, r.value_added) for r in rows] == [
        (r.year, r.sector, r.value_added) for r in computed.rows
    ]
