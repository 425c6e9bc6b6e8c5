"""The registry's indicators, computed from its records, against counts made by hand;
and the list of models recognised in a period that other reports use."""

from datetime import date
from decimal import Decimal

from cnvh.brightspots import indicators, workflow
from cnvh.brightspots.models import Decision, Nomination, Replication
from tests.brightspots.conftest import City


def recognise(city: City, nomination: Nomination, day: date, level: str) -> None:
    city.score(nomination, city.members[0], "8", "8", "8", "8", "8")
    decision = Decision(
        outcome=Decision.Outcome.RECOGNISED,
        number=f"{nomination.pk}/QĐ-UBND",
        decided_on=day,
        level=level,
        valid_until=date(day.year + 3, day.month, day.day),
    )
    workflow.decide(nomination, city.coordinator, decision)


def test_counts_by_level_sector_ward_and_replications(city: City) -> None:
    book = city.admitted("Phố sách")  # publishing, first ward
    crafts = city.admitted("Làng gốm", officer=city.other_officer, agency=city.other_ward)
    rejected = city.admitted("Chưa đạt")
    crafts.spot.sector, crafts.spot.ward = "crafts", city.other_ward
    crafts.spot.save()
    recognise(city, book, date(2024, 5, 10), "city")
    recognise(city, crafts, date(2025, 11, 2), "ward")
    city.score(rejected, city.members[0], "2", "2", "2", "2", "2")
    workflow.decide(
        rejected,
        city.coordinator,
        Decision(outcome="rejected", decided_on=date(2025, 11, 2), reasons="Chưa có kết quả."),
    )
    spot = book.spot
    for ward in (city.other_ward, city.department):
        workflow.record_replication(
            spot,
            city.coordinator,
            Replication(target=ward, started_on=date(2025, 1, 1), status="under_way"),
        )
    # Results after the year of recognition (2024): the book street still reports.
    workflow.add_result(
        spot, city.coordinator, workflow.ResultRow(2025, "Lượt khách", "lượt", Decimal(1))
    )

    figures = indicators.compute(date(2026, 1, 15))
    assert figures.total == 2
    assert figures.by_level == {"city": 1, "ward": 1}
    assert figures.by_sector == {"publishing": 1, "crafts": 1}
    assert figures.by_ward == {city.ward.pk: 1, city.other_ward.pk: 1}
    assert figures.replications == {book.spot_id: 2, crafts.spot_id: 0}
    # Recognised by 15/01/2025: only the book street (the pottery village in 11/2025).
    assert (figures.recognised_a_year_ago, figures.still_reporting) == (1, 1)
    assert figures.still_reporting_share == 1.0


def test_recognised_in_a_period(city: City) -> None:
    first, second, third = (city.admitted(name) for name in ("A", "B", "C"))
    recognise(city, first, date(2025, 12, 31), "ward")
    recognise(city, second, date(2026, 1, 1), "ward")
    recognise(city, third, date(2026, 6, 30), "city")
    found = indicators.recognised_in(date(2026, 1, 1), date(2026, 6, 30))
    assert [decision.nomination.spot.name_vi for decision in found] == ["B", "C"]
