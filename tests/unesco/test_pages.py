"""The registry's pages: typed Vietnamese dates and money stored as typed, each officer
with their own agency, the coordinator's commitments and the report's pages."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.test import Client
from django.urls import reverse

from cnvh.unesco import workflow
from cnvh.unesco.models import Commitment, MonitoringReport, Outreach, ReportSection
from tests.unesco.conftest import City, commitment, outreach

SESSION = {
    "kind": "dissemination",
    "title_vi": "Phổ biến Kế hoạch cho tổ dân phố số 5",
    "starts_on": "05/10/2025",
    "ends_on": "5/10/2025",
    "budget": "15.000.000",
    "residents_women": "1.200",
    "residents_men": "35",
    "reach": "2.500",
}


def _client(person: Any, language: str = "vi") -> Client:
    client = Client()
    client.cookies["django_language"] = language
    client.force_login(person)
    return client


def test_a_ward_officer_reports_a_session_typed_the_vietnamese_way(city: City) -> None:
    client = _client(city.ward_officer)
    form = client.get(reverse("unesco-outreach-new"))
    organisers = form.context["form"].fields["organiser"].queryset
    assert list(organisers) == [city.ward]
    response = client.post(reverse("unesco-outreach-new"), {**SESSION, "organiser": city.ward.pk})
    stored = Outreach.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("unesco-outreach-detail", args=[stored.pk])
    assert (stored.starts_on, stored.ends_on) == (date(2025, 10, 5), date(2025, 10, 5))
    assert stored.budget == Decimal(15_000_000)
    assert stored.reach == 2500
    assert [(p.role, p.women, p.men) for p in stored.participants.all()] == [
        ("residents", 1200, 35)
    ]
    page = client.get(response["Location"]).content.decode()
    assert "05/10/2025 – 05/10/2025" in page and "15.000.000" in page and "1.235" not in page
    assert stored.history.get().history_user == city.ward_officer


def test_another_wards_session_is_refused_and_hidden(city: City) -> None:
    client = _client(city.ward_officer)
    response = client.post(
        reverse("unesco-outreach-new"), {**SESSION, "organiser": city.other_ward.pk}
    )
    assert response.status_code == 200 and "organiser" in response.context["form"].errors
    theirs = outreach(city, "dissemination", city.other_ward, date(2025, 10, 1))
    assert client.get(reverse("unesco-outreach-detail", args=[theirs.pk])).status_code == 404
    assert client.get(reverse("unesco-outreach-edit", args=[theirs.pk])).status_code == 404
    assert theirs.title not in client.get(reverse("unesco-outreach")).content.decode()


def test_a_wrong_number_is_explained(city: City) -> None:
    client = _client(city.ward_officer)
    data = {**SESSION, "organiser": city.ward.pk, "budget": "15.000.000,5.5", "ends_on": "2025"}
    response = client.post(reverse("unesco-outreach-new"), data)
    errors = response.context["form"].errors
    assert "budget" in errors and "ends_on" in errors
    assert "dd/mm/yyyy" in errors["ends_on"][0]
    assert not Outreach.objects.exists()


def test_the_coordinator_records_a_commitment_linked_to_the_plan(city: City) -> None:
    client = _client(city.coordinator)
    data = {
        "code": "festival",
        "title_vi": "Lễ hội Thiết kế sáng tạo",
        "title_en": "Creative Design Festival",
        "scope": "international",
        "source": "Hồ sơ 2019",
        "lead_agency": city.department.pk,
        "budget": "12.000.000.000",
        "tasks": [city.task.pk],
    }
    response = client.post(reverse("unesco-commitment-new"), data)
    stored = Commitment.objects.get()
    assert response.status_code == 302
    assert stored.budget == Decimal(12_000_000_000)
    assert list(stored.tasks.all()) == [city.task]
    new_activity = reverse("unesco-activity-new", args=[stored.pk])
    activity = {
        "title_vi": "Lễ hội 2025",
        "title_en": "Festival 2025",
        "starts_on": "26/11/2025",
        "ends_on": "10/11/2025",
        "budget_spent": "2.500.000.000",
    }
    refused = client.post(new_activity, activity)
    assert "ends_on" in refused.context["form"].errors
    client.post(new_activity, {**activity, "ends_on": "30/11/2025", "partner_cities": " Bandung "})
    saved = stored.activities.get()
    assert (saved.partner_cities, saved.budget_spent) == ("Bandung", Decimal(2_500_000_000))
    assert _client(city.officer).post(reverse("unesco-commitment-new"), data).status_code == 403


def test_the_indicators_page(city: City) -> None:
    centre = commitment(city, "centre", 1_000_000)
    outreach(city, "training", city.department, date(2025, 3, 1), None, {"officials": (2, 3)})
    page = _client(city.officer, "en").get(
        reverse("unesco-overview"), {"first_year": "2025", "last_year": "2025"}
    )
    found = page.context["found"]
    assert (found.commitments, found.trained) == (1, 5)
    assert centre.title_en not in page.content.decode()  # figures, not the list
    bad = _client(city.officer).get(reverse("unesco-overview"), {"first_year": "abc"})
    assert bad.status_code == 200 and bad.context["form"].errors


def test_the_report_pages_and_files(city: City) -> None:
    client = _client(city.coordinator, "en")
    started = client.post(reverse("unesco-reports"), {"first_year": "2023", "last_year": "2027"})
    report = MonitoringReport.objects.get()
    assert started["Location"] == reverse("unesco-report", args=[report.pk])
    refused = client.post(reverse("unesco-reports"), {"first_year": "2023", "last_year": "2025"})
    assert "2023 to 2027" in refused.content.decode()
    summary = ReportSection.objects.get(code="summary")
    edit = reverse("unesco-report-section", args=[report.pk, summary.pk])
    client.post(edit, {"text_vi": "Tóm tắt", "text_en": "Our summary"})
    page = client.get(reverse("unesco-report", args=[report.pk])).content.decode()
    assert "Our summary" in page and "Contribution to the Network" in page
    download = reverse("unesco-report-download", args=[report.pk])
    docx = client.get(download, {"format": "docx", "lang": "vi"})
    assert docx["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert "unesco-monitoring-2023-2027-vi.docx" in docx["Content-Disposition"]
    assert client.get(download, {"format": "pdf"}).content.startswith(b"%PDF")
    assert client.get(download, {"format": "odt"}).status_code == 400
    # The city took no part in the Network yet, among other things: empty sections.
    first = workflow.empty_sections(report)[0]
    empty = ReportSection.objects.get(pk=first.section_id)
    client.post(reverse("unesco-report-submit", args=[report.pk]))
    assert client.get(edit).status_code == 403  # submitted: no longer editable
    leader = _client(city.leader, "en")
    refused = leader.post(reverse("unesco-report-approve", args=[report.pk]), follow=True)
    assert f"The section “{empty.title_en}” is empty" in refused.content.decode()
    report.refresh_from_db()
    assert report.status == MonitoringReport.Status.SUBMITTED
    leader.post(reverse("unesco-report-return", args=[report.pk]), {"reason": "Viết nốt."})
    for section in workflow.empty_sections(report):
        url = reverse("unesco-report-section", args=[report.pk, section.section_id])
        client.post(url, {"text_vi": "Chưa có.", "text_en": "None yet."})
    client.post(reverse("unesco-report-submit", args=[report.pk]))
    leader.post(reverse("unesco-report-approve", args=[report.pk]))
    report.refresh_from_db()
    assert report.status == MonitoringReport.Status.APPROVED
