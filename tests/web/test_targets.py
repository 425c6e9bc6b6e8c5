"""The plan's targets on the pages come from the share indicator, not from code."""

import pytest

from cnvh.estimates.models import Estimate
from cnvh.plan import targets
from cnvh.plan.models import Indicator
from cnvh.plan.trajectory import Status

pytestmark = pytest.mark.django_db


def test_targets_are_the_indicators(
    share_indicator: Indicator, published_estimate: Estimate
) -> None:
    plan = targets.plan_targets(published_only=True)
    assert plan is not None
    assert [(t.year, t.share) for t in plan.targets] == [(2025, 0.05), (2030, 0.08)]
    assert "217/KH-UBND" in plan.targets[0].document
    assert plan.targets[1].note == "Mục tiêu được báo chí đưa tin"


def test_trajectory_from_the_estimates_baseline_through_the_targets(
    share_indicator: Indicator, published_estimate: Estimate
) -> None:
    plan = targets.plan_targets(published_only=True)
    assert plan is not None
    # Baseline: the estimate's own 3.5% in 2021; then 5% in 2025 and 8% in 2030.
    assert plan.trajectory(2021) == pytest.approx(0.035)
    assert plan.trajectory(2024) == pytest.approx(0.04625)
    assert plan.trajectory(2025) == pytest.approx(0.05)
    assert plan.trajectory(2028) == pytest.approx(0.068)
    assert plan.trajectory(2020) is None
    assert plan.trajectory(2031) is None


def test_status_of_the_latest_year(
    share_indicator: Indicator, published_estimate: Estimate
) -> None:
    # 2024: expected 4.625%, observed 4.2%: ratio 0.7 / 1.125 = 0.622, at risk.
    plan = targets.plan_targets(published_only=True)
    assert plan is not None
    assert plan.assessment.status == Status.AT_RISK
    assert plan.assessment.ratio == pytest.approx(0.7 / 1.125)


def test_a_stated_baseline_wins(share_indicator: Indicator, published_estimate: Estimate) -> None:
    share_indicator.baseline_value = 3
    share_indicator.save()
    plan = targets.plan_targets(published_only=True)
    assert plan is not None
    assert plan.trajectory(2023) == pytest.approx(0.04)  # 3% + (5% - 3%) x 2/4


def test_targets_apply_to_the_indicators_definition_only(share_indicator: Indicator) -> None:
    plan = targets.plan_targets(published_only=False)
    assert plan is not None
    assert plan.applies_to("hanoi-plan")
    assert not plan.applies_to("fcs-core")


def test_the_public_sees_no_unpublished_targets(share_indicator: Indicator) -> None:
    share_indicator.published = False
    share_indicator.save()
    assert targets.plan_targets(published_only=True) is None
    assert targets.plan_targets(published_only=False) is not None
