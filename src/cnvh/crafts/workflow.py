"""An OCOP rating's steps: proposed → scored by the council → decided → expired or
re-rated. Each step checks its permission (`cnvh.crafts.permissions`) and the rules
in force; pages, the API and the demo all come through here."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from cnvh.crafts import ocop
from cnvh.crafts.models import OcopRating, OcopScheme, Product
from cnvh.plan.permissions import require

OPEN = [OcopRating.Status.PROPOSED, OcopRating.Status.SCORED]


@transaction.atomic
def propose(product: Product, user: Any, on: date) -> OcopRating:
    """A new rating; if the product holds a certificate, this one re-rates it."""
    require(user, "crafts.propose_rating", product)
    if product.ratings.filter(status__in=OPEN).exists():
        raise ValidationError(_("This product already has a rating under way."))
    previous = (
        product.ratings.filter(status__in=[OcopRating.Status.DECIDED, OcopRating.Status.EXPIRED])
        .order_by("-decision_date")
        .first()
    )
    return OcopRating.objects.create(
        product=product, proposed_on=on, proposed_by=user, previous=previous
    )


def _check_parts(scheme: OcopScheme, parts: dict[str, Decimal]) -> None:
    limits = {"score_a": scheme.max_a, "score_b": scheme.max_b, "score_c": scheme.max_c}
    errors = {
        name: _("Between 0 and %(max)s points.") % {"max": limits[name].normalize()}
        for name, points in parts.items()
        if not 0 <= points <= limits[name]
    }
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def score(rating: OcopRating, user: Any, a: Decimal, b: Decimal, c: Decimal) -> OcopRating:
    """The council's points for parts A, B and C, checked against the scheme in force
    on the day of the proposal."""
    require(user, "crafts.score_rating", rating)
    scheme = OcopScheme.in_force(rating.proposed_on)
    if scheme is None:
        raise ValidationError(_("No OCOP scoring scheme is in force on the proposal's date."))
    _check_parts(scheme, {"score_a": a, "score_b": b, "score_c": c})
    rating.score_a, rating.score_b, rating.score_c = a, b, c
    rating.scored_by = user
    rating.status = OcopRating.Status.SCORED
    rating.save()
    return rating


@transaction.atomic
def decide(rating: OcopRating, user: Any, number: str, decided_on: date) -> OcopRating:
    """The decision: the stars and level from the points by the bands in force on its
    date, the certificate's expiry, and the previous certificate marked re-rated."""
    require(user, "crafts.decide_rating", rating)
    if decided_on < rating.proposed_on:
        raise ValidationError({"decision_date": _("The decision is dated before the proposal.")})
    result = ocop.outcome(rating, decided_on)
    if result is None:
        raise ValidationError(_("No OCOP scoring scheme is in force on the decision's date."))
    if not result.certified or result.stars is None:
        raise ValidationError(
            _("%(points)s points give no certified star rating: it cannot be decided.")
            % {"points": result.total.normalize()}
        )
    rating.stars, rating.level = result.stars, result.level
    rating.decision_number, rating.decision_date = number, decided_on
    rating.expires_on = ocop.expiry(decided_on)
    rating.decided_by = user
    rating.status = OcopRating.Status.DECIDED
    rating.save()
    previous = rating.previous
    if previous is not None and previous.status in (
        OcopRating.Status.DECIDED,
        OcopRating.Status.EXPIRED,
    ):
        previous.status = OcopRating.Status.RERATED
        previous.save()
    return rating


def expire(today: date) -> int:
    """Mark the certificates past their expiry as expired; how many were."""
    count = 0
    for rating in OcopRating.objects.filter(status=OcopRating.Status.DECIDED, expires_on__lt=today):
        rating.status = OcopRating.Status.EXPIRED
        rating.save()
        count += 1
    return count


def current_rating(product: Product) -> OcopRating | None:
    """The product's latest decided certificate, if any (from `with_certificates` when
    the product was listed with it: no query per product)."""
    prefetched: list[OcopRating] | None = getattr(product, "certificates", None)
    if prefetched is not None:
        return prefetched[0] if prefetched else None
    decided = product.ratings.filter(status=OcopRating.Status.DECIDED)
    return decided.order_by("-decision_date").first()


def with_certificates(products: QuerySet[Product]) -> QuerySet[Product]:
    """Products listed with their decided ratings, latest first."""
    decided = OcopRating.objects.filter(status=OcopRating.Status.DECIDED)
    return products.prefetch_related(
        Prefetch("ratings", queryset=decided.order_by("-decision_date"), to_attr="certificates")
    )
