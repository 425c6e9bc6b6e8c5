"""The one way the web app runs the statistics engine: the estimate pages (estimates from
imported datasets, `cnvh.exchange.estimating`), the task worker (`cnvh.estimates.jobs`),
`cnvh load-demo` and the API (through the pages' service) all come here.

`compute` runs the engine on the files it is given; `store` keeps the result as its
scope's next revision, with what the caller adds to the provenance. Between the two a
caller may say it is saving (an estimate run) or store several results at once
(load-demo, all scopes or none).
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings

from cnvh.estimates.models import Estimate
from cnvh.estimates.store import save_estimate
from cnvh.stats import EstimateOptions, estimate, load_scope
from cnvh.stats.checked import CheckedFiles
from cnvh.stats.estimate import Progress
from cnvh.stats.result import Estimate as Result


@dataclass(frozen=True)
class EngineInputs:
    """What the engine reads: a shipped scope's key or a scope file, the totals, and the
    unit-level or the code-level data."""

    scope: str | Path
    totals: Path
    units: Path | None = None
    aggregates: Path | None = None
    options: EstimateOptions = field(default_factory=EstimateOptions)


def compute(inputs: EngineInputs, *, progress: Progress | None = None) -> Result:
    """The engine's estimate; raises cnvh.stats.InputError listing every problem."""
    return estimate(
        load_scope(inputs.scope),
        totals=inputs.totals,
        units=inputs.units,
        aggregates=inputs.aggregates,
        options=inputs.options,
        progress=progress,
        checked=CheckedFiles(settings.CHECKED_FILES_DIR),
    )


def store(
    result: Result, *, label: str, synthetic: bool, provenance: dict[str, Any] | None = None
) -> Estimate:
    """Stores `result` as its scope's next revision, `provenance` added to the engine's."""
    result.provenance.update(provenance or {})
    return save_estimate(result, label=label, synthetic=synthetic)
