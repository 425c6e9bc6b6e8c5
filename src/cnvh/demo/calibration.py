"""The city totals the demo data are scaled to.

GRDP at current prices follows the press estimates in docs/domain.md §5 (2020 ≈
1,024; 2022 ≈ 1,196; 2024 ≈ 1,430 trillion VND); the other years are filled in
with plausible nominal growth. The cultural-industries share under the
`hanoi-plan` scope starts near the 3.7% of the UNESCO application, dips in the
COVID years and recovers toward the plan's target without reaching it.
"""

YEARS: tuple[int, ...] = (2019, 2020, 2021, 2022, 2023, 2024, 2025)
# From 2025 the data are keyed by the new wards.
REFORM_YEAR = 2025

# Million VND at current prices.
GRDP: dict[int, float] = {
    2019: 971_700_000.0,
    2020: 1_024_000_000.0,
    2021: 1_058_000_000.0,
    2022: 1_196_000_000.0,
    2023: 1_313_000_000.0,
    2024: 1_430_000_000.0,
    2025: 1_575_000_000.0,
}

# Employed persons in the city.
EMPLOYMENT: dict[int, int] = {
    2019: 3_990_000,
    2020: 3_950_000,
    2021: 3_830_000,
    2022: 3_990_000,
    2023: 4_050_000,
    2024: 4_110_000,
    2025: 4_160_000,
}

# Value added in scope ÷ GRDP, before the generator's sampling noise.
CULTURE_SHARE: dict[int, float] = {
    2019: 0.0395,
    2020: 0.0375,
    2021: 0.0362,
    2022: 0.0388,
    2023: 0.0402,
    2024: 0.0415,
    2025: 0.0428,
}

# How each kind of business moved relative to 2019 before calibration: tourism,
# live performance and cuisine collapse in 2020-2021; digital keeps growing.
GROUP_TREND: dict[str, tuple[float, ...]] = {
    "tourism": (1.00, 0.55, 0.35, 0.80, 1.00, 1.12, 1.22),
    "performance": (1.00, 0.65, 0.45, 0.85, 1.00, 1.08, 1.15),
    "cuisine": (1.00, 0.80, 0.65, 0.95, 1.05, 1.12, 1.20),
    "crafts": (1.00, 0.90, 0.82, 0.98, 1.05, 1.10, 1.15),
    "fashion": (1.00, 0.92, 0.88, 1.02, 1.08, 1.12, 1.18),
    "design": (1.00, 0.98, 0.96, 1.08, 1.15, 1.22, 1.30),
    "media": (1.00, 0.97, 0.95, 1.00, 1.03, 1.06, 1.10),
    "digital": (1.00, 1.10, 1.22, 1.35, 1.48, 1.62, 1.78),
    "other": (1.00, 1.04, 1.06, 1.18, 1.28, 1.38, 1.50),
}


# Years before 2019 (a city-scale load set spans ten years) are extrapolated back from
# 2019: nominal GRDP growth, employment growth, the share a little lower each year.
BACK_GRDP_GROWTH = 1.09
BACK_EMPLOYMENT_GROWTH = 1.01
BACK_SHARE_STEP = 0.0008
BACK_TREND_GROWTH = 1.04


def years_from(first: int) -> tuple[int, ...]:
    """The years from `first` to the last calibrated year."""
    if first > YEARS[-1]:
        raise ValueError(f"the first year must be at most {YEARS[-1]}")
    return tuple(range(first, YEARS[-1] + 1))


def _before(year: int) -> int:
    return max(0, YEARS[0] - year)


def grdp(year: int) -> float:
    return GRDP.get(year) or GRDP[YEARS[0]] / BACK_GRDP_GROWTH ** _before(year)


def employment(year: int) -> int:
    return EMPLOYMENT.get(year) or round(
        EMPLOYMENT[YEARS[0]] / BACK_EMPLOYMENT_GROWTH ** _before(year)
    )


def culture_share(year: int) -> float:
    return CULTURE_SHARE.get(year) or CULTURE_SHARE[YEARS[0]] - BACK_SHARE_STEP * _before(year)


def trend(group: str, year: int) -> float:
    if year < YEARS[0]:
        return 1.0 / BACK_TREND_GROWTH ** _before(year)
    return GROUP_TREND[group][YEARS.index(year)]


def average_productivity(year: int) -> float:
    """GRDP per employed person, million VND."""
    return grdp(year) / employment(year)
