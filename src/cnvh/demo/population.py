"""The demo city's businesses: who they are, where, how big, and when they live.

A business keeps its code, place and size across years; it is born before or
during 2019-2025 and may close. Sizes are log-normal; household businesses are
small and many, enterprises fewer and larger.
"""

import math
from dataclasses import dataclass

import numpy as np

from cnvh.demo import areas
from cnvh.demo.calibration import YEARS
from cnvh.demo.codes import PROFILES

HOUSEHOLD_SHARE = 0.55  # of all units
HOUSEHOLD_MEDIAN_VA = 150.0  # million VND a year
OPEN_IN_2019 = 0.70  # of the pool; the others open later
CLOSING_RATE = 0.06  # a year
# The pool is larger than one year's count because businesses open and close.
POOL_PER_UNIT = 1.0 / 0.72


@dataclass(frozen=True)
class Businesses:
    """One entry per business, as parallel arrays."""

    profile: np.ndarray  # index into PROFILES
    household: np.ndarray  # bool
    old_ward: np.ndarray  # index into areas.old_wards()
    new_ward: np.ndarray  # 5-digit code of its ward from 2025
    size: np.ndarray  # value added in 2019 terms, million VND, before calibration
    opened: np.ndarray  # first year
    closed: np.ndarray  # first year no longer active

    def __len__(self) -> int:
        return len(self.profile)


def _kind_probabilities() -> tuple[np.ndarray, np.ndarray]:
    """Probability of each (profile, household) pair, households first."""
    households = np.array([p.households for p in PROFILES])
    enterprises = np.array([p.enterprises for p in PROFILES])
    return (
        HOUSEHOLD_SHARE * households / households.sum(),
        (1 - HOUSEHOLD_SHARE) * enterprises / enterprises.sum(),
    )


def _ward_probabilities(scale_km: float, floor: float) -> np.ndarray:
    # Density falls with distance from the centre; `floor` keeps rural wards alive.
    density = np.array([math.exp(-w.km_from_centre / scale_km) + floor for w in areas.old_wards()])
    return density / density.sum()


def _places(rng: np.random.Generator, profile: np.ndarray, household: np.ndarray) -> np.ndarray:
    # Craft villages (Bát Tràng, Vạn Phúc, Chuyên Mỹ...) lie far from the centre.
    crafts = np.array([p.group == "crafts" for p in PROFILES])[profile] & household
    central = rng.choice(len(areas.old_wards()), size=len(profile), p=_ward_probabilities(5, 0.03))
    spread = rng.choice(len(areas.old_wards()), size=len(profile), p=_ward_probabilities(25, 0.2))
    return np.where(crafts, spread, central)


def _new_wards(rng: np.random.Generator, old_ward: np.ndarray) -> np.ndarray:
    # An old ward divided among several new ones sends each business to one of them.
    choices = [w.new_wards for w in areas.old_wards()]
    picks = rng.random(len(old_ward))
    return np.array(
        [choices[i][int(u * len(choices[i]))] for i, u in zip(old_ward, picks, strict=True)],
        dtype=object,
    )


def _sizes(rng: np.random.Generator, profile: np.ndarray, household: np.ndarray) -> np.ndarray:
    median = np.array([p.median_va for p in PROFILES])[profile]
    enterprise_size = median * rng.lognormal(0.0, 1.3, len(profile))
    household_size = HOUSEHOLD_MEDIAN_VA * rng.lognormal(0.0, 0.75, len(profile))
    return np.where(household, household_size, enterprise_size)


def _lifetimes(
    rng: np.random.Generator, count: int, years: tuple[int, ...]
) -> tuple[np.ndarray, np.ndarray]:
    later = rng.integers(years[1], years[-1] + 1, count)
    opened = np.where(rng.random(count) < OPEN_IN_2019, years[0], later)
    closed = opened + rng.geometric(CLOSING_RATE, count)
    return opened, closed


def businesses(
    rng: np.random.Generator, units_per_year: int, years: tuple[int, ...] = YEARS
) -> Businesses:
    count = max(1, round(units_per_year * POOL_PER_UNIT))
    household_p, enterprise_p = _kind_probabilities()
    pick = rng.choice(2 * len(PROFILES), size=count, p=np.concatenate([household_p, enterprise_p]))
    profile = pick % len(PROFILES)
    household = pick < len(PROFILES)
    old_ward = _places(rng, profile, household)
    opened, closed = _lifetimes(rng, count, years)
    return Businesses(
        profile=profile,
        household=household,
        old_ward=old_ward,
        new_ward=_new_wards(rng, old_ward),
        size=_sizes(rng, profile, household),
        opened=opened,
        closed=closed,
    )
