"""An estimate revision's rows as CSV and XLSX: every number read back equals the
stored one, and the public gets published revisions only."""

from typing import Any

import pytest
from django.test import Client

from cnvh.estimates.models import TOTALS_FIRST, Estimate, EstimateRow
from cnvh.estimates.store import publish, save_estimate
from tests import factories
from tests.conftest import GRDP, SECTORS_2024, engine_estimate
from tests.exports.test_tables_files import data_rows, read_csv, read_xlsx
from tests.web.conftest import as_member

pytestmark = pytest.mark.django_db

NUMBERS = [
    "value_added",
    "share",
    "employment",
    "establishments",
    "employment_share",
    "share_ci_low",
    "share_ci_high",
]


@pytest.fixture
def published(db: None) -> Estimate:
    estimate = save_estimate(engine_estimate(), label="test", synthetic=True)
    publish(estimate)
    factories.agency(
        "phuong-ba-dinh", kind="ward", unit_code="00004", name_vi="Phường Ba Đình", name_en=""
    )
    return estimate


def get(client: Client, url: str, language: str = "en") -> Any:
    client.cookies["django_language"] = language
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response


def test_every_number_in_the_xlsx_equals_the_stored_one(
    client: Client, published: Estimate
) -> None:
    response = get(client, f"/exports/estimates/{published.pk}.xlsx")
    rows = data_rows(response.content)
    header, lines = rows[0], rows[1:]
    assert header[10] == "Value added (million VND)"
    stored = list(published.rows.order_by("year", *TOTALS_FIRST))
    assert len(lines) == len(stored) == 8
    for line, row in zip(lines, stored, strict=True):
        assert line[0] == published.pk
        assert line[1:6] == ["hanoi-plan", published.revision, "2025.1", True, row.year]
        assert (line[6] or None, line[8] or None) == (row.sector, row.area)
        for index, name in enumerate(NUMBERS, start=10):
            expected = getattr(row, name)
            assert line[index] == ("" if expected is None else expected), (row, name)


def test_a_share_read_back_is_the_hand_computed_one(client: Client, published: Estimate) -> None:
    rows = data_rows(get(client, f"/exports/estimates/{published.pk}.xlsx").content)
    design = next(line for line in rows[1:] if line[6] == "design" and line[8] == "")
    # 20,000,000 million VND of design in a GRDP of 1,430,000,000 million VND.
    assert design[10] == 20_000_000.0
    assert design[11] == 20_000_000 / 1_430_000_000
    assert design[11] == SECTORS_2024["design"] / GRDP[2024]
    assert design[7] == "Design"
    ward = next(line for line in rows[1:] if line[8] == "00004")
    assert ward[9] == "Phường Ba Đình"
    assert ward[11] == ""  # no GRDP by ward, so no share: empty, not zero


def test_the_csv_holds_the_same_rows_and_reads_back_exactly(
    client: Client, published: Estimate
) -> None:
    lines = read_csv(get(client, f"/exports/estimates/{published.pk}.csv"))
    xlsx = data_rows(get(client, f"/exports/estimates/{published.pk}.xlsx").content)
    assert lines[0] == xlsx[0]
    assert len(lines) == len(xlsx)
    stored = {
        (row.year, row.sector or "", row.area or ""): row
        for row in EstimateRow.objects.filter(estimate=published)
    }
    for line in lines[1:]:
        row = stored[(int(line[5]), line[6], line[8])]
        assert line[4] == "true"
        for index, name in enumerate(NUMBERS, start=10):
            expected = getattr(row, name)
            assert (float(line[index]) if line[index] else None) == expected


def test_the_first_sheet_says_what_and_where_from(client: Client, published: Estimate) -> None:
    about = read_xlsx(get(client, f"/exports/estimates/{published.pk}.xlsx").content)["About"]
    text = {row[0]: row[1] for row in about}
    assert text["What this file is"].startswith("Estimate hanoi-plan")
    assert f"Stored estimate {published.pk}" in text["Source"]
    assert text["Data"] == "Synthetic demo data — not official statistics"
    assert text["Downloaded from"] == f"http://testserver/exports/estimates/{published.pk}.xlsx"


def test_headers_in_vietnamese(client: Client, published: Estimate) -> None:
    rows = data_rows(get(client, f"/exports/estimates/{published.pk}.xlsx", "vi").content)
    assert "Giá trị tăng thêm (triệu đồng)" in rows[0]
    assert "Năm" in rows[0]


def test_an_unpublished_revision_does_not_exist_for_the_public(
    client: Client, published: Estimate
) -> None:
    draft = save_estimate(engine_estimate(), label="new", synthetic=True)
    for file_format in ("csv", "xlsx"):
        assert client.get(f"/exports/estimates/{draft.pk}.{file_format}").status_code == 404
    assert client.get(f"/exports/estimates/{published.pk}.csv").status_code == 200
    as_member(client)
    assert get(client, f"/exports/estimates/{draft.pk}.csv")
    assert client.get("/exports/estimates/999999.csv").status_code == 404
