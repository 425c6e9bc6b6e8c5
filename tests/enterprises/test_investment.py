"""An investment project through its steps, each gated by the rules; bad input refused
with a message naming the field and nothing saved; the figures of a year computed by
hand from the records."""

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from cnvh.enterprises.investment import workflow
from cnvh.enterprises.investment.figures import investment_figures, on_schedule, status_on
from cnvh.enterprises.models import CapitalLine, Enterprise, InvestmentProject, StatusChange
from cnvh.plan.models import Role
from tests import factories
from tests.enterprises.conftest import enterprise

pytestmark = pytest.mark.django_db
B = Decimal(1_000_000_000)  # one billion VND (một tỷ đồng)


@pytest.fixture
def people() -> dict[str, Any]:
    manager = factories.agency("so-vhtt")
    return {
        "manager": manager,
        "officer": factories.user(Role.OFFICER, manager),
        "leader": factories.user(Role.LEADER, manager),
        "stranger": factories.user(Role.OFFICER, factories.agency()),
        "stranger_leader": factories.user(Role.LEADER, factories.agency()),
    }


def project(people: dict[str, Any], **fields: Any) -> InvestmentProject:
    if "investor_agency" not in fields:
        found = Enterprise.objects.filter(tax_code="0101234565").first()
        fields["investor_enterprise"] = found or enterprise("0101234565", "Công ty Gốm")
    return InvestmentProject(
        name_vi=fields.pop("name_vi", "Trung tâm sáng tạo Gốm"),
        managing_agency=people["manager"],
        total_capital=fields.pop("total_capital", 20 * B),
        **fields,
    )


def messages_of(error: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return error.value.message_dict


def test_a_project_from_proposal_to_operation(people: dict[str, Any]) -> None:
    officer, leader = people["officer"], people["leader"]
    with pytest.raises(PermissionDenied):  # an officer of another agency
        workflow.propose(project(people), date(2025, 1, 6), people["stranger"])
    made = workflow.propose(project(people), date(2025, 1, 6), officer)
    assert made.status == "proposed"
    with pytest.raises(PermissionDenied):  # an officer does not approve
        workflow.move(made, "approve", date(2025, 3, 5), "", officer, "15/QĐ-UBND")
    with pytest.raises(PermissionDenied):  # nor a leader of another agency
        workflow.move(made, "approve", date(2025, 3, 5), "", people["stranger_leader"], "1")
    workflow.move(made, "approve", date(2025, 3, 5), "", leader, "15/QĐ-UBND")
    assert (made.status, made.investment_decision_number, made.investment_decided_on) == (
        "approved",
        "15/QĐ-UBND",
        date(2025, 3, 5),
    )
    workflow.move(made, "start", date(2025, 4, 1), "", officer)
    workflow.move(made, "stall", date(2025, 9, 1), "Vướng giải phóng mặt bằng", officer)
    workflow.move(made, "start", date(2025, 11, 3), "", officer)
    workflow.move(made, "operate", date(2026, 6, 30), "", officer)
    steps = list(made.steps.values_list("status", "on", "reason"))
    assert steps == [
        ("proposed", date(2025, 1, 6), ""),
        ("approved", date(2025, 3, 5), ""),
        ("under_way", date(2025, 4, 1), ""),
        ("stalled", date(2025, 9, 1), "Vướng giải phóng mặt bằng"),
        ("under_way", date(2025, 11, 3), ""),
        ("operating", date(2026, 6, 30), ""),
    ]
    # The status on a day is the last step up to it.
    assert status_on(made, date(2025, 10, 1)) == "stalled"
    assert status_on(made, date(2025, 1, 5)) is None
    with pytest.raises(PermissionDenied):  # operating: no step left to take
        workflow.move(made, "cancel", date(2026, 7, 1), "Thôi", leader)
    # Each change is kept with who made it.
    assert made.history.filter(history_user=leader, status="approved").exists()


def test_a_decision_of_investment_before_the_decision_in_principle_is_refused(
    people: dict[str, Any],
) -> None:
    made = workflow.propose(
        project(
            people, principle_decision_number="7/QĐ-UBND", principle_decided_on=date(2025, 2, 10)
        ),
        date(2025, 1, 6),
        people["officer"],
    )
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        workflow.move(made, "approve", date(2025, 2, 3), "", people["leader"], "15/QĐ-UBND")
    assert messages_of(refused)["investment_decided_on"] == [
        "Decision of investment: dated 03/02/2025, before the decision in principle of"
        " 10/02/2025. Correct either date."
    ]
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        workflow.move(made, "approve", date(2025, 2, 3), "", people["leader"], "15/QĐ-UBND")
    assert messages_of(refused)["investment_decided_on"][0].startswith(
        "Quyết định đầu tư: ngày 03/02/2025"
    )
    made.refresh_from_db()
    assert (made.status, made.investment_decided_on) == ("proposed", None)
    assert made.steps.count() == 1


def test_dates_out_of_order_are_refused_and_nothing_saved(people: dict[str, Any]) -> None:
    officer = people["officer"]
    backwards = project(people, starts_on=date(2026, 5, 1), ends_on=date(2026, 4, 30))
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        workflow.propose(backwards, date(2025, 1, 6), officer)
    assert messages_of(refused)["ends_on"] == [
        "Planned completion: 30/04/2026 is before the planned start 01/05/2026."
    ]
    assert not InvestmentProject.objects.exists()
    made = workflow.propose(project(people), date(2025, 1, 6), officer)
    workflow.move(made, "approve", date(2025, 3, 5), "", people["leader"], "15/QĐ-UBND")
    with pytest.raises(ValidationError) as refused:  # a step dated before the previous one
        workflow.move(made, "start", date(2025, 3, 1), "", officer)
    assert list(messages_of(refused)) == ["on"]
    with pytest.raises(ValidationError) as refused:  # stalled without a reason
        workflow.move(made, "start", date(2025, 4, 1), "", officer)
        workflow.move(made, "stall", date(2025, 5, 1), " ", officer)
    assert list(messages_of(refused)) == ["reason"]
    assert StatusChange.objects.filter(project=made).count() == 3


def test_disbursement_above_the_planned_amount_is_refused(people: dict[str, Any]) -> None:
    officer = people["officer"]
    made = workflow.propose(project(people), date(2025, 1, 6), officer)
    with pytest.raises(ValidationError) as refused:  # nothing is paid before approval
        workflow.record_capital(made, 2025, "city_budget", 5 * B, B, officer)
    assert list(messages_of(refused)) == ["disbursed"]
    workflow.move(made, "approve", date(2025, 3, 5), "", people["leader"], "15/QĐ-UBND")
    workflow.record_capital(made, 2025, "city_budget", 5 * B, 2 * B, officer)
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        workflow.record_capital(made, 2025, "city_budget", 5 * B, Decimal(5_000_000_001), officer)
    assert messages_of(refused)["disbursed"] == [
        "Disbursed: 5.000.000.001 VND is above the 5.000.000.000 VND planned from this source"
        " in 2025. Raise the planned amount or correct the disbursement."
    ]
    # The line keeps what it had.
    line = CapitalLine.objects.get(project=made)
    assert (line.planned, line.disbursed) == (5 * B, 2 * B)
    # 5 + 15 = 20 billion fills the total; one more đồng of plan does not fit.
    workflow.record_capital(made, 2026, "private", 15 * B, Decimal(0), officer)
    with pytest.raises(ValidationError) as refused:
        workflow.record_capital(made, 2027, "oda", Decimal(1), Decimal(0), officer)
    assert list(messages_of(refused)) == ["planned"]
    with pytest.raises(PermissionDenied):
        workflow.record_capital(made, 2026, "private", 15 * B, B, people["stranger"])


def test_the_figures_of_a_year(people: dict[str, Any]) -> None:
    """Three projects; 2025's capital and schedule at the year's end, by hand."""
    officer, leader = people["officer"], people["leader"]
    first = workflow.propose(project(people, ends_on=date(2027, 12, 31)), date(2025, 1, 6), officer)
    second = workflow.propose(
        project(people, name_vi="Nhà hát", total_capital=50 * B), date(2025, 1, 6), officer
    )
    third = workflow.propose(
        project(people, name_vi="Bảo tàng", total_capital=8 * B), date(2025, 1, 6), officer
    )
    for made, day in ((first, date(2025, 3, 5)), (second, date(2025, 2, 1))):
        workflow.move(made, "approve", day, "", leader, "1/QĐ")
        workflow.move(made, "start", date(2025, 4, 1), "", officer)
    workflow.record_capital(first, 2025, "city_budget", 6 * B, 4 * B, officer)
    workflow.record_capital(first, 2025, "private", 2 * B, 2 * B, officer)
    workflow.record_capital(second, 2025, "city_budget", 10 * B, 3 * B, officer)
    workflow.record_capital(second, 2026, "city_budget", 30 * B, Decimal(0), officer)
    # The second project missed a milestone due in November 2025.
    milestone = workflow.add_milestone(second, "Hoàn thành phần thô", date(2025, 11, 30), officer)
    workflow.add_milestone(first, "Khởi công", date(2025, 4, 15), officer)
    figures = investment_figures(2025, today=date(2026, 3, 1))
    assert figures.day == date(2025, 12, 31)
    by_source = {c.source: (c.planned, c.disbursed, c.projects) for c in figures.by_source}
    assert by_source == {
        "city_budget": (16 * B, 7 * B, (first.pk, second.pk)),
        "private": (2 * B, 2 * B, (first.pk,)),
    }
    assert (figures.total.planned, figures.total.disbursed) == (18 * B, 9 * B)
    assert figures.total.disbursed_share == Decimal(9) / Decimal(18)
    assert {p.pk for p in figures.approved} == {first.pk, second.pk}
    assert {p.pk for p in figures.under_way} == {first.pk, second.pk}
    # The first's milestone of April is not done: it is behind as well.
    assert figures.on_schedule == []
    workflow.mark_done(first.milestones.get(), date(2025, 4, 20), officer)
    figures = investment_figures(2025, today=date(2026, 3, 1))
    assert [p.pk for p in figures.on_schedule] == [first.pk]
    assert [p.pk for p in figures.behind] == [second.pk]
    # Within 2025, before November's milestone was due, the second was on schedule.
    loaded = investment_figures(2025, today=date(2025, 10, 1))
    assert {p.pk for p in loaded.on_schedule} == {first.pk, second.pk}
    workflow.mark_done(milestone, date(2025, 12, 10), officer)
    second.refresh_from_db()
    assert on_schedule(InvestmentProject.objects.get(pk=second.pk), date(2026, 1, 5))
    assert third.status == "proposed"
