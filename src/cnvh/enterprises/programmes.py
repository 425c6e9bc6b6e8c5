"""Saving a support programme with its budget by year, and an enterprise's IP filings
and certifications: each checked by the rules and by the model's own `clean()`, then
saved with who made the change."""

from decimal import Decimal
from typing import Any

from django.db import models, transaction

from cnvh.enterprises.models import Certification, IPFiling, Programme, ProgrammeBudget
from cnvh.plan.permissions import require


def _saved(record: models.Model, user: Any) -> Any:
    record.full_clean()
    record._history_user = user  # type: ignore[attr-defined]
    record.save()
    return record


@transaction.atomic
def save_programme(programme: Programme, budgets: dict[int, Decimal], user: Any) -> Programme:
    """The programme as edited and its budget: `budgets` is every year's amount in VND;
    a year left out has no budget any more."""
    if programme.pk is None:
        require(user, "enterprises.add_programme")
    else:
        require(user, "enterprises.change_programme", Programme.objects.get(pk=programme.pk))
    # Its owner is an agency the person keeps programmes of (a coordinator: any).
    require(user, "enterprises.change_programme", programme)
    _saved(programme, user)
    for gone in programme.budgets.exclude(year__in=list(budgets)):
        gone._history_user = user  # type: ignore[attr-defined]
        gone.delete()
    for year, amount in budgets.items():
        budget = programme.budgets.filter(year=year).first()
        budget = budget or ProgrammeBudget(programme=programme, year=year)
        budget.amount = amount
        _saved(budget, user)
    return programme


def save_filing(filing: IPFiling, user: Any) -> IPFiling:
    require(user, "enterprises.change_outcomes", filing)
    return _saved(filing, user)


def save_certification(certification: Certification, user: Any) -> Certification:
    require(user, "enterprises.change_outcomes", certification)
    return _saved(certification, user)
