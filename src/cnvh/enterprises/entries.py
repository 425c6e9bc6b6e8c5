"""Saving an enterprise of the register: its code compacted, a branch linked to its
parent, and the sectors of its codes derived again, in one place for the forms, the
import and the demo."""

from django.db import transaction

from cnvh.enterprises import identity
from cnvh.enterprises.models import Enterprise, EnterpriseSector
from cnvh.enterprises.sectors import matches


def enterprise_by_tax_code(code: str) -> Enterprise | None:
    """The enterprise with this tax code (or personal number), however it is written:
    "0100233488-001" finds the branch 0100233488001. Other registries refer to an
    enterprise through this."""
    return Enterprise.objects.filter(tax_code=identity.compact(code)).first()


def refresh_sectors(enterprise: Enterprise) -> None:
    """The sectors its codes fall in under each shipped scope, as the engine matches them."""
    enterprise.sectors.all().delete()
    EnterpriseSector.objects.bulk_create(
        EnterpriseSector(
            enterprise=enterprise,
            scope_key=found.scope,
            code=found.code,
            sector=found.sector,
            share=found.share,
        )
        for found in matches(enterprise.codes)
    )


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
