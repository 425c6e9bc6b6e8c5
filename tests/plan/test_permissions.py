"""Every role against every permission on every kind of object, allowed and refused.

The table below is the specification: for each permission and object, the
people who may. Everyone not listed must be refused. A permission added to
`cnvh.plan.permissions` without a row here fails `test_every_permission_is_specified`.
"""

from typing import Any

import pytest
import rules

from cnvh.plan.models import Indicator, Membership, ProgressReport, Role, Task
from tests import factories
from tests.events import make as events

pytestmark = pytest.mark.django_db

MEMBERS = {
    "administrator",
    "coordinator",
    "leader_of_lead",
    "leader_elsewhere",
    "officer_of_lead",
    "officer_of_coordinating",
    "officer_elsewhere",
    "statistician",
}
EVERYONE = MEMBERS | {"anonymous", "no_role"}
WORKERS = {"officer_of_lead", "officer_of_coordinating"}
OVERSEERS = {"administrator", "coordinator", "leader_of_lead", "leader_elsewhere"}

# permission, object, who may
MATRIX: list[tuple[str, str, set[str]]] = [
    ("plan.view_plan", "none", MEMBERS),
    ("plan.view_progress", "none", EVERYONE),
    ("plan.view_task", "task", MEMBERS),
    ("plan.add_task", "none", {"coordinator"}),
    ("plan.change_task", "task", {"coordinator"}),
    ("plan.delete_task", "task", {"coordinator"}),
    ("plan.view_agency", "agency", MEMBERS),
    ("plan.change_agency", "agency", {"administrator"}),
    ("plan.manage_users", "none", {"administrator"}),
    ("plan.upload_boundaries", "none", {"administrator"}),
    ("plan.add_report", "task", WORKERS),
    ("plan.view_approvals", "none", {"coordinator", "leader_of_lead", "leader_elsewhere"}),
    ("plan.view_my_work", "none", WORKERS | {"officer_elsewhere"}),
    ("plan.view_indicator", "published_indicator", EVERYONE),
    ("plan.view_indicator", "unpublished_indicator", MEMBERS),
    ("plan.change_indicator", "published_indicator", {"coordinator"}),
    ("plan.view_unpublished", "none", MEMBERS),
    ("plan.import_agencies", "none", {"administrator"}),
    ("plan.import_tasks", "none", {"coordinator"}),
    ("plan.import_indicator_values", "none", {"statistician", "coordinator"}),
    ("estimates.run_estimate", "none", {"statistician"}),
    ("estimates.publish_estimate", "none", {"statistician"}),
    ("exchange.import_data", "none", {"statistician", "coordinator", "administrator"}),
    ("exchange.import_engine_inputs", "none", {"statistician"}),
    ("plan.export_report", "none", MEMBERS),
    ("api.manage_own_tokens", "none", MEMBERS),
    # Cultural events: the lead agency received the files; the venue lies in the
    # coordinating agency's ward, whose view each needs.
    ("events.view_events", "none", MEMBERS),
    ("events.view_public_event", "published_event", EVERYONE),
    ("events.view_public_event", "filed_event", MEMBERS),
    ("events.file_event", "none", WORKERS | {"officer_elsewhere", "coordinator"}),
    ("events.handle_event", "filed_event", {"coordinator", "officer_of_lead"}),
    ("events.decide_event", "clearing_event", {"coordinator", "leader_of_lead"}),
    ("events.decide_event", "filed_event", set()),
    ("events.answer_clearance", "pending_clearance", {"officer_of_coordinating"}),
    ("events.view_indicators", "none", MEMBERS),
    ("events.change_rules", "none", {"coordinator"}),
]
for state in ProgressReport.Status.values:
    editable = state in {"draft", "returned"}
    MATRIX += [
        ("plan.view_report", f"{state}_report", OVERSEERS | WORKERS),
        ("plan.change_report", f"{state}_report", WORKERS if editable else set()),
        ("plan.submit_report", f"{state}_report", WORKERS if editable else set()),
        (
            "plan.review_report",
            f"{state}_report",
            {"coordinator", "leader_of_lead"} if state == "submitted" else set(),
        ),
    ]


@pytest.fixture
def world() -> dict[str, Any]:
    lead, coordinating, elsewhere, city = (factories.agency() for _ in range(4))
    people: dict[str, Any] = factories.everyone_around(lead, coordinating, elsewhere, city)
    task = factories.task(lead=lead, coordinating=(coordinating,))
    period = factories.quarter()
    objects: dict[str, Any] = {"none": None, "task": task, "agency": lead}
    for number, state in enumerate(ProgressReport.Status.values, start=1):
        other = factories.task(lead=lead, coordinating=(coordinating,), in_group=task.group)
        objects[f"{state}_report"] = factories.report(
            other if number > 1 else task,
            period,
            people["officer_of_lead"],
            status=state,
            submitted_by=people["officer_of_lead"] if state != "draft" else None,
        )
    objects["published_indicator"] = factories.indicator("published", published=True)
    objects["unpublished_indicator"] = factories.indicator("unpublished", published=False)
    objects.update(events.around(lead, coordinating, people))
    return {"people": people, "objects": objects}


def test_every_permission_is_specified() -> None:
    registered = set(rules.permissions.permissions.keys())
    assert registered == {permission for permission, _, _ in MATRIX}


@pytest.mark.parametrize(
    ("permission", "target", "allowed"),
    MATRIX,
    ids=[f"{permission}:{target}" for permission, target, _ in MATRIX],
)
def test_matrix(world: dict[str, Any], permission: str, target: str, allowed: set[str]) -> None:
    obj = world["objects"][target]
    granted = {name for name, person in world["people"].items() if person.has_perm(permission, obj)}
    assert granted == allowed


def test_nobody_reviews_their_own_submission(world: dict[str, Any]) -> None:
    report: ProgressReport = world["objects"]["submitted_report"]
    task: Task = report.task
    # An officer who is also the lead agency's leader submitted it.
    both = factories.user(Role.OFFICER, task.lead_agency)
    Membership.objects.create(user=both, agency=task.lead_agency, role=Role.LEADER)
    report.submitted_by = both
    report.save()
    assert not both.has_perm("plan.review_report", report)
    leader = world["people"]["leader_of_lead"]
    assert leader.has_perm("plan.review_report", report)


def test_inactive_people_hold_no_role(world: dict[str, Any]) -> None:
    coordinator = world["people"]["coordinator"]
    coordinator.is_active = False
    coordinator.save()
    indicator: Indicator = world["objects"]["unpublished_indicator"]
    assert not coordinator.has_perm("plan.view_indicator", indicator)
    assert not coordinator.has_perm("plan.view_approvals")


def test_a_superuser_flag_gives_no_rule(world: dict[str, Any]) -> None:
    """Set in the database behind the pages' back, with every model permission too: the
    rules still decide, and this person is nobody in them."""
    from django.contrib.auth.models import Permission

    person = world["people"]["no_role"]
    person.is_superuser = True
    person.is_staff = True
    person.save()
    person.user_permissions.set(Permission.objects.all())
    person = type(person).objects.get(pk=person.pk)
    for permission, target, allowed in MATRIX:
        granted = person.has_perm(permission, world["objects"][target])
        assert granted == ("no_role" in allowed), (permission, target)
    # The admin site's own permissions are still Django's.
    assert person.has_perm("auth.change_user")


def test_the_user_admin_grants_no_superuser_group_or_permission(
    world: dict[str, Any], client: Any
) -> None:
    from django.contrib.auth.models import Group, Permission

    administrator = world["people"]["administrator"]
    administrator.is_staff = True
    administrator.save()
    administrator.user_permissions.set(
        Permission.objects.filter(content_type__app_label="auth", codename__endswith="_user")
    )
    client.force_login(administrator)
    url = f"/admin/auth/user/{administrator.pk}/change/"
    form = client.get(url).context["adminform"].form
    assert {"is_superuser", "groups", "user_permissions"}.isdisjoint(form.fields)
    group = Group.objects.create(name="everything")
    group.permissions.set(Permission.objects.all())
    client.post(
        url,
        {
            "username": administrator.username,
            "is_active": "on",
            "is_staff": "on",
            "is_superuser": "on",
            "groups": [group.pk],
            "user_permissions": list(Permission.objects.values_list("pk", flat=True)),
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )
    administrator.refresh_from_db()
    assert not administrator.is_superuser
    assert not administrator.groups.exists()
    assert administrator.user_permissions.count() == 4
