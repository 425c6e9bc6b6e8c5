"""Indicators as CSV and XLSX: series and targets with their sources; the public gets
published indicators with values from published estimates only."""

from dataclasses import replace
from typing import Any

import pytest
from django.test import Client

from cnvh.estimates.models import Estimate
from cnvh.estimates.store import publish, save_estimate
from cnvh.plan.models import LegalDocument
from tests import factories
from tests.conftest import engine_estimate
from tests.exports.test_tables_files import data_rows, read_csv, read_xlsx
from tests.web.conftest import as_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db: None) -> dict[str, Any]:
    published = save_estimate(engine_estimate(), label="published", synthetic=True)
    publish(published)
    # A newer revision, not published, with every share doubled.
    result = engine_estimate()
    doubled = [replace(row, share=row.share * 2) if row.share else row for row in result.rows]
    draft = save_estimate(replace(result, rows=doubled), label="draft", synthetic=True)
    plan_217 = LegalDocument.objects.create(
        number="217/KH-UBND", kind=LegalDocument.Kind.PLAN, title_vi="Kế hoạch 217"
    )
    share = factories.indicator(
        "cnvh-grdp-share", baseline_year=2021, published=True, targets={2025: 5, 2030: 8}
    )
    share.targets.filter(year=2025).update(document=plan_217)
    hidden = factories.indicator("hidden", name_en="Hidden indicator", published=False)
    return {"published": published, "draft": draft, "share": share, "hidden": hidden}


def rows_of(client: Client, url: str) -> list[list[Any]]:
    client.cookies["django_language"] = "en"
    response = client.get(url)
    assert response.status_code == 200
    return data_rows(response.content)


def test_values_and_targets_by_year_with_sources(client: Client, world: dict[str, Any]) -> None:
    rows = rows_of(client, "/exports/indicators.xlsx")
    header, lines = rows[0], rows[1:]
    assert header[:5] == [
        "Indicator code",
        "Indicator",
        "Unit",
        "Year",
        "Value (in the indicator's unit)",
    ]
    assert [line[3] for line in lines] == [2021, 2022, 2023, 2024, 2025, 2030]
    published: Estimate = world["published"]
    by_year = {line[3]: line for line in lines}
    assert by_year[2024][4] == 0.042 * 100  # the published revision's share, in percent
    assert by_year[2024][5] == (0.042 - 0.003) * 100
    assert by_year[2024][10] == f"estimate hanoi-plan, revision {published.revision}"
    assert by_year[2024][11:14] == [published.pk, published.revision, True]
    # Baseline 3.5% in 2021, 5% in 2025: 3.5 + 3 × 1.5 ÷ 4 = 4.625 expected in 2024.
    assert by_year[2024][9] == pytest.approx(4.625)
    assert by_year[2025][4] == ""  # a target without a value yet
    assert by_year[2025][7:9] == [5.0, "217/KH-UBND"]
    assert by_year[2030][7] == 8.0
    assert all(line[0] == "cnvh-grdp-share" for line in lines)


def test_the_public_never_gets_unpublished_things(client: Client, world: dict[str, Any]) -> None:
    draft: Estimate = world["draft"]
    for file_format in ("csv", "xlsx"):
        client.cookies["django_language"] = "en"
        body = client.get(f"/exports/indicators.{file_format}").content
        lines = read_csv_or_xlsx(body, file_format)
        assert "hidden" not in {line[0] for line in lines}
        assert f"revision {draft.revision}" not in str(lines)
        values = [float(line[4]) for line in lines[1:] if line[4] not in ("", None)]
        assert max(values) == 0.042 * 100  # not the draft's doubled 8.4
    about = read_xlsx(client.get("/exports/indicators.xlsx").content)["About"]
    assert "Published indicators and published estimates only." in str(about)


def read_csv_or_xlsx(body: bytes, file_format: str) -> list[list[Any]]:
    return data_rows(body) if file_format == "xlsx" else read_csv(body)


def test_members_get_every_indicator_and_the_latest_revision(
    client: Client, world: dict[str, Any]
) -> None:
    as_member(client)
    lines = rows_of(client, "/exports/indicators.xlsx")[1:]
    assert {line[0] for line in lines} == {"cnvh-grdp-share", "hidden"}
    by_year = {line[3]: line for line in lines if line[0] == "cnvh-grdp-share"}
    assert by_year[2024][4] == 0.042 * 2 * 100
    assert by_year[2024][12] == world["draft"].revision


def test_the_indicator_page_table_as_xlsx_equals_its_csv(
    client: Client, world: dict[str, Any]
) -> None:
    client.cookies["django_language"] = "en"
    csv_rows = read_csv(client.get("/indicators/cnvh-grdp-share/?format=csv"))
    response = client.get("/indicators/cnvh-grdp-share/?format=xlsx")
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="cnvh-indicator-cnvh-grdp-share.xlsx"'
    )
    xlsx_rows = data_rows(response.content)
    assert xlsx_rows[0] == csv_rows[0]
    assert len(xlsx_rows) == len(csv_rows) == 5
    for from_xlsx, from_csv in zip(xlsx_rows[1:], csv_rows[1:], strict=True):
        assert from_xlsx[0] == from_csv[0]
        assert [float(v) if v != "" else None for v in from_xlsx[1:7]] == [
            float(v) if v else None for v in from_csv[1:7]
        ]
        assert from_xlsx[7] == from_csv[7]
    assert client.get("/indicators/hidden/?format=xlsx").status_code == 404
