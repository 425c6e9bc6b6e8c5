"""The review page: the reviewer reads the narrative, the numbers beside the previous
period's and the target, and the evidence, then approves or returns from there."""

from decimal import Decimal
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from cnvh.plan import workflow
from cnvh.plan.models import Evidence, Indicator, Notification, ProgressReport, Role
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(settings: Any, tmp_path: Any) -> dict[str, Any]:
    settings.MEDIA_ROOT = tmp_path
    culture = factories.agency("so-vhtt", short_name="Sở VHTT")
    city = factories.agency("ubnd-tp")
    events = factories.indicator(
        "visitors",
        source=Indicator.Source.REPORTS,
        unit="persons",
        name_vi="Lượt khách tham quan",
        targets={2026: Decimal("5000")},
    )
    officer = factories.user(Role.OFFICER, culture, "canbo")
    officer.first_name, officer.last_name = "Trần Văn", "Bình"
    officer.save()
    task = factories.task(lead=culture, code="3.2", title_vi="Phát triển bảo tàng")
    task.indicators.set([events])
    before = factories.report(task, factories.quarter(2026, 1), by=officer, narrative="Quý 1.")
    before.values.create(indicator=events, value=Decimal("1200"))
    workflow.submit(before, officer)
    coordinator = factories.user(Role.COORDINATOR, city, "dieuphoi")
    workflow.approve(before, coordinator)
    now = factories.report(
        task, factories.quarter(2026, 2), by=officer, narrative="Mở thêm hai phòng trưng bày."
    )
    now.values.create(indicator=events, value=Decimal("1450.5"))
    Evidence.objects.create(
        report=now,
        file=ContentFile(b"%PDF-1.4", name="x.pdf"),
        original_name="bien-ban.pdf",
        extension=".pdf",
        size=8,
        sha256="ab" * 32,
        uploaded_by=officer,
    )
    workflow.submit(now, officer)
    return {"report": now, "officer": officer, "coordinator": coordinator, "culture": culture}


def page_of(client: Client, report: ProgressReport) -> str:
    response = client.get(reverse("plan-approval", args=[report.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_review_page_shows_what_is_decided_on(world: dict[str, Any]) -> None:
    client = Client()
    client.force_login(world["coordinator"])
    page = page_of(client, world["report"])

    assert "Mở thêm hai phòng trưng bày." in page
    # Vietnamese numbers: 1450.5 now, 1200 in Q1, a change of 250.5, the 2026 target 5000.
    for cell in ("1.450,5", "1.200", "250,5", "5.000"):
        assert f'<td class="number">{cell}' in page
    assert "Quý 1/2026" in page
    assert "bien-ban.pdf" in page
    assert "Trần Văn Bình — Sở VHTT" in page
    assert reverse("plan-approve", args=[world["report"].pk]) in page


def test_approving_from_the_review_page(world: dict[str, Any]) -> None:
    report = world["report"]
    client = Client()
    client.force_login(world["coordinator"])
    note = Notification.objects.get(
        user=world["coordinator"], report=report, kind=Notification.Kind.SUBMITTED
    )
    assert note.read_at is None
    page_of(client, report)
    response = client.post(reverse("plan-approve", args=[report.pk]))
    assert response.status_code == 302
    report.refresh_from_db()
    note.refresh_from_db()
    assert report.status == ProgressReport.Status.APPROVED
    assert note.read_at is not None


def test_returning_without_a_reason_goes_back_to_the_review(world: dict[str, Any]) -> None:
    report = world["report"]
    client = Client()
    client.force_login(world["coordinator"])
    response = client.post(reverse("plan-return", args=[report.pk]), {})
    assert response["Location"] == reverse("plan-approval", args=[report.pk])
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.SUBMITTED


def test_the_queue_names_people_and_filters_by_them(world: dict[str, Any]) -> None:
    other_officer = factories.user(Role.OFFICER, world["culture"], "canbo2")
    other_officer.first_name = "Lê Thị Hoa"
    other_officer.save()
    task = factories.task(lead=world["culture"], code="3.3")
    workflow.submit(
        factories.report(task, factories.quarter(2026, 3), by=other_officer), other_officer
    )
    client = Client()
    client.force_login(world["coordinator"])
    page = client.get(reverse("plan-approvals")).content.decode()
    assert "Trần Văn Bình" in page and "Lê Thị Hoa" in page
    assert ">canbo<" not in page
    only = client.get(reverse("plan-approvals"), {"person": str(other_officer.pk)})
    assert [row["report"].task.code for row in only.context["rows"]] == ["3.3"]
    # A person id that is no id filters nothing out and never fails.
    assert client.get(reverse("plan-approvals"), {"person": "²"}).status_code == 200


def test_who_may_open_the_review(world: dict[str, Any]) -> None:
    report = world["report"]
    client = Client()
    url = reverse("plan-approval", args=[report.pk])
    assert client.get(url).status_code == 302
    client.force_login(world["officer"])
    assert client.get(url).status_code == 403
    elsewhere = factories.user(Role.LEADER, factories.agency("so-ct"), "lanhdao")
    client.force_login(elsewhere)
    page = client.get(url).content.decode()
    assert reverse("plan-approve", args=[report.pk]) not in page
