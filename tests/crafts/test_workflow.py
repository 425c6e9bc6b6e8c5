"""A rating's steps: proposed → scored → decided → expired or re-rated, each gated by
its rule."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cnvh.crafts import indicators, workflow
from cnvh.crafts.models import OcopRating
from cnvh.plan.models import Role
from tests import factories
from tests.crafts import make

pytestmark = pytest.mark.django_db


@pytest.fixture
def people() -> dict[str, object]:
    return {
        "coordinator": factories.user(Role.COORDINATOR),
        "leader": factories.user(Role.LEADER),
        "officer": factories.user(Role.OFFICER),
    }


def decided(product: object, people: dict, points: tuple[str, str, str], on: date) -> OcopRating:
    rating = workflow.propose(product, people["coordinator"], on)  # type: ignore[arg-type]
    workflow.score(rating, people["coordinator"], *(Decimal(p) for p in points))
    return workflow.decide(rating, people["leader"], "7/QĐ-UBND", on)


def test_a_rating_through_its_steps(people: dict) -> None:
    product = make.product()
    rating = workflow.propose(product, people["coordinator"], date(2026, 1, 5))
    assert rating.status == "proposed"
    workflow.score(rating, people["coordinator"], Decimal("36"), Decimal("22"), Decimal("32"))
    assert (rating.status, rating.total) == ("scored", Decimal("90"))
    workflow.decide(rating, people["leader"], "15/QĐ-BNN", date(2026, 1, 31))
    rating.refresh_from_db()
    assert (rating.status, rating.stars, rating.level) == ("decided", 5, "national")
    assert rating.expires_on == date(2029, 1, 31)
    assert rating.history.count() == 3


def test_a_ward_officer_may_not_propose_another_wards_product(people: dict) -> None:
    with pytest.raises(PermissionDenied):
        workflow.propose(make.product(), people["officer"], date(2026, 1, 5))


def test_points_above_a_parts_maximum_are_refused(people: dict) -> None:
    rating = workflow.propose(make.product(), people["coordinator"], date(2026, 1, 5))
    with pytest.raises(ValidationError) as refused:
        workflow.score(rating, people["coordinator"], Decimal("40.5"), Decimal(20), Decimal(20))
    assert set(refused.value.error_dict) == {"score_a"}


def test_whoever_scored_may_not_decide(people: dict) -> None:
    both = people["leader"]
    from cnvh.plan.models import Membership

    Membership.objects.create(user=both, agency=factories.agency(), role=Role.COORDINATOR)
    both = type(both).objects.get(pk=both.pk)
    rating = workflow.propose(make.product(), both, date(2026, 1, 5))
    workflow.score(rating, both, Decimal(30), Decimal(20), Decimal(20))
    with pytest.raises(PermissionDenied):
        workflow.decide(rating, both, "1/QĐ-UBND", date(2026, 2, 1))


def test_under_50_points_cannot_be_decided(people: dict) -> None:
    rating = workflow.propose(make.product(), people["coordinator"], date(2026, 1, 5))
    workflow.score(rating, people["coordinator"], Decimal(20), Decimal(15), Decimal("14.5"))
    with pytest.raises(ValidationError, match=r"^.*49\.5 "):
        workflow.decide(rating, people["leader"], "1/QĐ-UBND", date(2026, 2, 1))


def test_a_rerating_replaces_the_certificate_and_expiry_is_marked(people: dict) -> None:
    product = make.product()
    first = decided(product, people, ("30", "20", "20"), date(2023, 3, 1))
    assert workflow.expire(date(2026, 3, 1)) == 0  # the last day it is valid
    assert workflow.expire(date(2026, 3, 2)) == 1
    first.refresh_from_db()
    assert first.status == "expired"
    second = decided(product, people, ("36", "22", "32"), date(2026, 4, 1))
    first.refresh_from_db()
    assert (first.status, second.previous_id) == ("rerated", first.pk)
    assert workflow.current_rating(product) == second


def test_indicators_count_the_records(people: dict) -> None:
    today = date(2026, 12, 1)
    ward = make.ward()
    make.village(ward, recognition_number="9/QĐ-UBND", recognition_date=date(2019, 5, 20))
    make.village(ward)
    # 4 stars expiring 31/03/2027 (within 6 months), 3 stars until 2028, one not rated.
    decided(make.product(ward), people, ("30", "20", "20"), date(2024, 3, 31))
    decided(make.product(ward), people, ("25", "15", "15"), date(2025, 6, 30))
    make.product(ward)
    found = indicators.compute(today)
    assert (found.villages, found.recognised_villages, found.traditional_villages) == (2, 1, 1)
    assert (found.products, found.ocop_products, found.expiring) == (3, 2, 1)
    assert found.by_stars == {3: 1, 4: 1, 5: 0}
    assert found.by_ward == [(ward.name_vi, 1, 1, 0)]
