"""The registry's indicators, against figures counted by hand."""

from datetime import date
from decimal import Decimal

from cnvh.unesco.indicators import Span, compute
from cnvh.unesco.models import Outreach
from tests.unesco.conftest import City, activity, commitment, outreach

TRAINING, SESSION = Outreach.Kind.TRAINING, Outreach.Kind.DISSEMINATION


def _records(city: City) -> None:
    centre = commitment(city, "centre", 20_000_000_000)
    festival = commitment(city, "festival", 12_000_000_000, scope="international")
    commitment(city, "forum", 6_000_000_000, scope="international")  # nothing done yet
    activity(city, centre, date(2023, 3, 1), date(2023, 6, 30), 300_000_000)
    activity(city, festival, date(2023, 11, 10), date(2023, 11, 26), 2_500_000_000, "Bandung")
    # Spans the turn of the year: counted in both years.
    activity(city, festival, date(2024, 12, 20), date(2025, 1, 10), 2_800_000_000, "Seoul")
    outreach(city, TRAINING, city.department, date(2025, 9, 8), None, {"officials": (20, 12)})
    outreach(city, TRAINING, city.department, date(2025, 10, 1), None, {"creatives": (8, 5)})
    outreach(city, TRAINING, city.department, date(2024, 5, 1), None, {"officials": (100, 100)})
    outreach(city, SESSION, city.ward, date(2025, 10, 1), city.ward_officer)
    outreach(city, SESSION, city.ward, date(2025, 11, 1), city.ward_officer)
    outreach(city, SESSION, city.commune, date(2025, 12, 1))
    # A department's session is not a ward's.
    outreach(city, SESSION, city.department, date(2025, 12, 2))


def test_a_year(city: City) -> None:
    _records(city)
    found = compute(Span(2025, 2025))
    assert found.commitments == 3
    assert found.commitments_with_activity == 1  # the festival, by its Dec–Jan activity
    assert found.activities == 1
    assert found.inter_city_activities == 1
    assert found.budget_planned == Decimal(38_000_000_000)
    assert found.budget_executed == Decimal(2_800_000_000)
    assert found.budget_rate == Decimal(2_800) / Decimal(38_000)
    assert (found.trained_women, found.trained_men, found.trained) == (28, 17, 45)
    # Phường A (twice) and Xã C, of Phường A, Phường B and Xã C.
    assert (found.units_disseminating, found.local_units) == (2, 3)
    assert found.coverage == Decimal(2) / Decimal(3)


def test_the_report_period(city: City) -> None:
    _records(city)
    found = compute(Span(2023, 2027))
    assert found.commitments_with_activity == 2
    assert found.activities == 3
    assert found.inter_city_activities == 2
    assert found.budget_executed == Decimal(5_600_000_000)
    assert (found.trained_women, found.trained_men) == (128, 117)


def test_nothing_recorded(city: City) -> None:
    found = compute(Span(2026, 2026))
    assert found.budget_rate is None
    assert found.trained == 0
    assert found.coverage == 0
