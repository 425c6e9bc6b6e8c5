"""A published estimate for the road's tests: three sectors in 2021 and 2024."""

from cnvh.estimates.models import Estimate
from cnvh.estimates.store import publish, save_estimate
from cnvh.stats.result import Estimate as Result
from cnvh.stats.result import EstimateRow
from tests.conftest import scope_info

GRDP = {2021: 1_100_000_000.0, 2024: 1_430_000_000.0}
SECTORS = {
    2021: {"tourism": 10_000_000.0, "design": 10_000_000.0, "crafts": 18_500_000.0},
    2024: {"tourism": 25_060_000.0, "design": 20_000_000.0, "crafts": 15_000_000.0},
}
# Shares: 38.5M / 1,100M = 3.5% in 2021; 60.06M / 1,430M = 4.2% in 2024.
BASE_SHARE = 60_060_000.0 / 1_430_000_000.0
GRDP_TREND = 1.3 ** (1 / 3) - 1  # 1,430 / 1,100 = 1.3 over three years


def road_result() -> Result:
    rows = []
    for year, sectors in SECTORS.items():
        total = sum(sectors.values())
        rows.append(EstimateRow(year, None, None, total, total / GRDP[year], None, None))
        for key, value in sectors.items():
            rows.append(EstimateRow(year, key, None, value, value / GRDP[year], None, None))
    return Result(scope=scope_info(), unit="million VND", rows=rows, provenance={"inputs": []})


def published_road_estimate() -> Estimate:
    stored = save_estimate(road_result(), label="road", synthetic=True)
    publish(stored)
    return stored
