"""What an estimate is: rows of measures by year, sector and area, with provenance."""

import csv
import io
import json
from dataclasses import asdict, dataclass, field, fields
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .bootstrap import Replicates


@dataclass(frozen=True)
class EstimateRow:
    """One cell of an estimate.

    `sector` is None for the scope's total and `area` is None for the whole
    territory. `share` is value_added ÷ GRDP of the same year and area (None
    when the totals give no GRDP for that area). `establishments` counts units
    weighted by their sampling weight and by the in-scope share of their code,
    so sectors add up to the total. The confidence interval bounds are set only
    when units were sampled and a bootstrap was run.
    """

    year: int
    sector: str | None
    area: str | None
    value_added: float
    share: float | None
    employment: float | None
    establishments: float | None
    employment_share: float | None = None
    share_ci_low: float | None = None
    share_ci_high: float | None = None


# The one list of an estimate row's fields, in this order: the engine's CSV, the stored
# rows (cnvh.estimates), the API's estimate rows, the open data and the estimate tables
# all take their fields from here.
ROW_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(EstimateRow))


@dataclass(frozen=True)
class ScopeInfo:
    key: str
    version: str
    classification: str
    checksum: str
    title_vi: str
    title_en: str
    sectors: dict[str, dict[str, str]]  # sector key -> {"title_vi", "title_en"}


@dataclass
class Estimate:
    scope: ScopeInfo
    unit: str
    rows: list[EstimateRow]
    provenance: dict[str, Any] = field(default_factory=dict)
    # The bootstrap's replicate shares, when units were sampled; not written out.
    replicates: "Replicates | None" = field(default=None, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "scope": asdict(self.scope),
            "unit": self.unit,
            "rows": [asdict(row) for row in self.rows],
            "provenance": self.provenance,
        }

    def to_json(self) -> str:
        # allow_nan=False: NaN and Infinity are not JSON. The inputs refuse them (see
        # cnvh.stats.numbers), so one here is a fault to see, not to print.
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, allow_nan=False)

    def to_csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([*ROW_FIELDS, "unit"])
        for row in self.rows:
            values = asdict(row)
            writer.writerow([_csv_cell(values[name]) for name in ROW_FIELDS] + [self.unit])
        return buffer.getvalue()

    def total(self, year: int, area: str | None = None) -> EstimateRow:
        for row in self.rows:
            if row.year == year and row.sector is None and row.area == area:
                return row
        raise KeyError((year, area))

    def cell(self, year: int, sector: str | None, area: str | None = None) -> EstimateRow:
        for row in self.rows:
            if (row.year, row.sector, row.area) == (year, sector, area):
                return row
        raise KeyError((year, sector, area))


def _csv_cell(value: object) -> object:
    # Full precision in files: rounding happens only where a person reads the figure.
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return value
