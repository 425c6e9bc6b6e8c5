"""The UNESCO registry's tables as CSV or XLSX files: the commitments, their
activities, and the training, cooperation and dissemination activities with their
participants by sex. Amounts in VND at full precision; an officer's file holds only
what their page shows (their own agency's activities)."""

from collections.abc import Iterable

from django.utils import timezone
from django.utils.translation import gettext as _

from cnvh.presentation.tables.table import DATE, WHOLE, Column, Table
from cnvh.unesco.models import Commitment, CommitmentActivity, Outreach, Participants


def _name(what: str) -> str:
    return f"unesco-{what}-{timezone.localdate():%Y%m%d}"


def commitment_table(commitments: Iterable[Commitment], address: str) -> Table:
    """`commitments` annotated with `spent` (their activities' budget spent)."""
    return Table(
        name=_name("commitments"),
        title=_("UNESCO City of Design: Hanoi's commitments"),
        columns=[
            Column(_("Code"), width=12),
            Column(_("Commitment (Vietnamese)"), width=40),
            Column(_("Commitment (English)"), width=40),
            Column(_("Local or international"), width=14),
            Column(_("Committed in"), width=24),
            Column(_("Lead agency"), width=30),
            Column(_("Partners"), width=30),
            Column(_("Plan tasks"), width=14),
            Column(_("First year"), width=8),
            Column(_("Last year"), width=8),
            Column(_("Planned budget (VND)"), WHOLE, 18),
            Column(_("Budget spent on its activities (VND)"), WHOLE, 18),
            Column(_("Activities"), WHOLE, 10),
        ],
        rows=[
            [
                c.code,
                c.title_vi,
                c.title_en,
                c.get_scope_display(),
                c.source,
                c.lead_agency.name,
                c.partners,
                "; ".join(task.code for task in c.tasks.all()),
                c.first_year,
                c.last_year,
                c.budget,
                getattr(c, "spent", None) or 0,
                len(c.activities.all()),
            ]
            for c in commitments
        ],
        source=_("The UNESCO commitments recorded in cnvh, with their activities."),
        address=address,
    )


def activity_table(activities: Iterable[CommitmentActivity], address: str) -> Table:
    return Table(
        name=_name("commitment-activities"),
        title=_("UNESCO City of Design: activities of the commitments"),
        columns=[
            Column(_("Id"), width=6),
            Column(_("Commitment"), width=12),
            Column(_("Activity (Vietnamese)"), width=40),
            Column(_("Activity (English)"), width=40),
            Column(_("Starts on"), DATE, 12),
            Column(_("Ends on"), DATE, 12),
            Column(_("Partner cities"), width=24),
            Column(_("Partner countries"), width=24),
            Column(_("SDG targets"), width=12),
            Column(_("Budget spent (VND)"), WHOLE, 18),
            Column(_("Outputs"), width=48),
        ],
        rows=[
            [
                a.pk,
                a.commitment.code,
                a.title_vi,
                a.title_en,
                a.starts_on,
                a.ends_on,
                a.partner_cities,
                a.partner_countries,
                a.sdg_targets,
                a.budget_spent,
                a.outputs,
            ]
            for a in activities
        ],
        source=_("The UNESCO commitments recorded in cnvh, with their activities."),
        address=address,
    )


ROLES = Participants.Role


def outreach_columns() -> list[Column]:
    columns = [
        Column(_("Id"), width=6),
        Column(_("Kind"), width=16),
        Column(_("Title (Vietnamese)"), width=40),
        Column(_("Title (English)"), width=40),
        Column(_("Organiser"), width=30),
        Column(_("Level"), width=14),
        Column(_("Partner country"), width=16),
        Column(_("Partner city"), width=16),
        Column(_("Sector"), width=16),
        Column(_("Starts on"), DATE, 12),
        Column(_("Ends on"), DATE, 12),
        Column(_("Budget (VND)"), WHOLE, 18),
        Column(_("Plan task"), width=10),
    ]
    for role in ROLES:
        columns += [
            Column(_("%(role)s: women") % {"role": role.label}, WHOLE, 10),
            Column(_("%(role)s: men") % {"role": role.label}, WHOLE, 10),
        ]
    columns += [
        Column(_("Participants: women"), WHOLE, 10),
        Column(_("Participants: men"), WHOLE, 10),
        Column(_("Participants: total"), WHOLE, 10),
        Column(_("Reach (people)"), WHOLE, 10),
        Column(_("Outputs"), width=48),
    ]
    return columns


def _outreach_row(activity: Outreach) -> list[object]:
    by_role = {p.role: p for p in activity.participants.all()}
    row: list[object] = [
        activity.pk,
        activity.get_kind_display(),
        activity.title_vi,
        activity.title_en,
        activity.organiser.name,
        activity.level,
        activity.partner_country,
        activity.partner_city,
        activity.sector,
        activity.starts_on,
        activity.ends_on,
        activity.budget,
        activity.task.code if activity.task else "",
    ]
    for role in ROLES:
        found = by_role.get(role.value)
        row += [found.women if found else 0, found.men if found else 0]
    women = sum(p.women for p in by_role.values())
    men = sum(p.men for p in by_role.values())
    return [*row, women, men, women + men, activity.reach, activity.outputs]


def outreach_table(activities: Iterable[Outreach], address: str) -> Table:
    return Table(
        name=_name("outreach"),
        title=_("Training, cooperation and dissemination activities"),
        columns=outreach_columns(),
        rows=[_outreach_row(activity) for activity in activities],
        source=_(
            "The training, cooperation and dissemination activities recorded in cnvh, with"
            " their participants by role and sex."
        ),
        address=address,
    )
