"""Who may do what in the UNESCO registry, with the roles of `cnvh.plan.permissions`
(deny by default). The coordinator keeps the commitments and writes the Membership
Monitoring Report; a coordinator who did not submit it, or a leader, reviews it.
An officer records the training, cooperation and dissemination activities their own
agency organised (a ward officer their ward's sessions), and sees only those."""

from typing import Any

import rules
from django.db.models import QuerySet

from cnvh.plan.models import Role
from cnvh.plan.permissions import (
    agencies_with,
    is_administrator,
    is_agency_officer,
    is_coordinator,
    is_leader,
    is_member,
    is_officer,
    sees_everything,
)
from cnvh.unesco.models import MonitoringReport, Outreach


@rules.predicate
def organises(user: Any, outreach: Outreach | None) -> bool:
    """An officer of the agency that organised the activity."""
    return outreach is not None and outreach.organiser_id in agencies_with(user, Role.OFFICER)


@rules.predicate
def colleagues_import(user: Any, record: Any) -> bool:
    """No import in particular, or one started by an officer of an agency where `user`
    is an officer too."""
    if record is None:
        return True
    starter = record.created_by
    return starter is not None and bool(
        agencies_with(starter, Role.OFFICER) & agencies_with(user, Role.OFFICER)
    )


@rules.predicate
def report_editable(user: Any, report: MonitoringReport | None) -> bool:
    return report is not None and report.editable


@rules.predicate
def report_waiting(user: Any, report: MonitoringReport | None) -> bool:
    return report is not None and report.status == MonitoringReport.Status.SUBMITTED


@rules.predicate
def submitted_report(user: Any, report: MonitoringReport | None) -> bool:
    """Nobody approves their own submission."""
    return report is not None and report.submitted_by_id == getattr(user, "pk", None)


# Commitments, their activities and the Network's life: read by the plan's members.
rules.add_perm("unesco.view_commitments", is_member)
rules.add_perm("unesco.change_commitments", is_coordinator)

# The report: the coordinator writes; the coordinators, leaders and administrators read.
rules.add_perm("unesco.view_reports", is_coordinator | is_leader | is_administrator)
rules.add_perm("unesco.start_report", is_coordinator)
rules.add_perm("unesco.change_report", is_coordinator & report_editable)
rules.add_perm("unesco.submit_report", is_coordinator & report_editable)
rules.add_perm(
    "unesco.review_report",
    (is_coordinator | is_leader) & report_waiting & ~submitted_report,
)
rules.add_perm("unesco.change_sections", is_coordinator)

# Training, cooperation and dissemination: each officer their own agency's.
rules.add_perm("unesco.view_outreach", sees_everything | is_officer)
rules.add_perm("unesco.add_outreach", is_coordinator | is_officer)
rules.add_perm("unesco.change_outreach", is_coordinator | organises)
# The coordinator's file may hold any agency's activities (the wards' sessions gathered
# by the city); an officer's only their own agency's (OutreachKind.check_importer).
rules.add_perm("unesco.import_outreach", is_coordinator | (is_agency_officer & colleagues_import))


def outreach_visible_to(user: Any) -> QuerySet[Outreach]:
    """The activities `unesco.change_outreach` or the overseers' view allows the user:
    all for those who see everything, their agencies' for an officer."""
    activities = Outreach.objects.select_related("organiser", "task")
    if sees_everything(user):
        return activities
    return activities.filter(organiser__in=agencies_with(user, Role.OFFICER))


def organisers_for(user: Any) -> set[int] | None:
    """The agencies whose activities the user may record; None: any agency."""
    if is_coordinator(user):
        return None
    return agencies_with(user, Role.OFFICER)
