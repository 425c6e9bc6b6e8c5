"""The demo registry is made through the workflow, once, quickly, with the figures
its records give."""

import time
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from django.db import transaction

from cnvh.brightspots import indicators
from cnvh.brightspots.demo.load import load_demo_bright_spots
from cnvh.brightspots.models import BrightSpot, Nomination, Score
from cnvh.brightspots.ranking import ranking
from cnvh.plan.demo.load import load_demo_plan

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 26)


@pytest.fixture(scope="module")
def seconds(django_db_setup: None, django_db_blocker: Any) -> Iterator[float]:
    with django_db_blocker.unblock(), transaction.atomic():
        assert load_demo_plan(TODAY, demo_mode=True) is not None
        started = time.perf_counter()
        loaded = load_demo_bright_spots(TODAY)
        took = time.perf_counter() - started
        assert loaded is not None
        assert (loaded.rounds, loaded.nominations, loaded.recognised) == (2, 6, 3)
        assert loaded.replications == 2
        assert load_demo_bright_spots(TODAY) is None  # loading twice changes nothing
        yield took
        transaction.set_rollback(True)


def test_quick(seconds: float) -> None:
    assert seconds < 5


def test_the_conflicted_member_did_not_score_their_agencys_nominations(seconds: float) -> None:
    by_department = Nomination.objects.filter(agency__short_name="Sở VHTT")
    assert by_department.count() == 2
    assert not Score.objects.filter(nomination__in=by_department, member__username="canbo").exists()


def test_the_past_round_is_ranked_and_decided(seconds: float) -> None:
    past = Nomination.objects.get(spot__name_vi="Phố sách Hà Nội").round
    rows = ranking(past)
    assert [row.rank for row in rows] == [1, 2, 3, 4]
    assert rows[-1].nomination.spot.name_vi == "Số hóa câu chuyện phố nghề"
    assert rows[-1].nomination.status == Nomination.Status.REJECTED
    # Hanoi Book Street, three members: 9,8.5,8,8,9 shifted by -0.5, 0, +0.5.
    # 0.3×9 + 0.25×8.5 + 0.2×8 + 0.15×8 + 0.1×9 = 2.7+2.125+1.6+1.2+0.9 = 8.525,
    # and the shifts average to 0 (weights sum to 1): 8.525.
    book = next(row for row in rows if row.nomination.spot.name_vi == "Phố sách Hà Nội")
    assert str(book.score_shown) == "8.5250"


def test_indicators_from_the_demo(seconds: float) -> None:
    figures = indicators.compute(TODAY)
    assert figures.by_level == {"city": 1, "enterprise": 1, "department": 1}
    assert figures.by_sector == {"publishing": 1, "crafts": 1, "design": 1}
    book = BrightSpot.objects.get(name_vi="Phố sách Hà Nội")
    assert figures.replications[book.pk] == 2
    # All three were decided on 08/08/2025, more than a year before 26/11/2026; only
    # the book street reported results for a year after 2025.
    assert (figures.recognised_a_year_ago, figures.still_reporting) == (3, 1)
