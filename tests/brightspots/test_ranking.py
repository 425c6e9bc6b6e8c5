"""The weighted score and the ranking, against hand-computed values.

Shipped rubric v1 weights: 0.30, 0.25, 0.20, 0.15, 0.10."""

from decimal import Decimal
from fractions import Fraction

from django.utils import translation

from cnvh.brightspots.ranking import ranking
from tests.brightspots.conftest import City


def test_weighted_score_is_the_mean_over_members(city: City) -> None:
    nomination = city.admitted("Phố đi bộ")
    member1, member2, _ = city.members
    # member 1: 0.3×8 + 0.25×7 + 0.2×9 + 0.15×6 + 0.1×10 = 2.4+1.75+1.8+0.9+1.0 = 7.85
    city.score(nomination, member1, "8", "7", "9", "6", "10")
    # member 2: 0.3×8.5 + 0.25×8 + 0.2×7.5 + 0.15×7 + 0.1×9 = 2.55+2+1.5+1.05+0.9 = 8.0
    city.score(nomination, member2, "8.5", "8", "7.5", "7", "9")
    [row] = ranking(city.round)
    assert row.members == 2
    assert row.score == Fraction("7.925")
    assert row.score_shown == Decimal("7.9250")
    assert row.rank == 1


def test_unfinished_sheet_does_not_count(city: City) -> None:
    from cnvh.brightspots.models import Score

    nomination = city.admitted("Phố đi bộ")
    city.score(nomination, city.members[0], "8", "7", "9", "6", "10")
    city.score(nomination, city.members[1], "1", "1", "1", "1", "1")
    # A half-finished sheet (one criterion removed) is left out of the mean.
    Score.objects.filter(member=city.members[1]).order_by("pk").first().delete()  # type: ignore[union-attr]
    [row] = ranking(city.round)
    assert (row.members, row.score) == (1, Fraction("7.85"))


def test_ranking_orders_and_breaks_ties_by_the_heaviest_criterion(city: City) -> None:
    first = city.admitted("A")
    second = city.admitted("B")
    third = city.admitted("C")
    member = city.members[0]
    # A: 0.3×9 + 0.25×7 + 0.2×8 + 0.15×8 + 0.1×8 = 2.7+1.75+1.6+1.2+0.8 = 8.05
    city.score(first, member, "9", "7", "8", "8", "8")
    # B: 0.3×8 + 0.25×8 + 0.2×8 + 0.15×9 + 0.1×7 = 2.4+2+1.6+1.35+0.7 = 8.05 (tie with A)
    city.score(second, member, "8", "8", "8", "9", "7")
    # C: all 9 = 9.0
    city.score(third, member, "9", "9", "9", "9", "9")
    with translation.override("en"):
        rows = ranking(city.round)
    assert [row.nomination.spot.name_vi for row in rows] == ["C", "A", "B"]
    assert [row.rank for row in rows] == [1, 2, 3]
    assert rows[1].score == rows[2].score == Fraction("8.05")
    # A wins the tie on "Measurable results" (weight 0.30): 9 against 8.
    assert "Measurable results" in rows[1].tie_note
    assert "B (en)" in rows[1].tie_note and "A (en)" in rows[2].tie_note
    assert rows[0].tie_note == ""


def test_exact_tie_falls_back_to_the_earlier_submission(city: City) -> None:
    first = city.admitted("A")
    second = city.admitted("B")
    for nomination in (second, first):
        city.score(nomination, city.members[0], "7", "7", "7", "7", "7")
    with translation.override("en"):
        rows = ranking(city.round)
    assert [row.nomination for row in rows] == [first, second]
    assert "earlier submission" in rows[0].tie_note


def test_unscored_nominations_come_last_without_rank(city: City) -> None:
    scored = city.admitted("A")
    waiting = city.admitted("B")
    city.nominate("C")  # not screened: not in the ranking
    city.score(scored, city.members[0], "5", "5", "5", "5", "5")
    rows = ranking(city.round)
    assert [(row.nomination, row.rank, row.score) for row in rows] == [
        (scored, 1, Fraction(5)),
        (waiting, None, None),
    ]
