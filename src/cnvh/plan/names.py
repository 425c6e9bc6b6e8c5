"""People as the pages name them: by their full name and their agency, never by the
login name alone (kept only for someone whose name was not entered)."""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from cnvh.plan.models import Membership, ProgressReport
from cnvh.stats.text import vietnamese_sort_key


@dataclass(frozen=True)
class Person:
    pk: int
    name: str
    agencies: str

    @property
    def label(self) -> str:
        return f"{self.name} — {self.agencies}" if self.agencies else self.name


def _name(user: Any) -> str:
    return str(user.get_full_name() or user.get_username())


def describe(user: Any) -> Person | None:
    if user is None:
        return None
    held = Membership.objects.filter(user=user).select_related("agency")
    agencies = sorted({m.agency.label for m in held}, key=vietnamese_sort_key)
    return Person(pk=user.pk, name=_name(user), agencies=", ".join(agencies))


def submitters(reports: QuerySet[ProgressReport]) -> list[Person]:
    """The people who submitted `reports`, by name."""
    ids = reports.exclude(submitted_by=None).values_list("submitted_by", flat=True).distinct()
    users = get_user_model().objects.filter(pk__in=ids)
    people = [person for person in map(describe, users) if person is not None]
    return sorted(people, key=lambda person: vietnamese_sort_key(person.label))
