"""Who may see and edit the crafts registry: the rules of `cnvh.plan.permissions`
(deny by default) applied here. Everyone who works on the plan reads it; the
coordinator keeps it and its thresholds; a ward's officers keep their ward's villages
and products and propose them for rating; the council (through the coordinator) scores;
a leader decides."""

from typing import Any

import rules

from cnvh.crafts.models import CraftVillage, OcopRating, Product, TraceEvent
from cnvh.plan.models import Role
from cnvh.plan.permissions import agencies_with, is_coordinator, is_leader, is_member


def _ward_of(obj: Any) -> int | None:
    if isinstance(obj, CraftVillage | Product):
        return obj.ward_id
    if isinstance(obj, OcopRating | TraceEvent):
        return obj.product.ward_id
    return None


@rules.predicate
def officer_of_ward(user: Any, obj: Any) -> bool:
    """An officer of the ward or commune the village or product belongs to."""
    ward = _ward_of(obj)
    return ward is not None and ward in agencies_with(user, Role.OFFICER)


@rules.predicate
def is_proposed(user: Any, rating: Any) -> bool:
    return isinstance(rating, OcopRating) and rating.status == OcopRating.Status.PROPOSED


@rules.predicate
def is_scored(user: Any, rating: Any) -> bool:
    return isinstance(rating, OcopRating) and rating.status == OcopRating.Status.SCORED


@rules.predicate
def scored_it(user: Any, rating: Any) -> bool:
    """Nobody decides on the points they gave."""
    return isinstance(rating, OcopRating) and rating.scored_by_id == getattr(user, "pk", None)


keeps_it = is_coordinator | officer_of_ward

rules.add_perm("crafts.view_crafts", is_member)
rules.add_perm("crafts.add_record", is_coordinator)
rules.add_perm("crafts.change_record", keeps_it)
rules.add_perm("crafts.change_rules", is_coordinator)
rules.add_perm("crafts.propose_rating", keeps_it)
rules.add_perm("crafts.score_rating", is_coordinator & is_proposed)
rules.add_perm("crafts.decide_rating", is_leader & is_scored & ~scored_it)
rules.add_perm("crafts.add_trace_event", keeps_it)
