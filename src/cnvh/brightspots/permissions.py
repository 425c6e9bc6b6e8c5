"""Who may do what in the registry of models and bright spots: the rules of
`cnvh.plan.permissions` (deny by default), applied to rounds and nominations.

Members read the registry; coordinators run the rounds (screening, site visits,
decisions); officers and leaders of the agencies a round invites nominate; a council
member scores only the nominations of the rounds they sit on, and never one their own
agency made. Recognised models are public (no permission needed)."""

from typing import Any

import rules

from cnvh.brightspots.models import BrightSpot, CouncilSeat, Nomination, Round
from cnvh.plan.models import Agency, Role
from cnvh.plan.permissions import (
    agencies_with,
    is_coordinator,
    is_leader,
    is_member,
    is_officer,
    roles_of,
    sees_everything,
)

NOMINATING_ROLES = (Role.OFFICER, Role.LEADER)


def nominating_agencies(user: Any, round_: Round) -> list[int]:
    """The user's agencies (as officer or leader) whose kind the round invites."""
    held = {agency for role, agency in roles_of(user) if role in NOMINATING_ROLES}
    kinds = set(round_.nominator_kinds or [])
    return list(
        Agency.objects.filter(pk__in=held, kind__in=kinds)
        .order_by("name_vi")
        .values_list("pk", flat=True)
    )


@rules.predicate
def invited_to_nominate(user: Any, round_: Round | None) -> bool:
    """The round invites one of the user's agencies; whether it is open on the day of
    the nomination is the workflow's to check."""
    return round_ is not None and bool(nominating_agencies(user, round_))


def sits_on(user: Any, round_id: int) -> bool:
    user_id = getattr(user, "pk", None)
    if user_id is None or not getattr(user, "is_active", False):
        return False
    return CouncilSeat.objects.filter(round_id=round_id, member_id=user_id).exists()


@rules.predicate
def on_the_council(user: Any, nomination: Nomination | None) -> bool:
    return nomination is not None and sits_on(user, nomination.round_id)


@rules.predicate
def of_own_agency(user: Any, nomination: Nomination | None) -> bool:
    """The nomination was made by an agency the user holds any role in: a conflict of
    interest for scoring it."""
    if nomination is None:
        return False
    return nomination.agency_id in {agency for _, agency in roles_of(user)}


@rules.predicate
def is_being_assessed(user: Any, nomination: Nomination | None) -> bool:
    return nomination is not None and nomination.status == Nomination.Status.SCREENED_IN


@rules.predicate
def is_undecided(user: Any, nomination: Nomination | None) -> bool:
    return nomination is not None and nomination.status in (
        Nomination.Status.SUBMITTED,
        Nomination.Status.SCREENED_IN,
    )


@rules.predicate
def of_nominating_agency(user: Any, nomination: Nomination | None) -> bool:
    if nomination is None:
        return False
    held = agencies_with(user, Role.OFFICER) | agencies_with(user, Role.LEADER)
    return nomination.agency_id in held


@rules.predicate
def nominated_the_model(user: Any, spot: BrightSpot | None) -> bool:
    if spot is None:
        return False
    held = agencies_with(user, Role.OFFICER) | agencies_with(user, Role.LEADER)
    return spot.nominations.filter(agency__in=held).exists()


rules.add_perm("brightspots.view_registry", is_member)
rules.add_perm("brightspots.manage_rounds", is_coordinator)
rules.add_perm("brightspots.change_rubric", is_coordinator)
rules.add_perm("brightspots.import_models", is_coordinator)
rules.add_perm("brightspots.nominate", (is_officer | is_leader) & invited_to_nominate)
rules.add_perm(
    "brightspots.view_nomination", sees_everything | of_nominating_agency | on_the_council
)
rules.add_perm("brightspots.add_evidence", of_nominating_agency & is_undecided)
rules.add_perm("brightspots.score", on_the_council & is_being_assessed & ~of_own_agency)
rules.add_perm("brightspots.change_model", is_coordinator | nominated_the_model)
rules.add_perm("brightspots.record_replication", is_coordinator | is_officer)
