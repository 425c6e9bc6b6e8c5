"""Who may do what in the events register: the rules of `cnvh.plan.permissions`
(deny by default), applied here. The receiving authority's officers handle the file,
its leaders decide; each agency asked for a view answers only its own clearance.
Published events are public (the calendar, its feed and each event's page). A clash
between two events is resolved by the authority that received either. Venues are kept
by the coordinator and the culture department; every member reads them."""

from typing import Any

import rules
from django.conf import settings
from django.db.models import Q, QuerySet

from cnvh.events.models import CALLED_OFF, PUBLIC_STATUSES, Clash, Clearance, Event, Status
from cnvh.plan.models import Agency, Role
from cnvh.plan.permissions import (
    agencies_with,
    is_agency_officer,
    is_coordinator,
    is_member,
    is_officer,
    record_keeping_agencies,
)


def _event_of(obj: Event | Clearance | None) -> Event | None:
    return obj.event if isinstance(obj, Clearance) else obj


@rules.predicate
def handles_event(user: Any, obj: Event | Clearance | None) -> bool:
    """An officer of the authority that received the file."""
    event = _event_of(obj)
    return event is not None and event.receiving_agency_id in agencies_with(user, Role.OFFICER)


@rules.predicate
def leads_receiving_agency(user: Any, obj: Event | None) -> bool:
    return obj is not None and obj.receiving_agency_id in agencies_with(user, Role.LEADER)


@rules.predicate
def waits_for_decision(user: Any, obj: Event | None) -> bool:
    return obj is not None and obj.status == Status.IN_CLEARANCE


@rules.predicate
def answers_for_agency(user: Any, obj: Clearance | None) -> bool:
    """An officer of the agency whose view the clearance asks."""
    return obj is not None and obj.agency_id in agencies_with(user, Role.OFFICER)


@rules.predicate
def clearance_open(user: Any, obj: Clearance | None) -> bool:
    return obj is not None and obj.pending and obj.event.status == Status.IN_CLEARANCE


@rules.predicate
def is_public_event(user: Any, obj: Event | None) -> bool:
    return obj is not None and obj.is_public


@rules.predicate
def handles_either_event(user: Any, obj: Clash | None) -> bool:
    """An officer of the authority that received one of the two clashing files."""
    if obj is None:
        return False
    received = {obj.event.receiving_agency_id, obj.other.receiving_agency_id}
    return bool(received & agencies_with(user, Role.OFFICER))


@rules.predicate
def clash_open(user: Any, obj: Clash | None) -> bool:
    return obj is not None and obj.is_open


@rules.predicate
def own_agencys_import(user: Any, record: Any) -> bool:
    """No import in particular, or one started by an officer of one of `user`'s own
    departments or wards."""
    if record is None:
        return True
    starter = record.created_by
    return starter is not None and bool(
        record_keeping_agencies(starter) & record_keeping_agencies(user)
    )


@rules.predicate
def in_culture_department(user: Any) -> bool:
    """An officer or leader of the department that keeps the venues with the
    coordinator (`CNVH_CULTURE_DEPARTMENT`)."""
    held = agencies_with(user, Role.OFFICER) | agencies_with(user, Role.LEADER)
    if not held:
        return False
    return Agency.objects.filter(pk__in=held, code=settings.CNVH_CULTURE_DEPARTMENT).exists()


rules.add_perm("events.view_events", is_member)
rules.add_perm("events.view_public_event", is_public_event | is_member)
rules.add_perm("events.file_event", is_officer | is_coordinator)
rules.add_perm("events.handle_event", is_coordinator | handles_event)
rules.add_perm(
    "events.decide_event", (is_coordinator | leads_receiving_agency) & waits_for_decision
)
rules.add_perm("events.answer_clearance", answers_for_agency & clearance_open)
rules.add_perm("events.view_indicators", is_member)
rules.add_perm("events.change_rules", is_coordinator)
rules.add_perm("events.resolve_clash", (is_coordinator | handles_either_event) & clash_open)
rules.add_perm("events.change_venues", is_coordinator | in_culture_department)
# An agency's workbook of files, brought in through the import pages: the coordinator's
# for any agency; an officer's of a department or ward for their own agency only (the
# import checks each row's receiving authority), and only their agency's imports.
rules.add_perm("events.import_events", is_coordinator | (is_agency_officer & own_agencys_import))


def events_visible_to(user: Any) -> QuerySet[Event]:
    """`events.view_events` asked of the database: every event for members."""
    if not is_member(user):
        return Event.objects.none()
    return Event.objects.all()


def public_events() -> QuerySet[Event]:
    """Published events, and those called off after the public was told of them."""
    return Event.objects.filter(
        Q(status__in=PUBLIC_STATUSES) | Q(status__in=CALLED_OFF, published_on__isnull=False)
    )
