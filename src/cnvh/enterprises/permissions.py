"""Who may see and change the enterprise register and the support cases: the rules of
`cnvh.plan.permissions` (deny by default), applied here.

Members read the register and each case's status as the enterprise sees it. A case's
inside (reviews, scores, internal notes) belongs to those who handle it: the officers
and leaders of the programme's owner agency, and the coordinators. Officers receive,
assess, disburse and follow reports; a leader of the owner agency (or a coordinator)
decides. A personal number (household businesses, individuals) is shown only to the
coordinators, who keep the register.

A department officer manages the programmes of their own agency, and the investment
projects their agency follows (its managing agency): records, capital, milestones, and
the steps under way → operating / stalled. Approving and cancelling a project is for a
leader of the managing agency or a coordinator.
"""

from typing import Any

import rules

from cnvh.enterprises.models import (
    CaseStage,
    InvestmentProject,
    Programme,
    ProjectStatus,
    SupportCase,
)
from cnvh.plan.models import Role
from cnvh.plan.permissions import agencies_with, is_coordinator, is_member, is_officer

Owned = Programme | SupportCase | InvestmentProject | None


def _owner(obj: Owned) -> int | None:
    if isinstance(obj, InvestmentProject):
        return obj.managing_agency_id
    if isinstance(obj, SupportCase):
        return obj.programme.owner_id
    if isinstance(obj, Programme):
        return obj.owner_id
    return None


@rules.predicate
def officer_of_owner(user: Any, obj: Owned) -> bool:
    owner = _owner(obj)
    return owner is not None and owner in agencies_with(user, Role.OFFICER)


@rules.predicate
def leader_of_owner(user: Any, obj: Owned) -> bool:
    owner = _owner(obj)
    return owner is not None and owner in agencies_with(user, Role.LEADER)


def _at(*stages: str) -> Any:
    @rules.predicate(name=f"case_at_{'_'.join(stages)}")
    def check(user: Any, case: SupportCase | None) -> bool:
        return isinstance(case, SupportCase) and case.stage in stages

    return check


@rules.predicate
def programme_open(user: Any, programme: Programme | None) -> bool:
    return isinstance(programme, Programme) and programme.is_open


def _project_at(*states: str) -> Any:
    @rules.predicate(name=f"project_at_{'_'.join(states)}")
    def check(user: Any, project: InvestmentProject | None) -> bool:
        return isinstance(project, InvestmentProject) and project.status in states

    return check


handles_case = is_coordinator | officer_of_owner | leader_of_owner

rules.add_perm("enterprises.view_register", is_member)
rules.add_perm("enterprises.view_personal_number", is_coordinator)
rules.add_perm("enterprises.change_enterprise", is_coordinator)
rules.add_perm("enterprises.import_enterprises", is_coordinator)
rules.add_perm("enterprises.add_programme", is_coordinator | is_officer)
rules.add_perm("enterprises.change_programme", is_coordinator | officer_of_owner)
rules.add_perm("enterprises.view_indicators", is_member)
rules.add_perm("enterprises.view_case_internal", handles_case)
rules.add_perm("enterprises.add_case", (is_coordinator | officer_of_owner) & programme_open)
rules.add_perm(
    "enterprises.assess_case", handles_case & _at(CaseStage.RECEIVED, CaseStage.ASSESSMENT)
)
rules.add_perm(
    "enterprises.decide_case", (is_coordinator | leader_of_owner) & _at(CaseStage.ASSESSMENT)
)
rules.add_perm(
    "enterprises.follow_case",
    (is_coordinator | officer_of_owner) & _at(CaseStage.APPROVED, CaseStage.REPORTED),
)
rules.add_perm("enterprises.change_outcomes", is_coordinator)

# Investment projects: members read them; the managing agency's officers keep them.
OPEN_PROJECT = _project_at(
    ProjectStatus.PROPOSED,
    ProjectStatus.APPROVED,
    ProjectStatus.UNDER_WAY,
    ProjectStatus.OPERATING,
    ProjectStatus.STALLED,
)
rules.add_perm("enterprises.view_projects", is_member)
rules.add_perm("enterprises.add_project", is_coordinator | is_officer)
# A workbook may name projects of any agency, and approves those it gives a decision.
rules.add_perm("enterprises.import_projects", is_coordinator)
rules.add_perm("enterprises.change_project", (is_coordinator | officer_of_owner) & OPEN_PROJECT)
rules.add_perm(
    "enterprises.advance_project",
    (is_coordinator | officer_of_owner)
    & _project_at(ProjectStatus.APPROVED, ProjectStatus.UNDER_WAY, ProjectStatus.STALLED),
)
rules.add_perm(
    "enterprises.decide_project",
    (is_coordinator | leader_of_owner)
    & _project_at(
        ProjectStatus.PROPOSED,
        ProjectStatus.APPROVED,
        ProjectStatus.UNDER_WAY,
        ProjectStatus.STALLED,
    ),
)
