"""Which businesses the demo city has: VSIC 2018 codes with their size profiles.

Counts are relative (per 1,000 households or per 1,000 enterprises). Household
businesses crowd into cuisine, crafts and retail; enterprises are fewer but
larger, and the few broadcasters and publishers are the largest. About four in
ten units carry a code outside any cultural scope, so that scope matching has
something to exclude.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class CodeProfile:
    code: str  # as written in the files; some carry a dot, as real registers do
    group: str  # how the code's business moved over 2019-2025 (see calibration.py)
    households: float  # relative number of household businesses
    enterprises: float  # relative number of enterprises
    median_va: float  # enterprise median value added, million VND a year
    va_ratio: float  # value added ÷ revenue
    productivity: float  # value added per worker relative to the city's average


# Kept as one table so that the whole city can be read at a glance.
PROFILES: tuple[CodeProfile, ...] = (
    # Cuisine and cultural tourism (the plan counts them in part).
    CodeProfile("5610", "cuisine", 170, 60, 2_500, 0.32, 0.35),
    CodeProfile("56.10", "cuisine", 20, 5, 2_500, 0.32, 0.35),
    CodeProfile("5621", "cuisine", 5, 10, 3_000, 0.30, 0.40),
    CodeProfile("5629", "cuisine", 15, 5, 1_500, 0.30, 0.35),
    CodeProfile("5630", "cuisine", 120, 20, 1_800, 0.38, 0.30),
    CodeProfile("7911", "tourism", 10, 35, 1_500, 0.18, 0.70),
    CodeProfile("7912", "tourism", 3, 20, 2_500, 0.15, 0.80),
    CodeProfile("79.90", "tourism", 2, 8, 1_000, 0.20, 0.70),
    CodeProfile("9102", "tourism", 0, 3, 4_000, 0.55, 0.60),
    CodeProfile("9103", "tourism", 0, 2, 3_000, 0.50, 0.50),
    CodeProfile("5510", "tourism", 15, 30, 6_000, 0.45, 0.80),
    # Crafts, fashion and design.
    CodeProfile("1629", "crafts", 45, 15, 1_800, 0.33, 0.30),
    CodeProfile("16.29", "crafts", 5, 2, 1_800, 0.33, 0.30),
    CodeProfile("2393", "crafts", 30, 10, 2_500, 0.35, 0.35),
    CodeProfile("3211", "crafts", 12, 10, 3_500, 0.22, 0.60),
    CodeProfile("3212", "crafts", 5, 3, 1_200, 0.28, 0.35),
    CodeProfile("3290", "crafts", 25, 10, 1_500, 0.32, 0.35),
    CodeProfile("1392", "crafts", 10, 5, 2_000, 0.28, 0.35),
    CodeProfile("1399", "crafts", 10, 3, 1_500, 0.30, 0.30),
    CodeProfile("1410", "fashion", 40, 50, 4_000, 0.25, 0.40),
    CodeProfile("1430", "fashion", 5, 8, 3_000, 0.25, 0.40),
    CodeProfile("1520", "fashion", 3, 10, 8_000, 0.22, 0.45),
    CodeProfile("7410", "design", 8, 30, 1_200, 0.42, 1.10),
    # The plan counts architecture only where it is coded at 5 digits (71101).
    CodeProfile("71101", "design", 2, 35, 2_500, 0.40, 1.30),
    CodeProfile("7110", "design", 1, 15, 2_500, 0.38, 1.30),
    CodeProfile("71109", "other", 0, 20, 3_000, 0.35, 1.30),
    # Media, publishing, film, broadcasting and the arts.
    CodeProfile("5811", "media", 0, 15, 3_000, 0.30, 1.00),
    CodeProfile("5813", "media", 0, 10, 6_000, 0.35, 1.20),
    CodeProfile("5819", "media", 0, 5, 1_500, 0.30, 0.90),
    CodeProfile("1811", "media", 10, 40, 4_000, 0.25, 0.80),
    CodeProfile("1812", "media", 5, 10, 1_500, 0.28, 0.60),
    CodeProfile("4761", "media", 10, 5, 1_000, 0.15, 0.50),
    CodeProfile("59111", "performance", 0, 8, 2_500, 0.40, 1.30),
    CodeProfile("59.11", "performance", 0, 2, 2_500, 0.40, 1.30),
    CodeProfile("59112", "performance", 0, 4, 1_500, 0.40, 1.10),
    CodeProfile("59113", "performance", 0, 4, 4_000, 0.40, 1.40),
    CodeProfile("5913", "performance", 0, 2, 5_000, 0.30, 1.50),
    CodeProfile("5914", "performance", 0, 4, 8_000, 0.45, 0.90),
    CodeProfile("5911", "performance", 0, 3, 2_500, 0.40, 1.30),
    CodeProfile("5912", "performance", 0, 3, 1_500, 0.45, 1.20),
    CodeProfile("3220", "performance", 3, 2, 1_500, 0.30, 0.50),
    CodeProfile("5920", "performance", 0, 5, 1_500, 0.45, 1.20),
    CodeProfile("6010", "media", 0, 2, 20_000, 0.45, 2.00),
    CodeProfile("6021", "media", 0, 5, 40_000, 0.45, 2.50),
    CodeProfile("6022", "media", 0, 2, 15_000, 0.40, 2.00),
    CodeProfile("6391", "media", 0, 2, 10_000, 0.45, 1.50),
    CodeProfile("9000", "performance", 10, 15, 1_500, 0.45, 0.70),
    CodeProfile("7420", "design", 25, 10, 600, 0.50, 0.50),
    CodeProfile("8230", "performance", 0, 10, 3_000, 0.30, 1.00),
    # Software, games and advertising.
    CodeProfile("6201", "digital", 0, 80, 3_000, 0.45, 1.80),
    CodeProfile("62.01", "digital", 0, 10, 3_000, 0.45, 1.80),
    CodeProfile("5820", "digital", 0, 15, 5_000, 0.55, 2.00),
    CodeProfile("3240", "digital", 2, 5, 2_000, 0.30, 0.80),
    CodeProfile("7310", "digital", 3, 70, 2_000, 0.30, 1.20),
    # Outside any cultural scope.
    CodeProfile("4711", "other", 80, 10, 15_000, 0.12, 0.60),
    CodeProfile("4722", "other", 60, 2, 1_500, 0.15, 0.40),
    CodeProfile("4781", "other", 50, 0, 1_000, 0.15, 0.30),
    CodeProfile("4771", "other", 40, 10, 2_000, 0.20, 0.40),
    CodeProfile("9602", "other", 50, 3, 800, 0.50, 0.30),
    CodeProfile("4520", "other", 40, 10, 2_000, 0.30, 0.50),
    CodeProfile("4933", "other", 40, 40, 3_000, 0.30, 0.60),
    CodeProfile("4101", "other", 30, 70, 6_000, 0.25, 0.70),
    CodeProfile("4659", "other", 0, 80, 4_000, 0.10, 1.20),
    CodeProfile("4690", "other", 0, 60, 3_000, 0.10, 1.00),
    CodeProfile("6810", "other", 0, 40, 8_000, 0.50, 3.00),
    CodeProfile("2599", "other", 10, 30, 3_000, 0.25, 0.60),
    CodeProfile("1079", "other", 20, 20, 2_500, 0.25, 0.50),
    CodeProfile("8559", "other", 10, 30, 1_000, 0.50, 0.60),
    CodeProfile("7020", "other", 0, 40, 1_500, 0.45, 1.30),
    CodeProfile("6202", "other", 0, 40, 2_500, 0.45, 1.60),
    CodeProfile("6419", "other", 0, 3, 200_000, 0.60, 5.00),
)
