"""Editing the assessment rubric. A rubric a round already uses is never changed: the
edit becomes the next version of the same rubric, and the rounds keep the version
they were opened with. A version no round uses yet is corrected in place. Either
way the weights must sum to 100 % (stored as fractions summing to 1), and the
history of every row keeps what it was before."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from cnvh.brightspots.models import Criterion, Rubric
from cnvh.exchange.fields import shown
from cnvh.plan.permissions import require

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Heading:
    name_vi: str
    name_en: str
    adopted_on: date
    top_score: int


@dataclass(frozen=True)
class CriterionRow:
    """A criterion as typed: its weight in per cent."""

    name_vi: str
    name_en: str
    guidance_vi: str
    guidance_en: str
    percent: Decimal


def check_rows(rows: Sequence[CriterionRow]) -> None:
    if not rows:
        raise ValidationError(
            _("A rubric needs at least one criterion: fill the “Criterion (Vietnamese)” column.")
        )
    total = sum((row.percent for row in rows), Decimal(0))
    if total != HUNDRED:
        raise ValidationError(
            {
                "weight": _(
                    "The weights (column “Weight (%%)”) sum to %(total)s %%: they must sum"
                    " to 100 %%. Change the weights; nothing was saved."
                )
                % {"total": shown(total.normalize())}
            }
        )


@transaction.atomic
def revise(user: Any, rubric: Rubric, heading: Heading, rows: Sequence[CriterionRow]) -> Rubric:
    """The rubric as edited: the same version if no round uses it, else the next one."""
    require(user, "brightspots.change_rubric")
    check_rows(rows)
    rubric = Rubric.objects.select_for_update().get(pk=rubric.pk)
    if rubric.in_use:
        top = Rubric.objects.filter(code=rubric.code).aggregate(top=Max("version"))["top"]
        rubric = Rubric(code=rubric.code, version=top + 1)
    for name, value in vars(heading).items():
        setattr(rubric, name, value)
    _save(rubric, user)
    _save_criteria(rubric, rows, user)
    return rubric


def _save(record: Rubric | Criterion, user: Any) -> None:
    record.full_clean()
    record._history_user = user  # type: ignore[union-attr]
    record.save()


def _save_criteria(rubric: Rubric, rows: Sequence[CriterionRow], user: Any) -> None:
    before = {criterion.position: criterion for criterion in rubric.criteria.all()}
    for position, row in enumerate(rows, start=1):
        criterion = before.pop(position, None) or Criterion(rubric=rubric, position=position)
        criterion.name_vi, criterion.name_en = row.name_vi, row.name_en
        criterion.guidance_vi, criterion.guidance_en = row.guidance_vi, row.guidance_en
        criterion.weight = row.percent / HUNDRED
        _save(criterion, user)
    for criterion in before.values():
        criterion._history_user = user  # type: ignore[attr-defined]
        criterion.delete()
