"""What the public sees of a definition, changed with a reason and recorded.

The public sees, per definition, the newest revision that has a publication. Each
change here (publishing, withdrawing, putting an earlier revision back) is one
transaction and leaves one PublicationChange per revision it touched.
"""

from typing import Any

from django.db import transaction

from cnvh.estimates.models import Estimate, Publication, PublicationChange


class PublishingError(ValueError):
    """The change asked for does not apply to this revision as it stands."""


def public_revision(scope_key: str) -> Estimate | None:
    """The revision of `scope_key` the public sees now, if any."""
    return (
        Estimate.objects.filter(scope_key=scope_key, publication__isnull=False)
        .order_by("-revision")
        .first()
    )


def _record(estimate: Estimate, action: str, user: Any, reason: str) -> PublicationChange:
    return PublicationChange.objects.create(
        estimate=estimate,
        scope_key=estimate.scope_key,
        action=action,
        reason=reason[:500],
        changed_by=user,
    )


@transaction.atomic
def publish_revision(estimate: Estimate, user: Any, reason: str = "") -> Publication:
    """Publish `estimate` after its review; the change is recorded."""
    if Publication.objects.filter(estimate=estimate).exists():
        raise PublishingError("already published")
    publication = Publication.objects.create(estimate=estimate, published_by=user, note=reason)
    _record(estimate, PublicationChange.Action.PUBLISHED, user, reason)
    return publication


@transaction.atomic
def unpublish(estimate: Estimate, user: Any, reason: str) -> None:
    """Withdraw `estimate`: the public then sees the newest earlier published revision,
    or nothing of this definition."""
    if not reason.strip():
        raise PublishingError("a reason is required")
    deleted, _ = Publication.objects.filter(estimate=estimate).delete()
    if not deleted:
        raise PublishingError("not published")
    _record(estimate, PublicationChange.Action.UNPUBLISHED, user, reason)


@transaction.atomic
def restore(estimate: Estimate, user: Any, reason: str) -> None:
    """Make `estimate`, an earlier revision, the one the public sees: the published
    revisions newer than it are withdrawn, and it is published again if it was not."""
    if not reason.strip():
        raise PublishingError("a reason is required")
    current = public_revision(estimate.scope_key)
    if current is not None and current.revision <= estimate.revision:
        raise PublishingError("not earlier than the public revision")
    newer = Estimate.objects.filter(
        scope_key=estimate.scope_key, revision__gt=estimate.revision, publication__isnull=False
    )
    for withdrawn in newer:
        Publication.objects.filter(estimate=withdrawn).delete()
        _record(withdrawn, PublicationChange.Action.UNPUBLISHED, user, reason)
    Publication.objects.get_or_create(
        estimate=estimate, defaults={"published_by": user, "note": reason[:500]}
    )
    _record(estimate, PublicationChange.Action.RESTORED, user, reason)


def restorable(estimate: Estimate) -> bool:
    """Whether `estimate` can be put back: it was published once (a revision never
    published goes through the review instead) and is older than the public one."""
    once = (
        hasattr(estimate, "publication")
        or PublicationChange.objects.filter(estimate=estimate).exists()
    )
    current = public_revision(estimate.scope_key)
    if current is None:
        return once and not hasattr(estimate, "publication")
    return once and current.revision > estimate.revision
