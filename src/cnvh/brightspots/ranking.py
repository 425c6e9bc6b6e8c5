"""The weighted score of a nomination and the ranking of a round: computed from the
council's scores on the round's rubric version, never typed.

A member's weighted score is Σ weight × score over the rubric's criteria; the
nomination's score is the mean over the members who scored every criterion (a member
who has not finished does not count yet). Sums are exact (fractions), so two
nominations tie only when their scores are truly equal; a tie is broken, in this
order, by the higher mean score on the criteria taken by descending weight, then by
the earlier submission, then by the lower number. Each row says how its tie was
broken.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from fractions import Fraction

from django.utils.translation import gettext as _

from cnvh.brightspots.models import Criterion, Nomination, Round, Score


def as_decimal(value: Fraction | None, places: int = 4) -> Decimal | None:
    """A fraction for showing: rounded to `places` only here, at display."""
    if value is None:
        return None
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(Decimal(1).scaleb(-places))


@dataclass
class Ranked:
    nomination: Nomination
    members: int
    score: Fraction | None
    by_criterion: list[Fraction | None]
    rank: int | None = None
    tie_note: str = ""
    member_scores: dict[int, Fraction] = field(default_factory=dict)

    @property
    def score_shown(self) -> Decimal | None:
        return as_decimal(self.score)


def member_totals(
    criteria: list[Criterion], scores: list[Score]
) -> tuple[dict[int, Fraction], dict[int, list[Fraction]]]:
    """Each member's Σ weight × score (members who scored every criterion only), and
    the scores they gave, criterion by criterion in the rubric's order."""
    given: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for score in scores:
        given[score.member_id][score.criterion_id] = score.score
    totals: dict[int, Fraction] = {}
    sheets: dict[int, list[Fraction]] = {}
    for member, sheet in given.items():
        if any(criterion.pk not in sheet for criterion in criteria):
            continue
        values = [Fraction(sheet[criterion.pk]) for criterion in criteria]
        sheets[member] = values
        totals[member] = sum(
            (Fraction(c.weight) * v for c, v in zip(criteria, values, strict=True)), Fraction(0)
        )
    return totals, sheets


def weighted_score(nomination: Nomination, criteria: list[Criterion]) -> Ranked:
    scores = [s for s in nomination.scores.all() if s.criterion.rubric_id == criteria[0].rubric_id]
    totals, sheets = member_totals(criteria, scores)
    count = len(totals)
    if not count:
        return Ranked(nomination, 0, None, [None] * len(criteria))
    means = [
        sum((sheet[i] for sheet in sheets.values()), Fraction(0)) / count
        for i in range(len(criteria))
    ]
    score = sum(totals.values(), Fraction(0)) / count
    return Ranked(nomination, count, score, list(means), member_scores=totals)


def _by_weight(criteria: list[Criterion]) -> list[int]:
    """Criteria indexes by descending weight, then their order in the rubric."""
    return sorted(range(len(criteria)), key=lambda i: (-criteria[i].weight, criteria[i].position))


def _key(row: Ranked, order: list[int]) -> tuple[object, ...]:
    assert row.score is not None
    means = tuple(-(row.by_criterion[i] or Fraction(0)) for i in order)
    submitted: datetime = row.nomination.submitted_at
    return (-row.score, means, submitted, row.nomination.pk)


def _reason(first: Ranked, second: Ranked, order: list[int], criteria: list[Criterion]) -> str:
    """Why `first` ranks before `second`, which has the same weighted score."""
    for i in order:
        if first.by_criterion[i] != second.by_criterion[i]:
            return _("the higher mean score on “%(criterion)s”") % {"criterion": criteria[i].name}
    if first.nomination.submitted_at != second.nomination.submitted_at:
        return _("the earlier submission")
    return _("the lower nomination number")


def _note_tie(first: Ranked, second: Ranked, reason: str) -> None:
    for row, other in ((first, second), (second, first)):
        note = _("Same weighted score as %(other)s; the order is decided by %(reason)s.") % {
            "other": other.nomination.spot.name,
            "reason": reason,
        }
        row.tie_note = f"{row.tie_note} {note}".strip()


def ranking(round_: Round, nominations: list[Nomination] | None = None) -> list[Ranked]:
    """The round's assessed nominations, best first, then those not yet scored."""
    criteria = list(round_.rubric.criteria.order_by("position"))
    if not criteria:
        return []
    if nominations is None:
        nominations = list(
            round_.nominations.exclude(
                status__in=[Nomination.Status.SUBMITTED, Nomination.Status.SCREENED_OUT]
            )
            .select_related("spot")
            .prefetch_related("scores__criterion")
        )
    rows = [weighted_score(nomination, criteria) for nomination in nominations]
    scored = [row for row in rows if row.score is not None]
    order = _by_weight(criteria)
    scored.sort(key=lambda row: _key(row, order))
    for position, row in enumerate(scored, start=1):
        row.rank = position
        if position > 1 and scored[position - 2].score == row.score:
            previous = scored[position - 2]
            _note_tie(previous, row, _reason(previous, row, order, criteria))
    unscored = sorted((row for row in rows if row.score is None), key=lambda r: r.nomination.pk)
    return scored + unscored
