"""The plan's targets for the cultural industries' share of GRDP, in one place.

Sources (see docs/domain.md §1):
- 5% of GRDP in 2025: Hanoi People's Committee Plan 217/KH-UBND of 2022-08-12,
  implementing Resolution 09-NQ/TU of the Hanoi Party Committee of 2022-02-22.
- 8% of GRDP in 2030: the later target reported for Hanoi. Check it against the
  adopting document before publishing.
A long-term 10% target is reported for 2045 or for 2050; the sources disagree on
the year, so it is left out until a document settles it.

The targets are set for the plan's own definition of the cultural industries,
so the trajectory and the gap are computed under the `hanoi-plan` scope only; on
other definitions' charts the targets are marked for reference.

The trajectory a year is judged against is a straight line from the estimate's
own share in the baseline year (the last full year before the plan) through each
target. The baseline comes from the same estimate, so the same scope, because
figures made under different definitions cannot be compared.
"""

from dataclasses import dataclass
from itertools import pairwise

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

BASELINE_YEAR = 2021
TARGET_SCOPES = frozenset({"hanoi-plan"})


@dataclass(frozen=True)
class Target:
    year: int
    share: float
    source: Promise | str


PLAN_TARGETS: tuple[Target, ...] = (
    Target(
        2025,
        0.05,
        _(
            "Plan 217/KH-UBND of 12 August 2022, implementing "
            "Resolution 09-NQ/TU of 22 February 2022"
        ),
    ),
    Target(2030, 0.08, _("Later Hanoi target for 2030, as reported")),
)


def baseline(shares: dict[int, float]) -> tuple[int, float] | None:
    """The point the trajectory starts from: the baseline year's share, or the
    first estimated year if the estimate starts later (but before the first target)."""
    if BASELINE_YEAR in shares:
        return BASELINE_YEAR, shares[BASELINE_YEAR]
    first_target = PLAN_TARGETS[0].year
    earlier = sorted(year for year in shares if year < first_target)
    if not earlier:
        return None
    return earlier[0], shares[earlier[0]]


def trajectory(year: int, start: tuple[int, float] | None) -> float | None:
    """The share the plan expects in `year`, or None outside the trajectory."""
    points = [(target.year, target.share) for target in PLAN_TARGETS]
    if start is not None and start[0] < points[0][0]:
        points.insert(0, start)
    for (year0, share0), (year1, share1) in pairwise(points):
        if year0 <= year <= year1:
            return share0 + (share1 - share0) * (year - year0) / (year1 - year0)
    return None


def target_for(year: int) -> Target | None:
    return next((target for target in PLAN_TARGETS if target.year == year), None)


def applies_to(scope_key: str) -> bool:
    return scope_key in TARGET_SCOPES
