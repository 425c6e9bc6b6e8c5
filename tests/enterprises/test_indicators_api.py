"""The support indicators from the records, by hand; the same through the API; the case
page's forms typed in Vietnamese."""

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from cnvh.enterprises import workflow
from cnvh.enterprises.indicators import support_indicators
from cnvh.enterprises.models import IPFiling, Programme
from cnvh.plan.models import Role
from tests import factories
from tests.enterprises.conftest import enterprise

pytestmark = pytest.mark.django_db


@pytest.fixture
def supported(coordinator: Any) -> dict[str, Any]:
    """Two programmes; A (crafts, ward 00004) approved in both, one report in; B
    (design, 00008) approved once; C refused."""
    owner = factories.agency("so-cong-thuong")
    digital = Programme.objects.create(code="so", name_vi="Số", kind="digital", owner=owner)
    ip = Programme.objects.create(code="shtt", name_vi="SHTT", kind="ip", owner=owner)
    a = enterprise("0101234565", "A", main_vsic="3290", ward_code="00004")
    b = enterprise("0105556669", "B", main_vsic="7410", ward_code="00008")
    c = enterprise("0107778882", "C", main_vsic="7410", ward_code="00008")
    u = coordinator

    def case(programme: Programme, firm: Any, granted: int | None) -> Any:
        made = workflow.receive(programme, firm, date(2026, 2, 2), Decimal(900_000_000), u)
        workflow.review(made, 70, "", u)
        if granted is None:
            return workflow.refuse(made, date(2026, 3, 2), "1/QĐ", "Thiếu", u)
        return workflow.approve(
            made, date(2026, 3, 2), "2/QĐ", Decimal(granted), date(2026, 12, 1), u
        )

    first = case(digital, a, 500_000_000)
    case(ip, a, 100_000_000)
    second = case(digital, b, 250_000_000)
    case(ip, c, None)
    workflow.disburse(first, date(2026, 4, 1), Decimal(300_000_000), "", u)
    workflow.disburse(second, date(2026, 4, 1), Decimal(250_000_000), "", u)
    workflow.receive_report(first, date(2026, 11, 2), "Xong", u)
    IPFiling.objects.create(
        enterprise=a,
        kind="trademark",
        title="Sơn mài A",
        application_number="4-2026-00001",
        filed_on=date(2025, 1, 6),
        stage="granted",
        decided_on=date(2026, 2, 1),
    )
    return {"coordinator": u}


def test_the_indicators_by_hand(supported: dict[str, Any]) -> None:
    found = support_indicators()
    assert found.enterprises_supported == 2  # A and B; C was refused
    assert found.by_kind == {"digital": 2, "ip": 1}
    assert found.by_sector == {"crafts": 1, "design": 1}
    assert found.by_ward == {"00004": 1, "00008": 1}
    assert found.granted == Decimal(850_000_000)
    assert found.disbursed == Decimal(550_000_000)
    assert found.ip_granted == 1
    assert found.reported_share == Decimal(1) / Decimal(3)
    assert support_indicators(2025).enterprises_supported == 0


def test_the_api_gives_the_same(supported: dict[str, Any]) -> None:
    client = Client()
    client.force_login(supported["coordinator"])
    body = client.get("/api/support-indicators").json()
    assert body["enterprises_supported"] == 2
    assert Decimal(body["granted_vnd"]) == Decimal(850_000_000)
    listed = client.get("/api/enterprises?sector=crafts").json()
    assert [item["name_vi"] for item in listed["items"]] == ["A"]
    one = client.get("/api/enterprises/0101234565").json()
    assert sorted(case["status"] for case in one["cases"]) == ["approved", "reported"]
    assert "reviews" not in str(one)
    programmes = client.get("/api/programmes").json()
    assert [p["code"] for p in programmes] == ["shtt", "so"]


def test_a_personal_number_is_null_in_the_api_for_an_officer(coordinator: Any) -> None:
    enterprise("001085012345", "Hộ D", legal_form="household")
    officer = factories.user(Role.OFFICER, factories.agency())
    client = Client()
    client.force_login(officer)
    [item] = client.get("/api/enterprises").json()["items"]
    assert item["tax_code"] is None and item["key"].startswith("h")


def test_a_disbursement_typed_above_the_grant_is_refused_on_the_page(
    supported: dict[str, Any],
) -> None:
    case = Programme.objects.get(code="so").cases.get(enterprise__tax_code="0105556669")
    client = Client()
    client.force_login(supported["coordinator"])  # a Vietnamese page
    response = client.post(
        f"/enterprises/cases/{case.pk}/disburse/",
        {"paid_on": "15/05/2026", "amount": "1.000", "note": "Đợt 2"},
    )
    assert response.status_code == 400
    assert "250.000.000" in response.content.decode()
    assert case.disbursed() == Decimal(250_000_000)
