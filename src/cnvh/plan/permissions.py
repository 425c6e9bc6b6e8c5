"""Who may do what: every permission of cnvh, in one place.

Deny by default: a permission not listed here is refused to everyone, and a
person with no role sees only what is published. Roles are held in an agency
(see `Membership`); the object rules below use that agency, so an officer of
one ward cannot reach another ward's reports by guessing their address.

Pages, the API and the workflow all ask `user.has_perm(name, obj)`, or `require`
it; none of them repeats a rule. Lists (the reports a person may see or review, the
tasks of their agencies, who works on a task or reviews a report) are the same rules
asked of the database, below the rules: no page, API call, file or notification
narrows reports, tasks or people by role on its own.
"""

from typing import Any

import rules
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from cnvh.plan.models import Agency, ProgressReport, Role, Task


def roles_of(user: Any) -> frozenset[tuple[str, int]]:
    """(role, agency id) pairs the user holds, read once per user object."""
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return frozenset()
    cached: frozenset[tuple[str, int]] | None = getattr(user, "_cnvh_roles", None)
    if cached is None:
        cached = frozenset(user.memberships.values_list("role", "agency_id"))
        user._cnvh_roles = cached
    return cached


def agencies_with(user: Any, role: str) -> set[int]:
    return {agency for held, agency in roles_of(user) if held == role}


def _has_role(role: str) -> Any:
    @rules.predicate(name=f"is_{role}")
    def check(user: Any) -> bool:
        return any(held == role for held, _ in roles_of(user))

    return check


is_administrator = _has_role(Role.ADMINISTRATOR)
is_coordinator = _has_role(Role.COORDINATOR)
is_leader = _has_role(Role.LEADER)
is_officer = _has_role(Role.OFFICER)
is_statistician = _has_role(Role.STATISTICIAN)


@rules.predicate
def is_member(user: Any) -> bool:
    return bool(roles_of(user))


# The agencies that keep their own records of what they receive (an events workbook).
RECORD_KEEPING_KINDS = (Agency.Kind.DEPARTMENT, Agency.Kind.WARD, Agency.Kind.COMMUNE)


def record_keeping_agencies(user: Any) -> set[int]:
    """The departments, wards and communes in which `user` is an officer."""
    held = agencies_with(user, Role.OFFICER)
    if not held:
        return set()
    found = Agency.objects.filter(pk__in=held, kind__in=RECORD_KEEPING_KINDS)
    return set(found.values_list("pk", flat=True))


@rules.predicate
def is_agency_officer(user: Any) -> bool:
    """An officer of a department, a ward or a commune."""
    return bool(record_keeping_agencies(user))


def _task_of(obj: Task | ProgressReport | None) -> Task | None:
    if isinstance(obj, ProgressReport):
        return obj.task
    return obj


def _task_agencies(task: Task) -> set[int]:
    ids: set[int] | None = getattr(task, "_cnvh_agencies", None)
    if ids is None:
        # .all(): tasks listed with their coordinating agencies prefetched need no query.
        ids = {task.lead_agency_id, *(agency.pk for agency in task.coordinating_agencies.all())}
        task._cnvh_agencies = ids  # type: ignore[attr-defined]
    return ids


@rules.predicate
def works_on_task(user: Any, obj: Task | ProgressReport | None) -> bool:
    """An officer of the task's lead or a coordinating agency."""
    task = _task_of(obj)
    if task is None:
        return False
    return bool(agencies_with(user, Role.OFFICER) & _task_agencies(task))


@rules.predicate
def leads_task(user: Any, obj: Task | ProgressReport | None) -> bool:
    """A leader of the agency that leads the task."""
    task = _task_of(obj)
    if task is None:
        return False
    return task.lead_agency_id in agencies_with(user, Role.LEADER)


@rules.predicate
def is_editable(user: Any, report: ProgressReport | None) -> bool:
    return report is not None and report.editable


@rules.predicate
def is_waiting_for_review(user: Any, report: ProgressReport | None) -> bool:
    return report is not None and report.status == ProgressReport.Status.SUBMITTED


@rules.predicate
def submitted_it(user: Any, report: ProgressReport | None) -> bool:
    """Nobody approves their own submission."""
    return report is not None and report.submitted_by_id == getattr(user, "pk", None)


@rules.predicate
def is_published(user: Any, obj: Any) -> bool:
    return obj is not None and bool(getattr(obj, "published", False))


sees_everything = is_administrator | is_coordinator | is_leader

# Plan, tasks, agencies: the plan is shared by everyone who works on it.
rules.add_perm("plan.view_plan", is_member)
# Progress by content group and overdue tasks come from approved reports only: public.
rules.add_perm("plan.view_progress", rules.always_allow)
rules.add_perm("plan.view_task", is_member)
rules.add_perm("plan.add_task", is_coordinator)
rules.add_perm("plan.change_task", is_coordinator)
rules.add_perm("plan.delete_task", is_coordinator)
rules.add_perm("plan.view_agency", is_member)
rules.add_perm("plan.change_agency", is_administrator)
rules.add_perm("plan.manage_users", is_administrator)
rules.add_perm("plan.upload_boundaries", is_administrator)

# Reports: officers only of their agency's tasks; approvers for what they oversee.
rules.add_perm("plan.view_report", sees_everything | works_on_task)
rules.add_perm("plan.add_report", works_on_task)
rules.add_perm("plan.change_report", works_on_task & is_editable)
rules.add_perm("plan.submit_report", works_on_task & is_editable)
rules.add_perm(
    "plan.review_report",
    (is_coordinator | leads_task) & is_waiting_for_review & ~submitted_it,
)
rules.add_perm("plan.view_approvals", is_coordinator | is_leader)
rules.add_perm("plan.view_my_work", is_officer)

# Indicators: published ones are public; targets are the coordinator's.
rules.add_perm("plan.view_indicator", is_published | is_member)
rules.add_perm("plan.change_indicator", is_coordinator)
rules.add_perm("plan.view_unpublished", is_member)

# Imports from files: agencies are the administrator's, who changes them; tasks the
# coordinator's, who edits them; indicator values from statistical tables the
# statistician's, who brings in the statistics, and the coordinator's, who keeps the
# indicators.
rules.add_perm("plan.import_agencies", is_administrator)
rules.add_perm("plan.import_tasks", is_coordinator)
rules.add_perm("plan.import_indicator_values", is_statistician | is_coordinator)

# Estimates: the statistician loads, runs and publishes them.
rules.add_perm("estimates.run_estimate", is_statistician)
rules.add_perm("estimates.publish_estimate", is_statistician)

# The import pages: those who may import some kind (each kind names its permission;
# an agency's officers, their agency's own workbooks); the engine's inputs (business
# data, totals, scopes, crosswalks) are the statistician's.
rules.add_perm(
    "exchange.import_data",
    is_statistician | is_coordinator | is_administrator | is_agency_officer,
)
rules.add_perm("exchange.import_engine_inputs", is_statistician)

# The plan's periodic report (page, XLSX, PDF): everyone who works on the plan.
rules.add_perm("plan.export_report", is_member)

# The API: members make and revoke their own tokens; a token acts with its owner's roles.
rules.add_perm("api.manage_own_tokens", is_member)


def rules_decide_alone() -> None:
    """Make every permission these rules define theirs alone. Django's User.has_perm
    answers yes to an active superuser before asking any rule, and its model backend
    grants single permissions whose names some rules share (plan.change_task): either
    would let a flag set in the database, or a permission granted in the admin, approve
    reports or edit submitted ones. Other permissions (the admin site's, on its
    tables) are still Django's."""
    from django.contrib.auth.models import User

    django_has_perm = User.has_perm

    def has_perm(user: Any, perm: str, obj: Any = None) -> bool:
        if rules.perm_exists(perm):
            return bool(rules.has_perm(perm, user, obj))
        return bool(django_has_perm(user, perm, obj))

    User.has_perm = has_perm  # type: ignore[method-assign, assignment]


def require(user: Any, permission: str, obj: object = None) -> None:
    """PermissionDenied unless the rules above allow it: the one check of every page,
    API call and workflow step (the API answers it with its JSON 403)."""
    if not user.has_perm(permission, obj):
        raise PermissionDenied(permission)


# Lists: the rules above asked of the database, for the pages, the API, the files and
# the notifications. tests/plan/test_permission_lists.py checks each against the rule
# applied item by item. A superuser flag counts for nothing here (`rules_decide_alone`):
# a superuser sees and reviews what their roles allow.


def tasks_of_agencies(user: Any) -> QuerySet[Task]:
    """The tasks the user's agencies (as officer) lead or help with: `works_on_task`,
    so those `plan.add_report` allows."""
    agencies = agencies_with(user, Role.OFFICER)
    return Task.objects.filter(
        Q(lead_agency__in=agencies) | Q(coordinating_agencies__in=agencies)
    ).distinct()


def makes_reports_on(user: Any, task: Task) -> bool:
    """Whether the user is an officer of the task's lead agency: the lead agency makes
    the report (the others that work on the task may edit it)."""
    return task.lead_agency_id in agencies_with(user, Role.OFFICER)


def reports_visible_to(user: Any) -> QuerySet[ProgressReport]:
    """The reports `plan.view_report` allows the user."""
    reports = ProgressReport.objects.all()
    if sees_everything(user):
        return reports
    return reports.filter(task__in=tasks_of_agencies(user).values("pk"))


def reports_to_review(user: Any) -> QuerySet[ProgressReport]:
    """The waiting reports `plan.review_report` allows the user: of every task for a
    coordinator, of the tasks their agencies lead for a leader; never their own."""
    waiting = ProgressReport.objects.filter(status=ProgressReport.Status.SUBMITTED)
    if not is_coordinator(user):
        waiting = waiting.filter(task__lead_agency__in=agencies_with(user, Role.LEADER))
    return waiting.exclude(submitted_by=getattr(user, "pk", None) or 0)


def people_holding(role: str, agencies: set[int] | None = None) -> QuerySet[Any]:
    """Active holders of `role` (in one of `agencies`): one filter, so that the role
    and the agency are those of the same membership."""
    held = {"memberships__role": role}
    if agencies is not None:
        held["memberships__agency_id__in"] = agencies  # type: ignore[assignment]
    return get_user_model().objects.filter(is_active=True, **held)


def reporters_of(task: Task) -> list[Any]:
    """The officers of the task's lead agency (`makes_reports_on`): told of reports due."""
    return list(people_holding(Role.OFFICER, {task.lead_agency_id}).distinct())


def workers_of(task: Task) -> list[Any]:
    """The people `plan.add_report` allows on the task: officers of its lead and
    coordinating agencies."""
    return list(people_holding(Role.OFFICER, _task_agencies(task)).distinct())


def reviewers_of(report: ProgressReport) -> list[Any]:
    """The people `plan.review_report` allows on the report: while it waits, the
    coordinators and the leaders of the task's lead agency, but not who submitted it."""
    if report.status != ProgressReport.Status.SUBMITTED:
        return []
    people = people_holding(Role.COORDINATOR) | people_holding(
        Role.LEADER, {report.task.lead_agency_id}
    )
    return list(people.exclude(pk=report.submitted_by_id).distinct())
