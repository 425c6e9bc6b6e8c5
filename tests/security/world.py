"""One small city for the security tests: every role, and one object of each kind.

The lead agency leads the task; the coordinating agency helps with it; the agency
"elsewhere" has nothing to do with it. Reports, evidence and notifications all
belong to the lead agency's work, so the people elsewhere must be refused them.
"""

import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django_tasks_db.models import DBTaskResult

from cnvh.estimates.models import Estimate
from cnvh.estimates.store import publish, save_estimate
from cnvh.exchange.models import Dataset, EstimateRun, ImportRecord
from cnvh.plan import evidence, workflow
from cnvh.plan.models import Indicator, Notification, ProgressReport
from cnvh.presentation import boundaries
from tests import factories
from tests.conftest import engine_estimate
from tests.events import make as events
from tests.security import world_brightspots

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
PASSWORD = "s3cret-pass-word"  # what tests.factories.user gives everyone

ROLES = [
    "anonymous",
    "no_role",
    "administrator",
    "coordinator",
    "leader_of_lead",
    "leader_elsewhere",
    "officer_of_lead",
    "officer_of_coordinating",
    "officer_elsewhere",
    "statistician",
]
MEMBERS = set(ROLES) - {"anonymous", "no_role"}
SIGNED_IN = set(ROLES) - {"anonymous"}
WORKERS = {"officer_of_lead", "officer_of_coordinating"}
OFFICERS = WORKERS | {"officer_elsewhere"}
OVERSEERS = {"administrator", "coordinator", "leader_of_lead", "leader_elsewhere"}
APPROVERS = {"coordinator", "leader_of_lead", "leader_elsewhere"}


@dataclass
class World:
    people: dict[str, Any]
    objects: dict[str, Any] = field(default_factory=dict)

    def client(self, role: str, **kwargs: Any) -> Client:
        """A client logged in as `role` (none for the anonymous), reading English."""
        client = Client(**kwargs)
        client.cookies["django_language"] = "en"
        if role != "anonymous":
            client.force_login(self.people[role])
        return client


def boundary_collection(name: str = "00004", code_property: str = "code") -> bytes:
    ring = [[105.80, 21.00], [105.90, 21.00], [105.90, 21.10], [105.80, 21.00]]
    feature = {
        "type": "Feature",
        "properties": {code_property: name},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }
    return json.dumps({"type": "FeatureCollection", "features": [feature]}).encode()


def build(media: Path) -> World:
    """The city; uploaded files go under `media` (the test's MEDIA_ROOT)."""
    lead, coordinating, elsewhere, city = (factories.agency() for _ in range(4))
    people: dict[str, Any] = factories.everyone_around(lead, coordinating, elsewhere, city)
    # As in the demo: the administrators manage people in Django's admin.
    people["administrator"].is_staff = True
    people["administrator"].save()
    world = World(people)
    officer = people["officer_of_lead"]
    task = factories.task(lead=lead, coordinating=(coordinating,), code="1.1")
    reported = factories.indicator(
        "events", name_en="Events", unit="events", source=Indicator.Source.REPORTS
    )
    task.indicators.add(reported)
    first, second = factories.quarter(2026, 1), factories.quarter(2026, 2)
    draft = workflow.start_report(task, first, officer)
    other = factories.task(lead=lead, coordinating=(coordinating,), in_group=task.group)
    submitted = workflow.start_report(other, first, officer)
    submitted.narrative = "Held two exhibitions."
    submitted.save()
    workflow.submit(submitted, officer)
    # A value from an approved report, and a count from the outreach register: both
    # name their sources on the indicator pages (tests/security/test_links.py).
    approved = workflow.start_report(task, second, officer)
    workflow.save_draft(approved, officer, {"narrative": "Two events."}, {reported: Decimal(2)})
    workflow.approve(workflow.submit(approved, officer), people["coordinator"])
    factories.indicator(
        "wards-disseminating",
        name_en="Wards with a session",
        unit="wards",
        source=Indicator.Source.REGISTRY,
        registry="units_disseminating",
    )
    upload = SimpleUploadedFile("minutes.pdf", PDF, content_type="application/pdf")
    world.objects = {
        "lead": lead,
        "task": task,
        "first_period": first,
        "second_period": second,
        "reported_indicator": reported,
        "draft": draft,
        "submitted": submitted,
        "evidence": evidence.attach(draft, upload, officer),
        # The submission told the lead agency's leader.
        "notification": Notification.objects.get(user=people["leader_of_lead"], report=submitted),
        "hidden_indicator": factories.indicator("hidden", published=False),
        "published_estimate": _published_estimate(),
        "estimate": save_estimate(engine_estimate(), label="new", synthetic=True),
        "media": media,
    }
    world.objects.update(_imports(people["statistician"]))
    world.objects.update(_crafts(lead, people["coordinator"]))
    world.objects.update(world_brightspots.build(people, lead))
    world.objects.update(_unesco(people, lead, task))
    world.objects.update(_support(lead, people))
    world.objects.update(events.around(lead, coordinating, people))
    world.objects["admin_ids"] = _admin_ids(world)
    boundaries.save(
        boundary_collection(), original_name="wards.json", code_property="code", user=None
    )
    return world


def _unesco(people: dict[str, Any], lead: Any, task: Any) -> dict[str, Any]:
    """A commitment with an activity, a participation in the Network, an activity the
    lead agency organised, a draft monitoring report and a submitted one."""
    from datetime import date
    from decimal import Decimal

    from cnvh.unesco import workflow as unesco
    from cnvh.unesco.models import (
        Commitment,
        CommitmentActivity,
        NetworkParticipation,
        Outreach,
        ReportSection,
    )

    coordinator = people["coordinator"]
    commitment = unesco.save_commitment(
        Commitment(
            code="festival",
            title_vi="Lễ hội",
            title_en="Festival",
            scope="international",
            source="2019",
            lead_agency=lead,
            budget=Decimal(1_000_000),
        ),
        coordinator,
        [task],
    )
    day = date(2025, 11, 10)
    activity = unesco.save_activity(
        CommitmentActivity(
            commitment=commitment, title_vi="A", title_en="A", starts_on=day, ends_on=day
        ),
        coordinator,
    )
    participation = unesco.save_participation(
        NetworkParticipation(kind="conference_attended", title_vi="H", title_en="C", held_on=day),
        coordinator,
    )
    outreach = unesco.record_outreach(
        Outreach(kind="dissemination", title_vi="P", organiser=lead, starts_on=day, ends_on=day),
        people["officer_of_lead"],
        {"residents": (3, 2)},
    )
    submitted = unesco.start_report(2019, 2023, coordinator)
    unesco.submit(submitted, coordinator)
    return {
        "unesco_commitment": commitment,
        "unesco_activity": activity,
        "unesco_participation": participation,
        "unesco_outreach": outreach,
        "unesco_draft": unesco.start_report(2023, 2027, coordinator),
        "unesco_submitted": submitted,
        "unesco_section": ReportSection.objects.earliest("number"),
    }


def _support(lead: Any, people: dict[str, Any]) -> dict[str, Any]:
    """An enterprise of the register, and its case received by the lead agency's
    programme (waiting for its assessment); a project it invests in, followed by the
    lead agency and proposed."""
    from datetime import date
    from decimal import Decimal

    from cnvh.enterprises import workflow
    from cnvh.enterprises.entries import save_enterprise
    from cnvh.enterprises.investment import workflow as investment
    from cnvh.enterprises.models import (
        Certification,
        Enterprise,
        InvestmentProject,
        IPFiling,
        Programme,
    )

    enterprise = save_enterprise(
        Enterprise(tax_code="0100233488", name_vi="Công ty A", legal_form="enterprise")
    )
    programme = Programme.objects.create(
        code="so-hoa", name_vi="Chuyển đổi số", kind="digital", owner=lead
    )
    case = workflow.receive(
        programme, enterprise, date(2026, 3, 2), Decimal(100_000_000), people["coordinator"]
    )
    project = investment.propose(
        InvestmentProject(
            name_vi="Trung tâm sáng tạo",
            managing_agency=lead,
            investor_enterprise=enterprise,
            total_capital=Decimal(10_000_000_000),
        ),
        date(2026, 1, 5),
        people["coordinator"],
    )
    filing = IPFiling.objects.create(
        enterprise=enterprise,
        kind="trademark",
        title="Gốm",
        application_number="4-2026-00001",
        filed_on=date(2026, 1, 5),
    )
    certification = Certification.objects.create(
        enterprise=enterprise,
        kind="management",
        standard="ISO 9001:2015",
        number="Q-1",
        issuer="Tổ chức chứng nhận",
        issued_on=date(2026, 1, 5),
    )
    return {
        "enterprise": enterprise,
        "case": case,
        "project": project,
        "filing": filing,
        "certification": certification,
    }


def _imports(statistician: Any) -> dict[str, Any]:
    """The statistician's import of totals, and an estimate run from it that the data
    could not make (both finished: their pages do not poll)."""
    record = ImportRecord.objects.create(
        kind="totals",
        file="imports/totals.csv",
        file_name="totals.csv",
        file_size=20,
        sha256="ab" * 32,
        status=ImportRecord.Status.IMPORTED,
        rows_read=1,
        rows_saved=1,
        created_by=statistician,
    )
    totals = Dataset.objects.create(
        kind="totals",
        import_record=record,
        file=f"datasets/{record.pk}/totals.parquet",
        checksum="blake3:" + "cd" * 32,
        rows=1,
        years=[2024],
    )
    run = EstimateRun.objects.create(
        scope_key="hanoi-plan", totals=totals, status=EstimateRun.Status.INVALID
    )
    return {"import": record, "estimate_run": run}


def _crafts(ward: Any, coordinator: Any) -> dict[str, Any]:
    """A craft village and OCOP products of the lead agency (as if it were a ward): one
    product proposed for rating, one scored by the coordinator."""
    from decimal import Decimal

    from cnvh.crafts import workflow as crafts_workflow
    from tests.crafts import make

    village = make.village(ward)
    proposed = make.product(ward, code="proposed", village=village)
    scored = make.product(ward, code="scored", village=village)
    rating = crafts_workflow.propose(proposed, coordinator, make.DAY)
    scored_rating = crafts_workflow.propose(scored, coordinator, make.DAY)
    crafts_workflow.score(scored_rating, coordinator, Decimal(30), Decimal(20), Decimal(25))
    return {
        "craft_village": village,
        "craft": village.craft,
        "artisan": make.artisan(village),
        "product": proposed,
        "proposed_rating": rating,
        "scored_rating": scored_rating,
        "threshold": make.threshold(),
        "mark": make.mark(),
    }


def _admin_ids(world: World) -> dict[str, Any]:
    estimate = world.objects["estimate"]
    membership = world.people["officer_of_lead"].memberships.get()
    return {
        "user": world.people["officer_of_lead"].pk,
        "group": Group.objects.create(name="editors").pk,
        "task_result": DBTaskResult.objects.create(
            args_kwargs={"args": [], "kwargs": {}}, task_path="cnvh.nothing", backend_name="default"
        ).pk,
        "estimate": estimate.pk,
        "estimate_row": estimate.rows.first().pk,
        "agency": world.objects["lead"].pk,
        "agency_history": world.objects["lead"].history.latest().pk,
        "membership": membership.pk,
        "membership_history": membership.history.latest().pk,
    }


def _published_estimate() -> Estimate:
    estimate = save_estimate(engine_estimate(), label="old", synthetic=True)
    publish(estimate)
    return estimate


def snapshot() -> dict[str, list[dict[str, Any]]]:
    """Every row of every table but the sessions: to show that a request changed nothing."""
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for model in apps.get_models()
        if model is not Session
    }


def files_under(root: Path) -> set[str]:
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


def report_status(report: ProgressReport) -> str:
    return ProgressReport.objects.get(pk=report.pk).status
