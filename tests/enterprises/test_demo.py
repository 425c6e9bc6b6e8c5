"""The demo's register and support, made through the workflow after the demo plan."""

from collections import Counter
from datetime import date
from decimal import Decimal

import pytest

from cnvh.enterprises.demo import load_demo_support
from cnvh.enterprises.demo_investment import load_demo_investment
from cnvh.enterprises.indicators import support_indicators
from cnvh.enterprises.investment.figures import investment_figures
from cnvh.enterprises.models import InvestmentProject, SupportCase
from cnvh.enterprises.outcomes import filing_steps
from cnvh.plan.demo.load import load_demo_plan

pytestmark = pytest.mark.django_db
B = Decimal(1_000_000_000)


def test_the_demo_support_through_the_workflow() -> None:
    today = date(2026, 12, 6)
    assert load_demo_plan(today, demo_mode=False) is not None
    loaded = load_demo_support(today)
    assert loaded is not None and (loaded.enterprises, loaded.cases) == (8, 8)
    found = support_indicators()
    # Cases 0–4 approved (300 + 50n million VND), 0, 2 and 4 paid in full and reported,
    # 1 and 3 paid half; 5 under assessment, 6 refused, 7 received.
    assert found.enterprises_supported == 5
    assert found.granted == Decimal(2_000_000_000)
    assert found.disbursed == Decimal(1_200_000_000 + 175_000_000 + 225_000_000)
    assert (found.cases_reported, found.ip_granted) == (3, 1)
    assert SupportCase.history.filter(history_user__username="lanhdao").count() == 6
    assert load_demo_support(today) is None


def test_the_demo_filing_waiting_past_its_examination_is_overdue() -> None:
    today = date(2026, 12, 6)
    load_demo_plan(today, demo_mode=False)
    load_demo_support(today)
    from cnvh.enterprises.models import IPFiling

    waiting = IPFiling.objects.get(application_number="4-2025-90002")
    steps = filing_steps(waiting, today)
    # Published 330 days before today; examination 9 months from publication.
    assert [step.overdue for step in steps.steps] == [False, False, True]
    granted = filing_steps(IPFiling.objects.get(application_number="4-2025-90001"), today)
    assert not granted.overdue
    assert granted.expires is not None and granted.expires.year == granted.filing.filed_on.year + 10


def test_the_demo_projects_through_the_workflow() -> None:
    """A dozen projects; seven under way or stalled on the demo's day, of which four on
    schedule (src/cnvh/enterprises/demo_investment.py, project by project)."""
    today = date(2026, 12, 6)
    load_demo_plan(today, demo_mode=False)
    load_demo_support(today)
    assert load_demo_investment(today) == 12
    statuses = Counter(InvestmentProject.objects.values_list("status", flat=True))
    assert statuses == {
        "proposed": 1,
        "approved": 2,
        "under_way": 6,
        "stalled": 1,
        "operating": 1,
        "cancelled": 1,
    }
    figures = investment_figures(2026, today)
    assert len(figures.under_way) == 7
    assert sorted(p.name_vi for p in figures.on_schedule) == [
        "Chương trình quảng bá thiết kế Hà Nội (minh họa)",
        "Mở rộng studio trò chơi điện tử Rồng Vàng (minh họa)",
        "Phố sách và không gian đọc (minh họa)",
        "Trung tâm Thiết kế Sáng tạo Hà Nội (minh họa)",
    ]
    # 2026's city budget: 50 + 20 + 8 + 4 + 6 + 3 planned; 21 + 0 + 5 + 2 + 0 + 2 paid.
    city = next(c for c in figures.by_source if c.source == "city_budget")
    assert (city.planned, city.disbursed) == (91 * B, 30 * B)
    assert all(p.name_vi.endswith("(minh họa)") for p in InvestmentProject.objects.all())
    assert InvestmentProject.history.filter(history_user__username="lanhdao").count() == 11
    assert load_demo_investment(today) is None
