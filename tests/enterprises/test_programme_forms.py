"""The forms that keep the support records, typed on the Vietnamese page: a programme
with its budget by year (an officer keeps their own agency's), a case opened for an
enterprise, IP filings and certifications with their dates in order."""

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from cnvh.enterprises.models import Certification, IPFiling, Programme, SupportCase
from cnvh.plan.models import Role
from tests import factories
from tests.enterprises.conftest import enterprise

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(coordinator: Any) -> dict[str, Any]:
    department = factories.agency("so-khcn", name_vi="Sở Khoa học và Công nghệ")
    return {
        "department": department,
        "officer": factories.user(Role.OFFICER, department),
        "stranger": factories.user(Role.OFFICER, factories.agency()),
        "coordinator": coordinator,
        "firm": enterprise("0100233488", "Công ty Sơn mài"),
    }


def client_of(user: Any, language: str = "vi") -> Client:
    client = Client()
    client.cookies["django_language"] = language
    client.force_login(user)
    return client


def programme_form(owner: Any, **rows: str) -> dict[str, str]:
    data = {
        "code": "doi-moi-2026",
        "name_vi": "Hỗ trợ đổi mới sáng tạo",
        "kind": "innovation",
        "owner": str(owner.pk),
        "legal_basis": "Kế hoạch 217/KH-UBND",
        "eligibility": "Doanh nghiệp nhỏ và vừa ngành thiết kế",
        "is_open": "on",
        "budget-TOTAL_FORMS": "3",
        "budget-INITIAL_FORMS": "0",
    }
    return {**data, **rows}


def test_an_officer_keeps_their_agencys_programme(people: dict[str, Any]) -> None:
    officer, department = people["officer"], people["department"]
    client = client_of(officer)
    response = client.post(
        "/enterprises/programmes/new/",
        programme_form(
            department,
            **{
                "budget-0-year": "2026",
                "budget-0-amount": "5.000.000.000",
                "budget-1-year": "2027",
                "budget-1-amount": "7.500.000.000",
            },
        ),
    )
    assert response.status_code == 302
    programme = Programme.objects.get()
    budgets = dict(programme.budgets.values_list("year", "amount"))
    assert budgets == {2026: Decimal(5_000_000_000), 2027: Decimal(7_500_000_000)}
    assert programme.history.get().history_user == officer
    assert not programme.publishes_grants  # unless the programme says so
    # Editing: 2027 cleared, 2026 changed; the programme closed and its grants published.
    edit = client.get("/enterprises/programmes/doi-moi-2026/edit/")
    assert edit.context["budgets"].initial == [
        {"year": 2026, "amount": Decimal(5_000_000_000)},
        {"year": 2027, "amount": Decimal(7_500_000_000)},
    ]
    changed = programme_form(
        department,
        **{
            "budget-TOTAL_FORMS": "5",
            "budget-INITIAL_FORMS": "2",
            "budget-0-year": "2026",
            "budget-0-amount": "6.000.000.000",
            "budget-1-year": "2027",
            "budget-1-amount": "",
        },
    )
    del changed["is_open"]
    changed["publishes_grants"] = "on"
    assert client.post("/enterprises/programmes/doi-moi-2026/edit/", changed).status_code == 302
    programme.refresh_from_db()
    assert not programme.is_open and programme.publishes_grants
    assert dict(programme.budgets.values_list("year", "amount")) == {2026: Decimal(6 * 10**9)}
    # Another agency's officer may neither edit it nor give a programme to this agency.
    stranger = client_of(people["stranger"])
    assert stranger.get("/enterprises/programmes/doi-moi-2026/edit/").status_code == 403
    refused = stranger.post("/enterprises/programmes/new/", programme_form(department, code="khac"))
    assert "owner" in refused.context["form"].errors
    assert Programme.objects.count() == 1


def test_a_budget_year_twice_is_refused(people: dict[str, Any]) -> None:
    client = client_of(people["coordinator"], "en")
    response = client.post(
        "/enterprises/programmes/new/",
        programme_form(
            people["department"],
            **{
                "budget-0-year": "2026",
                "budget-0-amount": "5,000,000,000",
                "budget-1-year": "2026",
                "budget-1-amount": "1,000,000,000",
                "budget-2-amount": "2,000,000,000",
            },
        ),
    )
    assert response.status_code == 200
    rows = response.context["budgets"].forms
    assert rows[1].errors["year"] == ["Year: 2026 is written twice."]
    assert rows[2].errors["year"] == ["Year: write the year of this budget."]
    assert not Programme.objects.exists()


def test_a_case_is_opened_for_an_enterprise_by_its_tax_code(people: dict[str, Any]) -> None:
    programme = Programme.objects.create(
        code="so-hoa", name_vi="Chuyển đổi số", kind="digital", owner=people["department"]
    )
    client = client_of(people["officer"])
    url = "/enterprises/programmes/so-hoa/cases/new/"
    typed = {
        "enterprise": "0100233488",
        "received_on": "05/03/2026",
        "amount_requested": "1.250.000.000",
    }
    response = client.post(url, typed)
    case = SupportCase.objects.get()
    assert response["Location"] == f"/enterprises/cases/{case.pk}/"
    assert (case.programme, case.enterprise, case.stage) == (programme, people["firm"], "received")
    assert (case.received_on, case.amount_requested) == (date(2026, 3, 5), Decimal(1_250_000_000))
    again = client_of(people["officer"], "en").post(url, typed)
    assert again.context["form"].errors["enterprise"] == [
        "Enterprise: it has a case in this programme already; open that case."
    ]
    unknown = client_of(people["officer"], "en").post(url, {**typed, "enterprise": "0101234565"})
    assert (
        unknown.context["form"]
        .errors["enterprise"][0]
        .startswith("Enterprise: no enterprise of the register has the tax code 0101234565.")
    )
    assert SupportCase.objects.count() == 1
    programme.is_open = False
    programme.save()
    assert client.get(url).status_code == 403


def test_ip_filings_and_certifications_with_their_dates_in_order(
    people: dict[str, Any],
) -> None:
    client = client_of(people["coordinator"], "en")
    filing = {
        "kind": "trademark",
        "title": "Sơn mài Hạ Thái",
        "application_number": "4-2026-01234",
        "filed_on": "05/01/2026",
        "stage": "published",
        "formality_accepted_on": "04/02/2026",
        "published_on": "03/02/2026",
    }
    refused = client.post("/enterprises/0100233488/ip/new/", filing)
    assert refused.context["form"].errors["published_on"] == [
        "Published on: it comes before “formality accepted on”; correct either date."
    ]
    granted = {**filing, "published_on": "20/03/2026", "stage": "granted"}
    refused = client.post("/enterprises/0100233488/ip/new/", granted)
    assert set(refused.context["form"].errors) == {"decided_on", "certificate_number"}
    assert not IPFiling.objects.exists()
    saved = {**granted, "decided_on": "30/11/2026", "certificate_number": "4-0100000-000"}
    assert client.post("/enterprises/0100233488/ip/new/", saved).status_code == 302
    stored = IPFiling.objects.get()
    assert (stored.filed_on, stored.published_on, stored.decided_on) == (
        date(2026, 1, 5),
        date(2026, 3, 20),
        date(2026, 11, 30),
    )
    certification = {
        "kind": "management",
        "standard": "TCVN ISO 9001:2015",
        "number": "QMS-12",
        "issuer": "Tổ chức chứng nhận",
        "issued_on": "10/06/2026",
        "valid_until": "09/06/2026",
    }
    refused = client.post("/enterprises/0100233488/certifications/new/", certification)
    assert refused.context["form"].errors["valid_until"] == [
        "Valid until: it is before the date of issue."
    ]
    certification["valid_until"] = "09/06/2029"
    assert (
        client.post("/enterprises/0100233488/certifications/new/", certification).status_code == 302
    )
    assert Certification.objects.get().valid_until == date(2029, 6, 9)
    # An officer does not keep the outcomes.
    officer = client_of(people["officer"])
    assert officer.get("/enterprises/0100233488/ip/new/").status_code == 403
