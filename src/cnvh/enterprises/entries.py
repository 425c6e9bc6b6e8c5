"""Saving an enterprise of the register: its code compacted, a branch linked to its
parent, and the sectors of its codes derived again, in one place for the forms, the
import and the demo (and for a whole register at once, `save_register`)."""

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.db.models.signals import post_save
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from cnvh.enterprises import identity
from cnvh.enterprises.models import Enterprise, EnterpriseSector
from cnvh.enterprises.sectors import SectorMatch, matches


def enterprise_by_tax_code(code: str) -> Enterprise | None:
    """The enterprise with this tax code (or personal number), however it is written:
    "0100233488-001" finds the branch 0100233488001. Other registries refer to an
    enterprise through this."""
    return Enterprise.objects.filter(tax_code=identity.compact(code)).first()


# Rows written by one query of a bulk save: well under SQLite's 32,766 parameters.
BATCH = 500
FIELDS = [
    field.name
    for field in Enterprise._meta.concrete_fields
    if not field.primary_key and field.name != "tax_code"
]


def derived_sectors(
    enterprise: Enterprise, matched: dict[tuple[str, ...], list[SectorMatch]] | None = None
) -> list[EnterpriseSector]:
    """The sectors its codes fall in under each shipped scope, as the engine matches them;
    `matched` keeps the matches of codes already seen."""
    codes = tuple(enterprise.codes)
    known = matched.get(codes) if matched is not None else None
    if known is None:
        known = matches(list(codes))
        if matched is not None:
            matched[codes] = known
    return [
        EnterpriseSector(
            enterprise=enterprise,
            scope_key=found.scope,
            code=found.code,
            sector=found.sector,
            share=found.share,
        )
        for found in known
    ]


def refresh_sectors(enterprise: Enterprise) -> None:
    enterprise.sectors.all().delete()
    EnterpriseSector.objects.bulk_create(derived_sectors(enterprise))


def link_parent(enterprise: Enterprise) -> None:
    """A branch belongs to the enterprise whose code its own begins with."""
    if identity.is_branch(enterprise.tax_code):
        enterprise.parent = enterprise_by_tax_code(identity.parent_code(enterprise.tax_code))
    else:
        enterprise.parent = None


@transaction.atomic
def save_enterprise(enterprise: Enterprise) -> Enterprise:
    enterprise.tax_code = identity.compact(enterprise.tax_code)
    link_parent(enterprise)
    enterprise.save()
    refresh_sectors(enterprise)
    return enterprise


@transaction.atomic
def save_register(enterprises: Sequence[Enterprise], user: Any, reason: str) -> None:
    """Many enterprises at once, each saved as `save_enterprise` saves one (a branch
    linked to its parent, its sectors derived again, a history record naming `user`
    and `reason`), in a few queries for each batch of rows rather than several for
    each row: an import of a whole register. Tax codes compacted by the caller."""
    stored = [found for found in enterprises if found.pk is not None]
    branches = [found for found in enterprises if identity.is_branch(found.tax_code)]
    heads = [found for found in enterprises if not identity.is_branch(found.tax_code)]
    # Parents first: a branch is linked to its parent when it is saved.
    for group in (heads, branches):
        _link_parents(group, enterprises)
        bulk_create_with_history(
            [found for found in group if found.pk is None],
            Enterprise,
            BATCH,
            default_user=user,
            default_change_reason=reason,
        )
    if stored:
        bulk_update_with_history(
            stored, Enterprise, FIELDS, BATCH, default_user=user, default_change_reason=reason
        )
        for start in range(0, len(stored), BATCH):
            EnterpriseSector.objects.filter(enterprise__in=stored[start : start + BATCH]).delete()
    matched: dict[tuple[str, ...], list[SectorMatch]] = {}  # a register repeats its codes
    sectors = [sector for found in enterprises for sector in derived_sectors(found, matched)]
    EnterpriseSector.objects.bulk_create(sectors, BATCH)
    if sectors:
        # A bulk write sends no signal: those who follow the register's changes (the
        # public pages' cache) are told once.
        post_save.send(EnterpriseSector, instance=sectors[-1], created=True, raw=False)


def _link_parents(group: Sequence[Enterprise], enterprises: Sequence[Enterprise]) -> None:
    """Each branch of `group` to its parent: one of `enterprises`, else the register's."""
    known = {found.tax_code: found for found in enterprises}
    wanted = {
        identity.parent_code(found.tax_code)
        for found in group
        if identity.is_branch(found.tax_code)
    }
    known.update(Enterprise.objects.in_bulk(list(wanted - set(known)), field_name="tax_code"))
    for found in group:
        if identity.is_branch(found.tax_code):
            found.parent = known.get(identity.parent_code(found.tax_code))
        else:
            found.parent = None
