"""Estimates run by the task worker (`cnvh worker`), so that a long estimate never holds
a web request.

The engine reads the input files and computes; the result is stored in one transaction
(`cnvh.estimates.runner`). A worker killed in the middle leaves no part of an estimate: nothing
is written before the computation ends, and the database rolls back a transaction whose
connection died. The task is then reported failed by the next worker to start
(cnvh.ops.recovery), and can be run again.
"""

from pathlib import Path
from typing import Any

from django.tasks import task

from cnvh.estimates import runner
from cnvh.stats import EstimateOptions


@task
def run_estimate(
    scope_key: str,
    units: str,
    totals: str,
    *,
    by: list[str] | None = None,
    area_crosswalk: str | None = None,
    label: str = "",
    synthetic: bool = False,
) -> dict[str, Any]:
    """Estimates `scope_key` from the unit-level file `units` and the totals `totals`
    (paths on the worker's machine) and stores the result as the scope's next revision.
    Arguments are plain values: they are kept as JSON with the queued task."""
    options = EstimateOptions(
        by=tuple(by or ("sector",)),
        area_crosswalk=Path(area_crosswalk) if area_crosswalk else None,
    )
    inputs = runner.EngineInputs(scope_key, units=Path(units), totals=Path(totals), options=options)
    result = runner.compute(inputs)
    stored = runner.store(result, label=label, synthetic=synthetic)
    return {
        "estimate": stored.pk,
        "scope": stored.scope_key,
        "revision": stored.revision,
        "rows": len(result.rows),
    }
