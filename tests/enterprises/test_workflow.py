"""A support case through its steps, each gated by the rules; the disbursed total never
above the amount granted."""

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cnvh.enterprises import workflow
from cnvh.enterprises.models import CaseStage, Programme
from cnvh.plan.models import Role
from tests import factories
from tests.enterprises.conftest import enterprise

pytestmark = pytest.mark.django_db


@pytest.fixture
def people() -> dict[str, Any]:
    owner = factories.agency("so-cong-thuong")
    return {
        "owner": owner,
        "officer": factories.user(Role.OFFICER, owner),
        "leader": factories.user(Role.LEADER, owner),
        "stranger": factories.user(Role.OFFICER, factories.agency()),
    }


def test_a_case_from_receipt_to_its_report(people: dict[str, Any]) -> None:
    programme = Programme.objects.create(
        code="so-hoa", name_vi="Chuyển đổi số", kind="digital", owner=people["owner"]
    )
    firm = enterprise("0101234565")
    officer, leader = people["officer"], people["leader"]
    with pytest.raises(PermissionDenied):
        workflow.receive(
            programme, firm, date(2026, 3, 2), Decimal(2_000_000_000), people["stranger"]
        )
    case = workflow.receive(programme, firm, date(2026, 3, 2), Decimal(2_000_000_000), officer)
    with pytest.raises(PermissionDenied):  # no decision before an assessment
        workflow.approve(
            case, date(2026, 4, 1), "12/QĐ-SCT", Decimal(1), date(2026, 12, 31), leader
        )
    workflow.review(case, 82, "Đạt", officer)
    assert case.stage == CaseStage.ASSESSMENT
    with pytest.raises(PermissionDenied):  # an officer does not decide
        workflow.approve(
            case, date(2026, 4, 1), "12/QĐ-SCT", Decimal(1), date(2026, 12, 31), officer
        )
    granted = Decimal(1_250_000_000)
    workflow.approve(case, date(2026, 4, 1), "12/QĐ-SCT", granted, date(2026, 12, 31), leader)
    workflow.disburse(case, date(2026, 5, 4), Decimal(750_000_000), "Đợt 1", officer)
    workflow.disburse(case, date(2026, 8, 3), Decimal(500_000_000), "Đợt 2", officer)
    with pytest.raises(ValidationError):  # 1 đồng more than granted
        workflow.disburse(case, date(2026, 9, 1), Decimal(1), "Đợt 3", officer)
    assert case.disbursed() == granted
    workflow.receive_report(case, date(2026, 12, 20), "Số hóa 3 quy trình", officer)
    case.refresh_from_db()
    assert (case.stage, case.report_received_on) == (CaseStage.REPORTED, date(2026, 12, 20))
    # received, under assessment, approved, report received
    assert case.history.count() == 4


def test_a_refusal_needs_its_reason(people: dict[str, Any]) -> None:
    programme = Programme.objects.create(
        code="nhan-hieu", name_vi="Nhãn hiệu", kind="ip", owner=people["owner"]
    )
    case = workflow.receive(
        programme, enterprise("0105556669"), date(2026, 3, 2), Decimal(100), people["officer"]
    )
    workflow.review(case, 30, "Thiếu hồ sơ", people["officer"])
    with pytest.raises(ValidationError):
        workflow.refuse(case, date(2026, 4, 1), "13/QĐ", " ", people["leader"])
    workflow.refuse(case, date(2026, 4, 1), "13/QĐ", "Không đủ điều kiện", people["leader"])
    assert case.stage == CaseStage.REFUSED
    with pytest.raises(PermissionDenied):
        workflow.disburse(case, date(2026, 5, 1), Decimal(1), "", people["officer"])
