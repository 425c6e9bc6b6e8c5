import pytest

from cnvh.web import targets


def test_plan_targets_are_five_percent_in_2025_and_eight_in_2030() -> None:
    assert [(t.year, t.share) for t in targets.PLAN_TARGETS] == [(2025, 0.05), (2030, 0.08)]
    assert "217/KH-UBND" in str(targets.PLAN_TARGETS[0].source)


def test_trajectory_from_the_baseline_through_the_targets() -> None:
    start = targets.baseline({2019: 0.04, 2021: 0.036, 2024: 0.042})
    assert start == (2021, 0.036)
    assert targets.trajectory(2021, start) == pytest.approx(0.036)
    assert targets.trajectory(2023, start) == pytest.approx(0.043)
    assert targets.trajectory(2025, start) == pytest.approx(0.05)
    assert targets.trajectory(2028, start) == pytest.approx(0.068)
    assert targets.trajectory(2030, start) == pytest.approx(0.08)
    assert targets.trajectory(2020, start) is None
    assert targets.trajectory(2031, start) is None


def test_baseline_falls_back_to_the_first_year_before_the_first_target() -> None:
    assert targets.baseline({2022: 0.03, 2023: 0.031}) == (2022, 0.03)
    assert targets.baseline({2026: 0.05}) is None


def test_without_baseline_only_between_targets() -> None:
    assert targets.trajectory(2024, None) is None
    assert targets.trajectory(2027, None) == pytest.approx(0.062)


def test_targets_apply_to_the_plans_definition_only() -> None:
    assert targets.applies_to("hanoi-plan")
    assert not targets.applies_to("fcs-core")
    assert not targets.applies_to("dcms-creative")
