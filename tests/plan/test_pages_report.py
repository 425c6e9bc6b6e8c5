"""The report form: edit, save, submit, values, evidence; read-only and locked views."""

import hashlib
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from cnvh.plan import workflow
from cnvh.plan.models import Evidence, Indicator, ProgressReport, ReportValue, Role, Task
from tests import factories

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return tmp_path / "media"


@pytest.fixture
def world(db: None, media: Path) -> dict[str, Any]:
    ward = factories.agency("phuong-hoan-kiem", kind="ward", name_en="Hoan Kiem ward")
    other = factories.agency("phuong-ba-dinh", kind="ward", name_en="Ba Dinh ward")
    task = factories.task(lead=ward, code="7.2", title_en="Spread the plan to residents")
    events = factories.indicator(
        "events", name_en="Dissemination events", unit="events", source=Indicator.Source.REPORTS
    )
    share = factories.indicator("grdp-share")  # from the engine: not asked in reports
    task.indicators.add(events, share)
    officer = factories.user(Role.OFFICER, of=ward, name="officer")
    report = workflow.start_report(task, factories.quarter(2026, 1), officer)
    return {
        "ward": ward,
        "other": other,
        "task": task,
        "events": events,
        "officer": officer,
        "report": report,
    }


def login(client: Client, person: Any) -> None:
    client.force_login(person)
    client.cookies["django_language"] = "en"


def form_data(**changes: Any) -> dict[str, Any]:
    data = {
        "task_status": Task.Status.IN_PROGRESS,
        "percent_done": "60",
        "narrative": "Held 12 meetings in the ward.",
    }
    data.update(changes)
    return data


def url(report: ProgressReport) -> str:
    return reverse("plan-report", args=[report.pk])


def test_the_officer_sees_the_form_with_one_field_per_reported_indicator(
    client: Client, world: dict[str, Any]
) -> None:
    login(client, world["officer"])
    response = client.get(url(world["report"]))
    body = response.content.decode()
    assert response.context["form"] is not None
    assert f'name="value_{world["events"].pk}"' in body
    assert "Dissemination events (events)" in body
    assert body.count('name="value_') == 1  # the engine's indicator is not asked for
    assert 'enctype="multipart/form-data"' in body
    assert "Submit report" in body


def test_save_draft_keeps_the_values_and_records_who(client: Client, world: dict[str, Any]) -> None:
    login(client, world["officer"])
    report = world["report"]
    data = form_data(save="1", **{f"value_{world['events'].pk}": "12"})
    response = client.post(url(report), data)
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.percent_done) == (ProgressReport.Status.DRAFT, 60)
    assert ReportValue.objects.get(report=report).value == Decimal("12")
    assert report.history.first().history_user == world["officer"]
    page = client.get(url(report)).content.decode()
    assert "The draft is saved." in page
    assert "<del>0</del> → <ins>60</ins>" in page  # the report's history


def test_clearing_a_value_removes_it(client: Client, world: dict[str, Any]) -> None:
    login(client, world["officer"])
    report = world["report"]
    ReportValue.objects.create(report=report, indicator=world["events"], value=3)
    client.post(url(report), form_data(save="1"))
    assert not ReportValue.objects.filter(report=report).exists()


@pytest.mark.parametrize("percent", ["-1", "101", "abc"])
def test_percent_done_must_be_between_0_and_100(
    client: Client, world: dict[str, Any], percent: str
) -> None:
    login(client, world["officer"])
    response = client.post(url(world["report"]), form_data(percent_done=percent, save="1"))
    assert response.status_code == 200
    assert response.context["form"].errors["percent_done"]
    world["report"].refresh_from_db()
    assert world["report"].percent_done == 0


def test_submit_sends_the_report_for_approval(client: Client, world: dict[str, Any]) -> None:
    login(client, world["officer"])
    report = world["report"]
    response = client.post(url(report), form_data(submit="1"), follow=True)
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.SUBMITTED
    assert report.submitted_by == world["officer"]
    body = response.content.decode()
    assert body.count("The report is submitted for approval.") == 1  # the message is shown once
    # Submitted: read-only now, even for its author, who is told why nothing changed.
    assert response.context["form"] is None
    again = client.post(url(report), form_data(save="1", narrative="Later."), follow=True)
    assert "Nothing was changed: the report became Submitted" in again.content.decode()
    report.refresh_from_db()
    assert report.narrative != "Later."


def test_submitting_without_a_narrative_keeps_a_draft_and_says_why(
    client: Client, world: dict[str, Any]
) -> None:
    login(client, world["officer"])
    report = world["report"]
    response = client.post(url(report), form_data(narrative="  ", submit="1"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Write what was done in the period before submitting." in body
    report.refresh_from_db()
    assert (report.status, report.percent_done) == (ProgressReport.Status.DRAFT, 60)


def test_an_officer_of_another_agency_is_refused(client: Client, world: dict[str, Any]) -> None:
    login(client, factories.user(Role.OFFICER, of=world["other"]))
    report = world["report"]
    assert client.get(url(report)).status_code == 403
    assert client.post(url(report), form_data(save="1")).status_code == 403
    report.refresh_from_db()
    assert report.percent_done == 0


def test_anonymous_is_sent_to_login(client: Client, world: dict[str, Any]) -> None:
    response = client.get(url(world["report"]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("web-login"))


def test_a_leader_reads_but_cannot_edit(client: Client, world: dict[str, Any]) -> None:
    login(client, factories.user(Role.LEADER, of=world["other"]))
    response = client.get(url(world["report"]))
    assert response.status_code == 200
    assert response.context["form"] is None
    assert client.post(url(world["report"]), form_data(save="1")).status_code == 403


def test_an_approved_report_is_shown_locked(client: Client, world: dict[str, Any]) -> None:
    report = world["report"]
    report.narrative = "Done."
    report.save()
    workflow.submit(report, world["officer"])
    coordinator = factories.user(Role.COORDINATOR, name="coordinator")
    workflow.approve(report, coordinator)
    login(client, world["officer"])
    response = client.get(url(report))
    assert response.context["form"] is None
    assert "An approved report is locked" in response.content.decode()
    again = client.post(url(report), form_data(save="1", narrative="Later."), follow=True)
    assert "Nothing was changed: the report became Approved" in again.content.decode()
    assert ProgressReport.objects.get(pk=report.pk).narrative == "Done."


def test_evidence_is_stored_under_our_name_with_its_hash(
    client: Client, world: dict[str, Any], media: Path
) -> None:
    login(client, world["officer"])
    report = world["report"]
    upload = SimpleUploadedFile("../../etc/Biên bản họp.pdf", PDF, "application/pdf")
    client.post(url(report), form_data(save="1", evidence=upload))
    item = Evidence.objects.get(report=report)
    digest = hashlib.sha256(PDF).hexdigest()
    assert item.sha256 == digest
    assert item.original_name == "Biên bản họp.pdf"
    assert item.file.name == f"evidence/{report.pk}/{digest[:16]}.pdf"
    assert (media / item.file.name).read_bytes() == PDF
    assert (item.size, item.uploaded_by) == (len(PDF), world["officer"])


def test_evidence_downloads_for_viewers_only(client: Client, world: dict[str, Any]) -> None:
    login(client, world["officer"])
    report = world["report"]
    client.post(url(report), form_data(save="1", evidence=SimpleUploadedFile("a.png", PNG)))
    item = Evidence.objects.get(report=report)
    response = client.get(reverse("plan-evidence", args=[item.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG  # type: ignore[attr-defined]
    assert response["Content-Type"] == "image/png"
    assert "attachment" in response["Content-Disposition"]
    login(client, factories.user(Role.OFFICER, of=world["other"]))
    assert client.get(reverse("plan-evidence", args=[item.pk])).status_code == 403
    client.logout()
    assert client.get(reverse("plan-evidence", args=[item.pk])).status_code == 302


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tool.exe", b"MZ\x90\x00", "This type of file is not accepted."),
        ("fake.pdf", b"MZ\x90\x00 not a pdf", "does not match its type (.pdf)"),
        ("sheet.xlsx", b"plain text", "does not match its type (.xlsx)"),
    ],
)
def test_unaccepted_files_are_refused(
    client: Client, world: dict[str, Any], name: str, content: bytes, message: str
) -> None:
    login(client, world["officer"])
    upload = SimpleUploadedFile(name, content)
    response = client.post(url(world["report"]), form_data(save="1", evidence=upload))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Evidence.objects.exists()


def test_files_over_10_mb_are_refused(client: Client, world: dict[str, Any]) -> None:
    login(client, world["officer"])
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * (10 * 1024 * 1024))
    response = client.post(url(world["report"]), form_data(save="1", evidence=big))
    assert "The file is larger than 10 MB." in response.content.decode()
    assert not Evidence.objects.exists()


def test_evidence_can_be_removed_while_editable_only(
    client: Client, world: dict[str, Any], media: Path
) -> None:
    login(client, world["officer"])
    report = world["report"]
    client.post(url(report), form_data(save="1", evidence=SimpleUploadedFile("a.pdf", PDF)))
    item = Evidence.objects.get()
    stored = Path(item.file.path)
    login(client, factories.user(Role.LEADER, of=world["ward"]))
    assert client.post(reverse("plan-evidence-delete", args=[item.pk])).status_code == 403
    login(client, world["officer"])
    client.post(reverse("plan-evidence-delete", args=[item.pk]))
    assert not Evidence.objects.exists()
    assert not stored.exists()
