"""A craft village's recognition criteria computed from its records, against the
thresholds in force on the day asked about."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from cnvh.crafts import criteria
from cnvh.crafts.models import RecognitionThreshold
from tests.crafts import make

pytestmark = pytest.mark.django_db
DAY = date(2026, 6, 1)


def test_a_village_at_the_thresholds_meets_them() -> None:
    # 200 of 1.000 households is 20,00%: the minimum itself; 2 years stable.
    village = make.village(households_total=1000, households_in_trade=200, years_stable=2)
    found = criteria.criteria(village, DAY)
    assert [(row.value, row.minimum, row.met) for row in found] == [
        (Decimal("20.00"), Decimal(20), True),
        (Decimal(2), Decimal(2), True),
        (True, None, True),
    ]
    assert criteria.meets_all(village, DAY)


def test_a_village_below_the_thresholds_does_not() -> None:
    # 199 of 1.000 is 19,90%; one year of stable production; environment not met.
    village = make.village(
        households_total=1000,
        households_in_trade=199,
        years_stable=1,
        environment_compliant=False,
    )
    found = criteria.criteria(village, DAY)
    assert [(row.value, row.met) for row in found] == [
        (Decimal("19.90"), False),
        (Decimal(1), False),
        (False, False),
    ]


def test_the_share_is_rounded_to_two_decimals() -> None:
    # 1 of 3 households: 33,333…% shown as 33,33%.
    village = make.village(households_total=3, households_in_trade=1)
    assert criteria.household_share(village) == Decimal("33.33")


def test_a_new_threshold_applies_from_its_date_and_the_old_one_before() -> None:
    old = RecognitionThreshold.objects.get(criterion="household_share")
    old.valid_to = date(2026, 12, 31)
    old.save()
    RecognitionThreshold.objects.create(
        criterion="household_share",
        minimum=Decimal(30),
        legal_basis="Test",
        valid_from=date(2027, 1, 1),
    )
    village = make.village(households_total=100, households_in_trade=25)
    assert criteria.criteria(village, date(2026, 12, 31))[0].met is True
    assert criteria.criteria(village, date(2027, 1, 1))[0].met is False


def test_no_households_cannot_be_judged() -> None:
    village = make.village(households_total=0, households_in_trade=0)
    assert criteria.criteria(village, DAY)[0].met is None


def test_a_threshold_without_a_valid_start_is_refused_on_its_field() -> None:
    from cnvh.crafts.forms import ThresholdForm

    form = ThresholdForm(
        {"criterion": "stable_years", "minimum": "3", "legal_basis": "x", "valid_from": "abc"}
    )
    assert not form.is_valid()
    assert set(form.errors) == {"valid_from"}


def test_an_overlapping_threshold_is_refused() -> None:
    from cnvh.crafts.forms import ThresholdForm

    form = ThresholdForm(
        {
            "criterion": "stable_years",
            "minimum": "3",
            "legal_basis": "x",
            "valid_from": "01/01/2027",
        }
    )
    assert not form.is_valid()
    with translation.override("en"):
        assert "in force during these dates" in str(form.errors)
