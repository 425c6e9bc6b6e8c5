"""One row per business per year: what each business reports, weighted and calibrated.

The rows are built in two calibration passes. The first scales every year's
true value added so that the scope's share of GRDP hits the year's target; then
each unit is given a reporting form (value added, output and intermediate
consumption only, or revenue only). The second pass measures the share the way
the engine will (deriving and imputing value added) and corrects the small gap
that the imputation leaves, so the figure a user sees is the intended one.
"""

from dataclasses import dataclass

import numpy as np

from cnvh.demo import areas, calibration
from cnvh.demo.codes import PROFILES
from cnvh.demo.population import Businesses
from cnvh.demo.scope import ScopeRow, in_scope_share

Columns = dict[str, np.ndarray]

# Probability of each reporting form: value added / output and IC only / revenue only.
HOUSEHOLD_FORMS = (0.68, 0.15, 0.17)
ENTERPRISE_FORMS = (0.82, 0.15, 0.03)
HOUSEHOLD_EMPLOYMENT_CAP = 15


@dataclass(frozen=True)
class YearRows:
    business: np.ndarray  # index into the Businesses arrays
    year: int
    area: np.ndarray
    true_va: np.ndarray


def _year_rows(rng: np.random.Generator, pool: Businesses, year: int) -> YearRows:
    alive = np.nonzero((pool.opened <= year) & (pool.closed > year))[0]
    groups = [PROFILES[i].group for i in pool.profile[alive]]
    trend = np.array([calibration.trend(g, year) for g in groups])
    noise = rng.lognormal(0.0, 0.12, len(alive))
    if year >= calibration.REFORM_YEAR:
        area = pool.new_ward[alive]
    else:
        district = np.array([w.district for w in areas.old_wards()], dtype=object)
        area = district[pool.old_ward[alive]]
    return YearRows(alive, year, area, pool.size[alive] * trend * noise)


def _weights(rng: np.random.Generator, pool: Businesses, rows: YearRows) -> np.ndarray:
    """Households are a sample stratified by area (weight N_h / n_h); enterprises a census."""
    household = pool.household[rows.business]
    km = np.array([w.km_from_centre for w in areas.old_wards()])[pool.old_ward[rows.business]]
    weight = np.ones(len(rows.business))
    for area in np.unique(rows.area[household]):
        members = household & (rows.area == area)
        sampled = int(members.sum())
        # Outer strata are sampled more thinly: 1 in 4 at the centre, up to 1 in 20.
        inverse_fraction = min(20.0, 4.0 + float(km[members].mean()) / 2.0)
        population = round(sampled * inverse_fraction * rng.uniform(0.9, 1.1))
        weight[members] = max(population, sampled) / sampled
    return weight


def _employment(
    rng: np.random.Generator, pool: Businesses, rows: YearRows, va: np.ndarray
) -> np.ndarray:
    """Workers follow value added at the code's productivity, with noise."""
    relative = np.array([p.productivity for p in PROFILES])[pool.profile[rows.business]]
    per_worker = calibration.average_productivity(rows.year) * relative
    workers = np.maximum(1, np.round(va / per_worker * rng.lognormal(0.0, 0.3, len(va))))
    household = pool.household[rows.business]
    return np.where(household, np.minimum(workers, HOUSEHOLD_EMPLOYMENT_CAP), workers)


def _reports(rng: np.random.Generator, pool: Businesses, rows: YearRows, va: np.ndarray) -> Columns:
    """The money a unit reports, in one of three forms."""
    ratio = np.array([p.va_ratio for p in PROFILES])[pool.profile[rows.business]]
    revenue = va / ratio * rng.lognormal(0.0, 0.15, len(va))
    output = revenue * rng.uniform(0.96, 1.02, len(va))
    ic = np.maximum(output - va, 0.05 * va)
    output = va + ic
    household = pool.household[rows.business]
    draw = rng.random(len(va))
    cut_va = np.where(household, HOUSEHOLD_FORMS[0], ENTERPRISE_FORMS[0])
    cut_oic = cut_va + np.where(household, HOUSEHOLD_FORMS[1], ENTERPRISE_FORMS[1])
    reports_va, reports_oic = draw < cut_va, (draw >= cut_va) & (draw < cut_oic)
    nan = np.full(len(va), np.nan)
    return {
        "value_added": np.where(reports_va, va, nan),
        "output": np.where(reports_va | reports_oic, output, nan),
        "intermediate_consumption": np.where(reports_va | reports_oic, ic, nan),
        "revenue": np.where(reports_oic, nan, revenue),
    }


def _unit_ids(pool: Businesses, business: np.ndarray) -> np.ndarray:
    # HKD: hộ kinh doanh (household business); DN: doanh nghiệp (enterprise).
    prefix = np.where(pool.household[business], "HKD", "DN")
    return np.array([f"{p}-{i:07d}" for p, i in zip(prefix, business, strict=True)], dtype=object)


def _strata(household: np.ndarray, area: np.ndarray) -> np.ndarray:
    # Household businesses are sampled within their area; enterprises have no stratum.
    return np.array([f"hh-{a}" if h else None for h, a in zip(household, area, strict=True)])


def _year_columns(
    rng: np.random.Generator, pool: Businesses, year: int, scope_shares: np.ndarray
) -> Columns:
    rows = _year_rows(rng, pool, year)
    weight = _weights(rng, pool, rows)
    in_scope = float((weight * rows.true_va * scope_shares[pool.profile[rows.business]]).sum())
    target = calibration.culture_share(year) * calibration.grdp(year)
    va = rows.true_va * (target / in_scope if in_scope > 0 else 1.0)
    household = pool.household[rows.business]
    return {
        "unit_id": _unit_ids(pool, rows.business),
        "year": np.full(len(va), year),
        "code": np.array([PROFILES[i].code for i in pool.profile[rows.business]], dtype=object),
        "area": rows.area,
        **_reports(rng, pool, rows, va),
        "employment": _employment(rng, pool, rows, va).astype(np.int64),
        "weight": weight,
        "stratum": _strata(household, rows.area),
    }


def unit_columns(
    rng: np.random.Generator,
    pool: Businesses,
    scope: dict[str, list[ScopeRow]],
    years: tuple[int, ...] = calibration.YEARS,
) -> Columns:
    """All years' rows, calibrated once on true value added (see the module note)."""
    scope_shares = np.array([in_scope_share(p.code, scope) for p in PROFILES])
    columns = [_year_columns(rng, pool, year, scope_shares) for year in years]
    return {name: np.concatenate([y[name] for y in columns]) for name in columns[0]}
