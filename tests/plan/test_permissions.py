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
from tests.security import world_brightspots

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
OFFICERS = WORKERS | {"officer_elsewhere"}
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
    # The import pages: officers (of departments here) import their agency's workbooks.
    ("exchange.import_data", "none", {"statistician", "coordinator", "administrator"} | OFFICERS),
    ("exchange.import_engine_inputs", "none", {"statistician"}),
    ("plan.export_report", "none", MEMBERS),
    ("api.manage_own_tokens", "none", MEMBERS),
    ("procedures.view_procedures", "none", MEMBERS),
    ("procedures.change_procedures", "none", {"coordinator"}),
    # The crafts registry: its records belong to the lead agency (as a ward).
    ("crafts.view_crafts", "none", MEMBERS),
    ("crafts.add_record", "none", {"coordinator"}),
    ("crafts.change_record", "craft_village", {"coordinator", "officer_of_lead"}),
    ("crafts.change_record", "craft_product", {"coordinator", "officer_of_lead"}),
    ("crafts.change_record", "none", {"coordinator"}),
    ("crafts.change_rules", "none", {"coordinator"}),
    ("crafts.propose_rating", "craft_product", {"coordinator", "officer_of_lead"}),
    ("crafts.add_trace_event", "craft_product", {"coordinator", "officer_of_lead"}),
    ("crafts.score_rating", "proposed_rating", {"coordinator"}),
    ("crafts.score_rating", "scored_rating", set()),
    ("crafts.decide_rating", "proposed_rating", set()),
    ("crafts.decide_rating", "scored_rating", {"leader_of_lead", "leader_elsewhere"}),
    # Models and bright spots (tests/security/world_brightspots.py): the lead agency's
    # nomination, admitted; its leader sits on the council but may not score it.
    ("brightspots.view_registry", "none", MEMBERS),
    ("brightspots.manage_rounds", "none", {"coordinator"}),
    ("brightspots.change_rubric", "none", {"coordinator"}),
    ("brightspots.import_models", "none", {"coordinator"}),
    ("brightspots.nominate", "bs_round", OFFICERS | {"leader_of_lead", "leader_elsewhere"}),
    ("brightspots.nominate", "none", set()),
    ("brightspots.view_nomination", "bs_nomination", OVERSEERS | {"officer_of_lead"}),
    ("brightspots.add_evidence", "bs_nomination", {"officer_of_lead", "leader_of_lead"}),
    ("brightspots.score", "bs_nomination", {"leader_elsewhere"}),
    ("brightspots.change_model", "bs_model", {"coordinator", "officer_of_lead", "leader_of_lead"}),
    ("brightspots.record_replication", "none", OFFICERS | {"coordinator"}),
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
    # The clash between the filed and the published event (same venue, same day): the
    # receiving agency's officers resolve it; the culture department (a setting, not one
    # of these agencies) keeps the venues with the coordinator.
    ("events.resolve_clash", "open_clash", {"coordinator", "officer_of_lead"}),
    ("events.resolve_clash", "resolved_clash", set()),
    ("events.change_venues", "none", {"coordinator"}),
    # An officer of a department or ward imports their own agency's files, and follows
    # only their agency's imports (this one the lead agency's officer started).
    ("events.import_events", "none", {"coordinator"} | OFFICERS),
    ("events.import_events", "events_import", {"coordinator", "officer_of_lead"}),
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

# The UNESCO registry: its own outreach activities to each officer; the monitoring
# report is the coordinator's, reviewed by whoever did not submit it.
UNESCO_READERS = {"administrator", "coordinator", "leader_of_lead", "leader_elsewhere"}
OFFICERS = WORKERS | {"officer_elsewhere"}
MATRIX += [
    ("unesco.view_commitments", "none", MEMBERS),
    ("unesco.change_commitments", "none", {"coordinator"}),
    ("unesco.view_reports", "none", UNESCO_READERS),
    ("unesco.start_report", "none", {"coordinator"}),
    ("unesco.change_sections", "none", {"coordinator"}),
    ("unesco.view_outreach", "none", OVERSEERS | OFFICERS),
    ("unesco.add_outreach", "none", {"coordinator"} | OFFICERS),
    ("unesco.change_outreach", "unesco_outreach", {"coordinator", "officer_of_lead"}),
    # An officer imports their own agency's activities, and follows only imports
    # started by an officer of an agency of theirs (this one the lead agency's officer).
    ("unesco.import_outreach", "none", {"coordinator"} | OFFICERS),
    ("unesco.import_outreach", "events_import", {"coordinator", "officer_of_lead"}),
]
for state in ("draft", "submitted", "returned", "approved"):
    editable = state in {"draft", "returned"}
    MATRIX += [
        ("unesco.change_report", f"unesco_{state}", {"coordinator"} if editable else set()),
        ("unesco.submit_report", f"unesco_{state}", {"coordinator"} if editable else set()),
        (
            "unesco.review_report",
            f"unesco_{state}",
            {"leader_of_lead", "leader_elsewhere"} if state == "submitted" else set(),
        ),
    ]

# The enterprise register and its support cases: the programme is the lead agency's.
HANDLERS = {"coordinator", "officer_of_lead", "leader_of_lead"}
MATRIX += [
    ("enterprises.view_register", "none", MEMBERS),
    ("enterprises.view_personal_number", "none", {"coordinator"}),
    ("enterprises.change_enterprise", "none", {"coordinator"}),
    ("enterprises.import_enterprises", "none", {"coordinator"}),
    ("enterprises.add_programme", "none", {"coordinator"} | OFFICERS),
    ("enterprises.change_programme", "none", {"coordinator"}),
    ("enterprises.change_programme", "programme", {"coordinator", "officer_of_lead"}),
    ("enterprises.view_indicators", "none", MEMBERS),
    ("enterprises.change_outcomes", "none", {"coordinator"}),
    ("enterprises.add_case", "programme", {"coordinator", "officer_of_lead"}),
    ("enterprises.add_case", "closed_programme", set()),
]
for stage in ("received", "assessment", "approved", "refused", "reported"):
    MATRIX += [
        ("enterprises.view_case_internal", f"{stage}_case", HANDLERS),
        (
            "enterprises.assess_case",
            f"{stage}_case",
            HANDLERS if stage in {"received", "assessment"} else set(),
        ),
        (
            "enterprises.decide_case",
            f"{stage}_case",
            {"coordinator", "leader_of_lead"} if stage == "assessment" else set(),
        ),
        (
            "enterprises.follow_case",
            f"{stage}_case",
            {"coordinator", "officer_of_lead"} if stage in {"approved", "reported"} else set(),
        ),
    ]

# Investment projects followed by the lead agency, one at each status.
MATRIX += [
    ("enterprises.view_projects", "none", MEMBERS),
    ("enterprises.add_project", "none", {"coordinator"} | OFFICERS),
    ("enterprises.import_projects", "none", {"coordinator"}),
]
for status in ("proposed", "approved", "under_way", "operating", "stalled", "cancelled"):
    MATRIX += [
        (
            "enterprises.change_project",
            f"{status}_project",
            {"coordinator", "officer_of_lead"} if status != "cancelled" else set(),
        ),
        (
            "enterprises.advance_project",
            f"{status}_project",
            {"coordinator", "officer_of_lead"}
            if status in {"approved", "under_way", "stalled"}
            else set(),
        ),
        (
            "enterprises.decide_project",
            f"{status}_project",
            {"coordinator", "leader_of_lead"}
            if status not in {"operating", "cancelled"}
            else set(),
        ),
    ]


def _unesco_objects(people: dict[str, Any], lead: Any) -> dict[str, Any]:
    from datetime import date

    from django.utils import timezone

    from cnvh.unesco.models import MonitoringReport, Outreach

    day = date(2025, 10, 1)
    objects: dict[str, Any] = {
        "unesco_outreach": Outreach.objects.create(
            kind="dissemination",
            title_vi="Phổ biến",
            organiser=lead,
            starts_on=day,
            ends_on=day,
            recorded_by=people["officer_of_lead"],
        )
    }
    coordinator = people["coordinator"]
    for number, state in enumerate(("draft", "submitted", "returned", "approved")):
        objects[f"unesco_{state}"] = MonitoringReport.objects.create(
            first_year=2011 + 4 * number,
            last_year=2015 + 4 * number,
            status=state,
            created_by=coordinator,
            created_at=timezone.now(),
            submitted_by=coordinator if state != "draft" else None,
        )
    return objects


def support_objects(lead: Any) -> dict[str, Any]:
    """An open and a closed programme of the lead agency, and a case at each stage."""
    from datetime import date
    from decimal import Decimal

    from cnvh.enterprises.entries import save_enterprise
    from cnvh.enterprises.models import Enterprise, InvestmentProject, Programme, SupportCase

    open_one = Programme.objects.create(
        code="so-hoa", name_vi="Chuyển đổi số", kind="digital", owner=lead
    )
    closed = Programme.objects.create(
        code="cu", name_vi="Cũ", kind="other", owner=lead, is_open=False
    )
    found: dict[str, Any] = {"programme": open_one, "closed_programme": closed}
    codes = ["0100233488", "0101234565", "0105556669", "0107778882", "0100233488001"]
    for code, stage in zip(
        codes, ("received", "assessment", "approved", "refused", "reported"), strict=True
    ):
        enterprise = save_enterprise(
            Enterprise(tax_code=code, name_vi=code, legal_form="enterprise")
        )
        found[f"{stage}_case"] = SupportCase.objects.create(
            enterprise=enterprise,
            programme=open_one,
            stage=stage,
            received_on=date(2026, 3, 2),
            amount_requested=Decimal(1),
        )
    investor = found["received_case"].enterprise
    for status in ("proposed", "approved", "under_way", "operating", "stalled", "cancelled"):
        found[f"{status}_project"] = InvestmentProject.objects.create(
            name_vi=status,
            managing_agency=lead,
            investor_enterprise=investor,
            total_capital=Decimal(1),
            status=status,
        )
    return found


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
    objects.update(_crafts(lead, people["coordinator"]))
    objects.update(world_brightspots.build(people, lead))
    objects.update(_unesco_objects(people, lead))
    objects |= support_objects(lead)
    objects.update(events.around(lead, coordinating, people))
    objects["events_import"] = _events_import(people["officer_of_lead"])
    return {"people": people, "objects": objects}


def _events_import(officer: Any) -> Any:
    from cnvh.exchange.models import ImportRecord

    return ImportRecord.objects.create(
        kind="events",
        file="imports/ho-so.csv",
        file_name="ho-so.csv",
        file_size=1,
        sha256="0" * 64,
        created_by=officer,
    )


def _crafts(lead: Any, coordinator: Any) -> dict[str, Any]:
    from decimal import Decimal

    from cnvh.crafts import workflow as crafts_workflow
    from tests.crafts import make

    village = make.village(lead)
    product, other = make.product(lead, village=village), make.product(lead)
    scored = crafts_workflow.propose(other, coordinator, make.DAY)
    crafts_workflow.score(scored, coordinator, Decimal(30), Decimal(20), Decimal(25))
    return {
        "craft_village": village,
        "craft_product": product,
        "proposed_rating": crafts_workflow.propose(product, coordinator, make.DAY),
        "scored_rating": scored,
    }


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
