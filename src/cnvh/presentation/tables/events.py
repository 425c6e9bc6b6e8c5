"""The events register's lists as tables for download, beside the other pages' tables:
the working list (the events a member sees, as filtered, with the file's facts) and the
public calendar (published events only, with what their public page shows: never an
organiser who is a person, nor a tax code)."""

from collections import Counter
from collections.abc import Callable

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from cnvh.events.models import Clash, Event, sector_choices
from cnvh.presentation.tables.table import DATE, WHOLE, Column, Table


def _hours(event: Event) -> str:
    if event.starts_at and event.ends_at:
        return f"{event.starts_at:%H:%M}–{event.ends_at:%H:%M}"
    return ""


def _open_clashes() -> Counter[int]:
    counts: Counter[int] = Counter()
    for first, second in Clash.objects.filter(resolved_on__isnull=True).values_list(
        "event_id", "other_id"
    ):
        counts[first] += 1
        counts[second] += 1
    return counts


def working_columns() -> list[Column]:
    return [
        Column(_("Number"), width=8),
        Column(_("Title (Vietnamese)"), width=40),
        Column(_("Title (English)"), width=40),
        Column(_("Kind"), width=16),
        Column(_("Sectors"), width=24),
        Column(_("Status"), width=16),
        Column(_("First day"), DATE, 12),
        Column(_("Last day"), DATE, 12),
        Column(_("Daily hours"), width=12),
        Column(_("Venue"), width=30),
        Column(_("Ward or commune"), width=24),
        Column(_("City-wide"), width=8),
        Column(_("Organiser"), width=30),
        Column(_("Enterprise tax code"), width=14),
        Column(_("Expected attendance"), WHOLE, 12),
        Column(_("Actual attendance"), WHOLE, 12),
        Column(_("Budget (VND)"), WHOLE, 16),
        Column(_("Receiving authority"), width=28),
        Column(_("Procedure"), width=24),
        Column(_("Filing date"), DATE, 12),
        Column(_("Filed late"), width=8),
        Column(_("Decision due"), DATE, 12),
        Column(_("Decision number"), width=16),
        Column(_("Decision date"), DATE, 12),
        Column(_("Open clashes"), WHOLE, 8),
    ]


def working_table(events: QuerySet[Event], address: str) -> Table:
    """`events` (those the member may see, as the list filters them) with their files."""
    clashes = _open_clashes()
    sectors = dict(sector_choices())
    rows = [
        [
            event.pk,
            event.title_vi,
            event.title_en,
            event.get_kind_display(),
            "; ".join(str(sectors.get(key, key)) for key in event.sectors or []),
            event.get_status_display(),
            event.starts_on,
            event.ends_on,
            _hours(event),
            event.venue.name,
            event.venue.ward.name,
            _("yes") if event.city_wide else "",
            event.organiser,
            event.organiser_tax_code,
            event.expected_attendance,
            event.actual_attendance,
            event.budget,
            event.receiving_agency.name,
            event.procedure.code,
            event.filed_on,
            _("yes") if event.late_filing else "",
            event.decision_due,
            event.decision_number,
            event.decided_on,
            clashes[event.pk],
        ]
        for event in events.select_related(
            "venue__ward", "receiving_agency", "procedure", "organiser_agency"
        ).order_by("starts_on", "pk")
    ]
    return Table(
        name="cnvh-events",
        title=_("Cultural events: files, decisions and clashes, as filtered on the events page"),
        columns=working_columns(),
        rows=rows,
        source=_("The events register of cnvh: files recorded by the receiving authorities."),
        address=address,
    )


def calendar_columns() -> list[Column]:
    return [
        Column(_("Title (Vietnamese)"), width=40),
        Column(_("Title (English)"), width=40),
        Column(_("Kind"), width=16),
        Column(_("First day"), DATE, 12),
        Column(_("Last day"), DATE, 12),
        Column(_("First day in the lunar calendar"), width=30),
        Column(_("Daily hours"), width=12),
        Column(_("Held every year"), width=8),
        Column(_("Venue"), width=30),
        Column(_("Address"), width=30),
        Column(_("Ward or commune"), width=24),
        Column(_("Organiser"), width=30),
        Column(_("Description (Vietnamese)"), width=50),
        Column(_("Description (English)"), width=50),
        Column(_("Page"), width=40),
    ]


def calendar_table(events: QuerySet[Event], url_of: Callable[[Event], str], address: str) -> Table:
    """Published events only (the caller's query), as the public calendar shows them."""
    rows = [
        [
            event.title_vi,
            event.title_en,
            event.get_kind_display(),
            event.starts_on,
            event.ends_on,
            event.lunar_start_shown,
            _hours(event),
            _("yes") if event.recurs_yearly else "",
            event.venue.name,
            event.venue.address,
            event.venue.ward.name,
            # A person who organises is named only to the officers.
            event.organiser if event.organiser_kind != Event.OrganiserKind.PERSON else "",
            event.description_vi,
            event.description_en,
            url_of(event),
        ]
        for event in events.select_related("venue__ward", "organiser_agency")
    ]
    return Table(
        name="cnvh-calendar",
        title=_("Calendar of cultural events published by the authorities"),
        columns=calendar_columns(),
        rows=rows,
        source=_("The public calendar of cnvh: events approved and published."),
        address=address,
    )
