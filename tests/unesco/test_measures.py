"""The UNESCO and training registry's measures as plan indicators: commitments with
activity in the year, people trained, wards and communes with a dissemination session
and their coverage; records made through the workflow, figures counted by hand, each
year's value linking to the records behind it."""

from django.test import Client

from cnvh.plan import values
from cnvh.plan.models import Indicator
from tests.unesco.conftest import City
from tests.unesco.test_indicators import _records


def indicator(key: str) -> Indicator:
    found, _ = Indicator.objects.get_or_create(
        code=key.replace("_", "-"),
        defaults={"name_vi": key, "unit": "people", "source": "registry", "registry": key},
    )
    return found


def series(key: str) -> list[tuple[int, float]]:
    return [(v.year, round(v.value, 4)) for v in values.series(indicator(key))]


def test_the_measures_by_year(city: City) -> None:
    _records(city)
    # The centre's activity in 2023 and the festival's in 2023 and across 2024–2025.
    assert series("unesco_commitments_active") == [(2023, 2.0), (2024, 1.0), (2025, 1.0)]
    # 2024: 100 women and 100 men; 2025: 20 + 12 and 8 + 5.
    assert series("people_trained") == [(2024, 200.0), (2025, 45.0)]
    # 2025: Phường A and Xã C held sessions (the department's is not a ward's), of the
    # three wards and communes that exist.
    assert series("units_disseminating") == [(2025, 2.0)]
    assert series("dissemination_coverage") == [(2025, 66.6667)]


def test_each_value_lists_its_records(city: City) -> None:
    _records(city)
    client = Client()
    client.force_login(city.coordinator)
    for key, year, shown, hidden in (
        ("unesco_commitments_active", 2025, {"Cam kết festival"}, {"Cam kết centre"}),
        ("people_trained", 2024, {"training 2024-05-01"}, {"training 2025-09-08"}),
        ("units_disseminating", 2025, {"dissemination 2025-10-01"}, {"training 2025"}),
    ):
        value = next(v for v in values.series(indicator(key)) if v.year == year)
        assert value.records is not None
        page = client.get(value.records.url).content.decode()
        assert all(text in page for text in shown), key
        assert not any(text in page for text in hidden), key
