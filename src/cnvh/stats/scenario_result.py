"""What a scenario is: a row per sector (and the scope's total) and the path of the share
year by year, with the assumptions and provenance; written as JSON or CSV."""

import csv
import io
import json
from dataclasses import asdict, dataclass, field, fields
from typing import TYPE_CHECKING, Any

from .result import ScopeInfo

if TYPE_CHECKING:
    from .scenario import ScenarioParams


@dataclass(frozen=True)
class ScenarioRow:
    """`sector` None is the scope's total. Growth rates and shares are fractions
    (0.07 is 7%). `required_growth_alone` is None when the other sectors on their trend
    reach the target without this one, or when some trend does not exist."""

    sector: str | None
    base_value_added: float
    base_share: float
    trend_growth: float | None
    projected_share: float | None
    required_growth: float
    required_growth_alone: float | None
    projected_share_ci_low: float | None = None
    projected_share_ci_high: float | None = None


SCENARIO_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(ScenarioRow))


@dataclass(frozen=True)
class ShareAt:
    """The share of GRDP of a sector (None: the total) in a year of the path."""

    year: int
    sector: str | None
    share: float | None


@dataclass
class Scenario:
    scope: ScopeInfo
    unit: str
    params: "ScenarioParams"
    grdp_growth: float  # a year; implied by the GRDP file when one was given
    trend_from: int
    rows: list[ScenarioRow]
    path: list[ShareAt]
    provenance: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "scope": asdict(self.scope),
            "unit": self.unit,
            "base_year": self.params.base_year,
            "target_year": self.params.target_year,
            "target_share": self.params.target_share,
            "grdp_growth": self.grdp_growth,
            "rows": [asdict(row) for row in self.rows],
            "path": [asdict(point) for point in self.path],
            "provenance": self.provenance,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, allow_nan=False)

    def to_csv(self) -> str:
        """The rows, full precision; the assumptions are repeated on every row so that the
        file stands on its own."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        context = ["base_year", "target_year", "target_share", "grdp_growth", "trend_from", "unit"]
        writer.writerow([*SCENARIO_FIELDS, *context])
        values = [
            self.params.base_year,
            self.params.target_year,
            repr(self.params.target_share),
            repr(self.grdp_growth),
            self.trend_from,
            self.unit,
        ]
        for row in self.rows:
            cells = asdict(row)
            writer.writerow([_cell(cells[name]) for name in SCENARIO_FIELDS] + values)
        return buffer.getvalue()

    @property
    def has_intervals(self) -> bool:
        return any(row.projected_share_ci_low is not None for row in self.rows)

    def row(self, sector: str | None) -> ScenarioRow:
        return next(row for row in self.rows if row.sector == sector)

    def share_in(self, year: int, sector: str | None = None) -> float | None:
        return next(p.share for p in self.path if p.year == year and p.sector == sector)


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return value
