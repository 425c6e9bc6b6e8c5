"""The statistics engine: plain Python and DuckDB, no Django.

from cnvh.stats import load_scope, estimate, EstimateOptions
result = estimate(load_scope("hanoi-plan"), units=Path("units.csv"),
                  totals=Path("totals.csv"), options=EstimateOptions(by=("sector",)))
"""

from .estimate import estimate
from .options import EstimateOptions
from .problems import InputError, Problem
from .result import Estimate, EstimateRow, ScopeInfo
from .scope import Scope, load_scope, shipped_scopes

__all__ = [
    "Estimate",
    "EstimateOptions",
    "EstimateRow",
    "InputError",
    "Problem",
    "Scope",
    "ScopeInfo",
    "estimate",
    "load_scope",
    "shipped_scopes",
]
