"""The register's pages: the list and its filters, one enterprise's page, the
coordinator's form typed in Vietnamese, and a personal number shown only to those allowed."""

from datetime import date
from typing import Any

import pytest
from django.test import Client

from cnvh.enterprises.models import Enterprise
from cnvh.plan.models import Role
from tests import factories
from tests.enterprises.conftest import enterprise

pytestmark = pytest.mark.django_db


def client_of(user: Any) -> Client:
    client = Client()
    client.cookies["django_language"] = "en"
    client.force_login(user)
    return client


def test_the_list_filters_by_sector_ward_and_form(coordinator: Any) -> None:
    enterprise("0101234565", "Sơn mài A", main_vsic="3290", ward_code="00004")
    enterprise("0105556669", "Thiết kế B", main_vsic="7410", ward_code="00008")
    enterprise("0107778882", "HTX C", main_vsic="7410", legal_form="cooperative")
    client = client_of(coordinator)

    def names(query: str) -> list[str]:
        response = client.get(f"/enterprises/?{query}")
        assert response.status_code == 200
        return [e.name_vi for e in response.context["enterprises"]]

    assert names("") == ["HTX C", "Sơn mài A", "Thiết kế B"]
    assert names("sector=design") == ["HTX C", "Thiết kế B"]
    assert names("sector=crafts") == ["Sơn mài A"]
    assert names("ward=00008") == ["Thiết kế B"]
    assert names("legal_form=cooperative") == ["HTX C"]
    assert names("supported=yes") == []
    assert names("q=0101234565") == ["Sơn mài A"]


def test_a_personal_number_is_shown_only_to_the_coordinator(coordinator: Any) -> None:
    household = enterprise("001085012345", "Hộ Gốm Minh", legal_form="household")
    assert household.key == f"h{household.pk}"
    officer = factories.user(Role.OFFICER, factories.agency())
    seen = client_of(coordinator).get(f"/enterprises/{household.key}/").content.decode()
    hidden = client_of(officer).get(f"/enterprises/{household.key}/").content.decode()
    assert "001085012345" in seen
    assert "001085012345" not in hidden and "personal number, hidden" in hidden
    # The personal number is never an address.
    assert client_of(coordinator).get("/enterprises/001085012345/").status_code == 404


def test_the_coordinator_types_a_branch_and_a_former_commune(coordinator: Any) -> None:
    parent = enterprise("0100233488", "Công ty Mẹ")
    client = Client()
    client.force_login(coordinator)  # Vietnamese page: dates dd/mm/yyyy
    response = client.post(
        "/enterprises/new/",
        {
            "tax_code": "0100233488-001",
            "name_vi": "Chi nhánh Hoàn Kiếm",
            "legal_form": "enterprise",
            "main_vsic": "74.10",
            "other_vsic": "9000; 3290",
            "ward_code": "00001",
            "founded_on": "05/01/2020",
            "status": "active",
        },
    )
    assert response.status_code == 302
    branch = Enterprise.objects.get(tax_code="0100233488001")
    assert response["Location"] == "/enterprises/0100233488001/"
    assert (branch.parent, branch.main_vsic, branch.other_vsic) == (
        parent,
        "7410",
        ["9000", "3290"],
    )
    assert (branch.ward_code, branch.former_ward_code, branch.founded_on) == (
        "00097",
        "00001",
        date(2020, 1, 5),
    )
    page = client.get("/enterprises/0100233488001/").content.decode()
    assert "0100233488-001" in page and "Công ty Mẹ" in page


def test_a_wrong_check_digit_is_refused_by_the_form(coordinator: Any) -> None:
    response = client_of(coordinator).post(
        "/enterprises/new/",
        {"tax_code": "0101234566", "name_vi": "X", "legal_form": "enterprise", "status": "active"},
    )
    assert response.status_code == 200
    assert "check digit" in str(response.context["form"].errors["tax_code"])
    assert not Enterprise.objects.exists()
