"""The support register's measures as plan indicators: enterprises supported (by ward
and sector), support granted and disbursed in VND, IP titles granted to supported
enterprises; from cases taken through the workflow, against sums made by hand, each
year's value linking to the enterprises behind it."""

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from cnvh.enterprises import workflow
from cnvh.enterprises.models import IPFiling, Programme
from cnvh.plan import values
from cnvh.plan.models import Indicator
from tests import factories
from tests.enterprises.conftest import enterprise

pytestmark = pytest.mark.django_db


def indicator(key: str, unit: str = "enterprises") -> Indicator:
    return Indicator.objects.create(
        code=key.replace("_", "-"), name_vi=key, unit=unit, source="registry", registry=key
    )


def title(firm: Any, number: str, decided_on: date) -> None:
    IPFiling.objects.create(
        enterprise=firm,
        kind="trademark",
        title=f"Nhãn hiệu {number}",
        application_number=number,
        filed_on=date(2024, 1, 8),
        stage="granted",
        decided_on=decided_on,
    )


@pytest.fixture
def cases(coordinator: Any) -> dict[str, Any]:
    """2025: A approved (400 million, 150 paid in 2025 and 100 in 2026). 2026: A again,
    by another programme (100 million), B (250 million, all paid); C refused. Titles:
    A's in 2026, D's (never supported) in 2026, B's in 2025."""
    owner = factories.agency("so-khcn")
    digital = Programme.objects.create(code="so", name_vi="Số", kind="digital", owner=owner)
    ip = Programme.objects.create(code="shtt", name_vi="SHTT", kind="ip", owner=owner)
    a = enterprise("0101234565", "Gốm A", main_vsic="3290", ward_code="00004")
    b = enterprise("0105556669", "Thiết kế B", main_vsic="7410", ward_code="00008")
    c = enterprise("0107778882", "Thiết kế C", main_vsic="7410", ward_code="00008")
    d = enterprise("0100109106", "Doanh nghiệp D", main_vsic="7410", ward_code="00008")
    u = coordinator

    def case(firm: Any, decided_on: date, granted: int | None, programme: Any = digital) -> Any:
        made = workflow.receive(
            programme, firm, date(decided_on.year, 1, 5), Decimal(900_000_000), u
        )
        workflow.review(made, 75, "", u)
        if granted is None:
            return workflow.refuse(made, decided_on, "1/QĐ", "Thiếu hồ sơ", u)
        due = date(decided_on.year, 12, 1)
        return workflow.approve(made, decided_on, "2/QĐ", Decimal(granted), due, u)

    first = case(a, date(2025, 6, 2), 400_000_000)
    workflow.disburse(first, date(2025, 7, 1), Decimal(150_000_000), "", u)
    workflow.disburse(first, date(2026, 2, 1), Decimal(100_000_000), "", u)
    case(a, date(2026, 3, 2), 100_000_000, ip)
    second = case(b, date(2026, 4, 1), 250_000_000)
    workflow.disburse(second, date(2026, 5, 1), Decimal(250_000_000), "", u)
    case(c, date(2026, 4, 1), None)
    title(a, "4-2026-00001", date(2026, 2, 1))
    title(d, "4-2026-00002", date(2026, 3, 1))
    title(b, "4-2025-00003", date(2025, 9, 1))
    return {"coordinator": u}


def pairs(key: str, unit: str = "enterprises") -> list[tuple[int, float]]:
    return [(v.year, v.value) for v in values.series(indicator(key, unit))]


def test_supported_granted_disbursed_and_titles(cases: dict[str, Any]) -> None:
    assert pairs("enterprises_supported") == [(2025, 1.0), (2026, 2.0)]
    assert pairs("support_granted", "VND") == [(2025, 400e6), (2026, 350e6)]
    # Disbursed on the cases decided in the year, whenever paid.
    assert pairs("support_disbursed", "VND") == [(2025, 250e6), (2026, 250e6)]
    # D's title is not counted: D never had support approved.
    assert pairs("ip_titles_supported", "titles") == [(2025, 1.0), (2026, 1.0)]


def test_enterprises_supported_by_ward_and_sector(cases: dict[str, Any]) -> None:
    supported = indicator("enterprises_supported")
    by_ward = values.breakdown(supported, "area", 2026)
    assert {(v.key, v.value) for v in by_ward} == {("00004", 1.0), ("00008", 1.0)}
    by_sector = values.breakdown(supported, "sector", 2026)
    assert {(v.key, v.value) for v in by_sector} == {("crafts", 1.0), ("design", 1.0)}


def test_each_value_lists_its_enterprises(cases: dict[str, Any]) -> None:
    client = Client()
    client.force_login(cases["coordinator"])
    for key, year, shown, hidden in (
        ("enterprises_supported", 2026, {"Gốm A", "Thiết kế B"}, {"Thiết kế C", "Doanh nghiệp D"}),
        ("support_granted", 2025, {"Gốm A"}, {"Thiết kế B", "Thiết kế C"}),
        ("ip_titles_supported", 2026, {"Gốm A"}, {"Doanh nghiệp D", "Thiết kế B"}),
    ):
        value = next(v for v in values.series(indicator(key)) if v.year == year)
        assert value.records is not None
        page = client.get(value.records.url).content.decode()
        assert all(name in page for name in shown), key
        assert not any(name in page for name in hidden), key
