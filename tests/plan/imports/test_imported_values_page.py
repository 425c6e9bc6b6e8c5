"""The indicator page says which import each imported value came from (file, row,
checksum, when, and for members who), lists the imports and the values they replaced."""

import csv
from decimal import Decimal

import pytest
from django.test import Client

from cnvh.exchange.models import ImportRecord
from cnvh.plan.imports import IndicatorValueKind
from cnvh.plan.models import Indicator, Role
from tests import factories
from tests.plan.imports.support import record, rows, run
from tests.web.conftest import as_member, page

pytestmark = pytest.mark.django_db
KIND = IndicatorValueKind()


@pytest.fixture
def imported(db: None) -> tuple[ImportRecord, ImportRecord]:
    factories.agency(
        "00004", kind="ward", name_vi="UBND Phường Ba Đình", short_name="Ba Đình", unit_code="00004"
    )
    factories.indicator(
        "cultural-visits",
        name_en="Visits to cultural sites",
        unit="thousand visits",
        source=Indicator.Source.IMPORTED,
        disaggregations=["area"],
        published=True,
    )
    importer = factories.user(name="thongke")
    first = record("indicator_values", "nien-giam-2024.xlsx", by=importer)
    cells = {"indicator": "cultural-visits"}
    run(
        KIND,
        rows(
            cells | {"year": 2023, "value": Decimal("1234.5")},
            cells | {"year": 2024, "value": Decimal("1300")},
            cells | {"year": 2024, "area": "00004", "value": Decimal("120.25")},
        ),
        first,
    )
    second = record("indicator_values", "chinh-thuc.csv", by=importer)
    second.sha256 = "ab" * 32
    second.save()
    run(KIND, rows(cells | {"year": 2024, "value": Decimal("1310")}, first=5), second)
    return first, second


def test_each_value_names_its_import(client: Client, imported: tuple[ImportRecord, ...]) -> None:
    first, second = imported
    text = page(client, "/indicators/cultural-visits/")
    assert f"Import #{first.pk}: nien-giam-2024.xlsx, row 2" in text
    assert f"Import #{second.pk}: chinh-thuc.csv, row 5" in text
    assert f'<code title="{"ab" * 32}">abababababab…</code>' in text
    assert "Values from an imported statistical table" in text
    # The imports of the values shown, with the whole checksum.
    assert f"<code>{'ab' * 32}</code>" in text and f"<code>{'5e' * 32}</code>" in text
    # 1,300 from the first file was replaced by the second's 1,310.
    assert "Values replaced by a later import" in text
    assert "1,300" in text and "1,310" in text
    assert f"import #{second.pk} (chinh-thuc.csv, row 5)" in text
    assert "Ba Đình" in text  # the 2024 value of ward 00004
    assert "thongke" not in text  # who imported is for members
    assert "/imports/" not in text


def test_members_see_who_imported(client: Client, imported: tuple[ImportRecord, ...]) -> None:
    as_member(client, Role.STATISTICIAN)
    text = page(client, "/indicators/cultural-visits/")
    assert "Imported by" in text
    assert text.count("thongke") >= 3
    for made in imported:
        assert f'<a href="/imports/{made.pk}/">#{made.pk}</a>' in text


def test_in_vietnamese(client: Client, imported: tuple[ImportRecord, ...]) -> None:
    first, _ = imported
    text = page(client, "/indicators/cultural-visits/", "vi")
    assert f"Lần nhập #{first.pk}: nien-giam-2024.xlsx, dòng 2" in text
    assert "Giá trị từ bảng số liệu thống kê được nhập" in text
    assert "1.310" in text


def test_csv_names_the_import(client: Client, imported: tuple[ImportRecord, ...]) -> None:
    first, second = imported
    client.cookies["django_language"] = "en"
    response = client.get("/indicators/cultural-visits/?format=csv")
    lines = list(csv.reader(response.content.decode("utf-8-sig").splitlines()))
    assert lines[1][1:3] == ["2023", "1234.5"]
    assert lines[1][-1] == f"import #{first.pk}: nien-giam-2024.xlsx, row 2, SHA-256 {'5e' * 32}"
    assert lines[2][-1] == f"import #{second.pk}: chinh-thuc.csv, row 5, SHA-256 {'ab' * 32}"
