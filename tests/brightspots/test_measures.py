"""The registry of models' measures as plan indicators: models recognised in a year (by
ward and sector) and replications started in it; from nominations taken through the
workflow, counts made by hand, each year's value linking to the models behind it."""

from datetime import date

from django.test import Client

from cnvh.brightspots import workflow
from cnvh.brightspots.models import Decision, Replication
from cnvh.plan import values
from cnvh.plan.models import Indicator
from tests.brightspots.conftest import City
from tests.brightspots.test_indicators import recognise


def indicator(key: str) -> Indicator:
    found, _ = Indicator.objects.get_or_create(
        code=key.replace("_", "-"),
        defaults={"name_vi": key, "unit": "models", "source": "registry", "registry": key},
    )
    return found


def records(city: City) -> None:
    """Recognised: the book street in 2024 (ward A, publishing), the pottery village and
    the design lab in 2025 (ward B, crafts; ward A, design); one rejected in 2025.
    Replications of the book street: two started in 2025, one planned for 2026."""
    book = city.admitted("Phố sách")
    pottery = city.admitted("Làng gốm", officer=city.other_officer, agency=city.other_ward)
    lab = city.admitted("Xưởng thiết kế")
    rejected = city.admitted("Chưa đạt")
    pottery.spot.sector, pottery.spot.ward = "crafts", city.other_ward
    pottery.spot.save()
    lab.spot.sector = "design"
    lab.spot.save()
    recognise(city, book, date(2024, 5, 10), "city")
    recognise(city, pottery, date(2025, 11, 2), "ward")
    recognise(city, lab, date(2025, 3, 2), "ward")
    city.score(rejected, city.members[0], "2", "2", "2", "2", "2")
    workflow.decide(
        rejected,
        city.coordinator,
        Decision(outcome="rejected", decided_on=date(2025, 11, 2), reasons="Chưa có kết quả."),
    )
    for ward, started, status in (
        (city.other_ward, date(2025, 1, 1), "under_way"),
        (city.department, date(2025, 6, 1), "in_place"),
        (city.city, date(2026, 2, 1), "planned"),
    ):
        replication = Replication(target=ward, started_on=started, status=status)
        workflow.record_replication(book.spot, city.coordinator, replication)


def test_models_recognised_and_replications(city: City) -> None:
    records(city)
    recognised = indicator("brightspots_recognised")
    assert [(v.year, v.value) for v in values.series(recognised)] == [(2024, 1.0), (2025, 2.0)]
    by_ward = values.breakdown(recognised, "area", 2025)
    assert {(v.key, v.value) for v in by_ward} == {("phuong-a", 1.0), ("phuong-b", 1.0)}
    by_sector = values.breakdown(recognised, "sector", 2025)
    assert {(v.key, v.value) for v in by_sector} == {("crafts", 1.0), ("design", 1.0)}
    replications = values.series(indicator("brightspots_replications"))
    # The planned one is not counted: 2026 has none.
    assert [(v.year, v.value) for v in replications] == [(2025, 2.0), (2026, 0.0)]


def test_each_value_lists_its_models(city: City) -> None:
    records(city)
    client = Client()
    for key, year, shown, hidden in (
        ("brightspots_recognised", 2025, {"Làng gốm", "Xưởng thiết kế"}, {"Phố sách"}),
        ("brightspots_replications", 2025, {"Phố sách"}, {"Làng gốm", "Xưởng thiết kế"}),
    ):
        value = next(v for v in values.series(indicator(key)) if v.year == year)
        assert value.records is not None
        page = client.get(value.records.url).content.decode()
        # The list of models follows the note that it is filtered.
        listed = page.split('class="notice"', 1)[1]
        assert all(name in listed for name in shown), key
        assert not any(name in listed for name in hidden), key
