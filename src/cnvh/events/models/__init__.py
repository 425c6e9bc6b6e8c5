"""The cultural events register: places, events, the clearances the agencies give and
the clashes between events."""

from cnvh.events.models.clashes import Clash, ClashRule
from cnvh.events.models.clearances import Clearance, ClearanceRule, Transition
from cnvh.events.models.notices import ClearanceNotice
from cnvh.events.models.register import (
    CALLED_OFF,
    GOING_AHEAD,
    HELD_STATUSES,
    KIND_CHOICES,
    PUBLIC_STATUSES,
    SECTOR_SCOPE,
    Event,
    Status,
    Venue,
    searchable,
    sector_choices,
)

__all__ = [
    "CALLED_OFF",
    "GOING_AHEAD",
    "HELD_STATUSES",
    "KIND_CHOICES",
    "PUBLIC_STATUSES",
    "SECTOR_SCOPE",
    "Clash",
    "ClashRule",
    "Clearance",
    "ClearanceNotice",
    "ClearanceRule",
    "Event",
    "Status",
    "Transition",
    "Venue",
    "searchable",
    "sector_choices",
]
