"""Stars from points by the shipped bands (Decision 148/QĐ-TTg), and the certificate's
36 months, at their boundaries."""

from datetime import date
from decimal import Decimal

import pytest

from cnvh.crafts import ocop, workflow
from cnvh.crafts.models import OcopRating
from cnvh.plan.models import Role
from tests import factories
from tests.crafts import make

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("a", "b", "c", "total", "stars", "certified", "level"),
    [
        # 20 + 15 + 14,99 = 49,99: just short of 3 stars.
        ("20", "15", "14.99", "49.99", 2, False, "city"),
        # 20 + 15 + 15 = 50: the first point of 3 stars.
        ("20", "15", "15", "50", 3, True, "city"),
        # 30 + 20 + 19,5 = 69,5: still 3 stars.
        ("30", "20", "19.5", "69.5", 3, True, "city"),
        # 30 + 20 + 20 = 70: 4 stars.
        ("30", "20", "20", "70", 4, True, "city"),
        # 36 + 22 + 31,99 = 89,99: 4 stars.
        ("36", "22", "31.99", "89.99", 4, True, "city"),
        # 36 + 22 + 32 = 90: 5 stars, decided nationally.
        ("36", "22", "32", "90", 5, True, "national"),
        ("40", "25", "35", "100", 5, True, "national"),
        ("10", "10", "9.5", "29.5", 1, False, "city"),
    ],
)
def test_stars_at_the_band_boundaries(
    a: str, b: str, c: str, total: str, stars: int, certified: bool, level: str
) -> None:
    rating = OcopRating(score_a=Decimal(a), score_b=Decimal(b), score_c=Decimal(c))
    found = ocop.outcome(rating, date(2026, 6, 1))
    assert found is not None
    assert found.total == Decimal(total)
    assert (found.stars, found.certified, found.level) == (stars, certified, level)


def test_no_scheme_before_the_decision_came_into_force() -> None:
    rating = OcopRating(score_a=Decimal(30), score_b=Decimal(20), score_c=Decimal(20))
    assert ocop.outcome(rating, date(2023, 2, 23)) is None


@pytest.mark.parametrize(
    ("decided", "expires"),
    [
        (date(2026, 3, 15), date(2029, 3, 15)),
        (date(2026, 8, 31), date(2029, 8, 31)),
        # 29 February: 2031 has none, so the month's last day.
        (date(2028, 2, 29), date(2031, 2, 28)),
        (date(2025, 12, 31), date(2028, 12, 31)),
    ],
)
def test_a_certificate_lasts_36_months(decided: date, expires: date) -> None:
    assert ocop.expiry(decided) == expires


def test_month_arithmetic_clamps_to_the_months_end() -> None:
    assert ocop.add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert ocop.add_months(date(2026, 3, 31), -1) == date(2026, 2, 28)
    assert ocop.add_months(date(2029, 3, 15), -6) == date(2028, 9, 15)


def test_rerating_is_due_six_months_before_expiry() -> None:
    coordinator = factories.user(Role.COORDINATOR)
    leader = factories.user(Role.LEADER)
    rating = workflow.propose(make.product(), coordinator, date(2026, 3, 1))
    workflow.score(rating, coordinator, Decimal("30"), Decimal("20"), Decimal("22.5"))
    workflow.decide(rating, leader, "12/QĐ-UBND", date(2026, 3, 15))
    rating.refresh_from_db()
    assert (rating.stars, rating.level, rating.expires_on) == (4, "city", date(2029, 3, 15))
    assert not ocop.rerating_due(rating, date(2028, 9, 14))
    assert ocop.rerating_due(rating, date(2028, 9, 15))
