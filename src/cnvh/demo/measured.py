"""The second calibration pass: measure value added in scope as the engine will.

Value added per unit is the reported figure, else output − intermediate
consumption, else revenue × the ratio of value added to revenue among units of
the same code that report both (all years pooled; falling back to the 2-digit
division, then to all units).
"""

import duckdb
import numpy as np

from cnvh.demo import calibration
from cnvh.demo.scope import ScopeRow, in_scope_share, normalise_code
from cnvh.demo.unit_years import Columns

CALIBRATION_ROUNDS = 3
MONEY = ("value_added", "output", "intermediate_consumption", "revenue")

MEASURED_SQL = """
WITH units AS (
    SELECT u.*, coalesce(u.value_added, u.output - u.intermediate_consumption) AS known,
           c.normal, c.division, c.share
    FROM demo_units u JOIN demo_codes c USING (code)
),
donors AS (SELECT * FROM units WHERE known IS NOT NULL AND revenue IS NOT NULL),
by_code AS (
    SELECT normal, sum(weight * known) / sum(weight * revenue) AS ratio
    FROM donors GROUP BY normal
),
by_division AS (
    SELECT division, sum(weight * known) / sum(weight * revenue) AS ratio
    FROM donors GROUP BY division
),
overall AS (SELECT sum(weight * known) / sum(weight * revenue) AS ratio FROM donors)
SELECT u.year, sum(u.weight * u.share * coalesce(
    u.known, u.revenue * coalesce(c.ratio, d.ratio, (SELECT ratio FROM overall))
)) AS culture_va
FROM units u
LEFT JOIN by_code c ON c.normal = u.normal
LEFT JOIN by_division d ON d.division = u.division
GROUP BY u.year ORDER BY u.year
"""


def _code_table(columns: Columns, scope: dict[str, list[ScopeRow]]) -> dict[str, np.ndarray]:
    codes = sorted(set(columns["code"]))
    normal = [normalise_code(code) for code in codes]
    return {
        "code": np.array(codes, dtype=object),
        "normal": np.array(normal, dtype=object),
        "division": np.array([n[:2] for n in normal], dtype=object),
        "share": np.array([in_scope_share(code, scope) for code in codes]),
    }


def culture_va(columns: Columns, scope: dict[str, list[ScopeRow]]) -> dict[int, float]:
    """Weighted value added in scope by year, million VND."""
    con = duckdb.connect()
    try:
        con.register("demo_units", columns)
        con.register("demo_codes", _code_table(columns, scope))
        return {int(year): float(va) for year, va in con.execute(MEASURED_SQL).fetchall()}
    finally:
        con.close()


def recalibrate(columns: Columns, scope: dict[str, list[ScopeRow]]) -> Columns:
    """Scale each year's money so the measured share of GRDP equals the target.

    Scaling one year moves the pooled imputation ratios a little, so a few rounds
    are run; each shrinks the remaining gap by orders of magnitude.
    """
    for _ in range(CALIBRATION_ROUNDS):
        columns = _rescale(columns, scope)
    return columns


def _rescale(columns: Columns, scope: dict[str, list[ScopeRow]]) -> Columns:
    measured = culture_va(columns, scope)
    factor = np.ones(len(columns["year"]))
    for year, va in measured.items():
        if va > 0:
            target = calibration.culture_share(year) * calibration.grdp(year)
            factor[columns["year"] == year] = target / va
    # Money is kept to the thousand VND (3 decimals of a million), as reports give it.
    money = {name: np.round(columns[name] * factor, 3) for name in MONEY}
    return {**columns, **money}
