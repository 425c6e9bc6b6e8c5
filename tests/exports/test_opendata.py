"""Open data: only what is published, ever. Published and unpublished things are built
side by side, and the unpublished ones must be absent from every file."""

import csv
import io
import json
import re
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.http import http_date

from cnvh.estimates.models import Estimate
from cnvh.estimates.store import publish, save_estimate
from cnvh.plan.models import Indicator, ReportValue, Role
from tests import factories
from tests.conftest import GRDP, engine_estimate
from tests.web.conftest import as_member

pytestmark = pytest.mark.django_db
FILES = [
    "/open-data/estimates.csv",
    "/open-data/estimates.json",
    "/open-data/indicators.csv",
    "/open-data/indicators.json",
]


def times(result: Any, factor: float) -> Any:
    """The same estimate with every value added multiplied: figures no published
    revision holds."""
    rows = [replace(row, value_added=row.value_added * factor) for row in result.rows]
    return replace(result, rows=rows)


@pytest.fixture
def world(db: None) -> dict[str, Any]:
    published = save_estimate(engine_estimate(), label="published", synthetic=True)
    publish(published)
    draft = save_estimate(times(engine_estimate(), 7), label="newer", synthetic=True)
    never = save_estimate(engine_estimate("fcs-core"), label="fcs", synthetic=True)
    share = factories.indicator("cnvh-grdp-share", published=True, targets={2025: 5})
    hidden = factories.indicator("hidden-share", name_en="Hidden share", published=False)
    events = factories.indicator(
        "events",
        name_en="Events held",
        unit="events",
        source=Indicator.Source.REPORTS,
        published=True,
    )
    lead = factories.agency("so-vhtt")
    officer = factories.user(Role.OFFICER, of=lead)
    task = factories.task(lead=lead)
    task.indicators.add(events)
    numbers = {"approved": Decimal(3), "draft": Decimal(990), "submitted": Decimal(770)}
    for number, (status, value) in enumerate(numbers.items(), start=1):
        report = factories.report(task, factories.quarter(2026, number), officer, status=status)
        ReportValue.objects.create(report=report, indicator=events, value=value)
    return {
        "published": published,
        "draft": draft,
        "never": never,
        "share": share,
        "hidden": hidden,
        "events": events,
    }


def csv_rows(client: Client, url: str) -> list[dict[str, str]]:
    response = client.get(url)
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def json_of(client: Client, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200
    return json.loads(response.content)


def test_estimates_hold_the_published_revision_only(client: Client, world: dict[str, Any]) -> None:
    published: Estimate = world["published"]
    rows = csv_rows(client, "/open-data/estimates.csv")
    assert len(rows) == published.rows.count() == 8
    assert {(r["scope"], r["revision"], r["estimate_id"]) for r in rows} == {
        ("hanoi-plan", "1", str(published.pk))
    }
    total_2024 = next(r for r in rows if r["year"] == "2024" and not r["sector"] and not r["area"])
    assert float(total_2024["value_added"]) == 0.042 * GRDP[2024]
    assert float(total_2024["share_of_grdp"]) == 0.042
    assert total_2024["value_added_unit"] == "million VND"
    assert total_2024["synthetic"] == "true"
    document = json_of(client, "/open-data/estimates.json")
    assert [e["estimate_id"] for e in document["estimates"]] == [published.pk]
    revision = document["estimates"][0]
    assert revision["rows"][3]["value_added"] == 0.042 * GRDP[2024]
    assert revision["provenance"]["inputs"]["units"]["sha256"] == "cd34" * 16
    assert revision["sectors"]["design"] == {"vi": "Thiết kế", "en": "Design"}


def test_no_unpublished_revision_appears_anywhere(client: Client, world: dict[str, Any]) -> None:
    draft: Estimate = world["draft"]
    never: Estimate = world["never"]
    as_member(client)  # a member's request gets the same published files
    seven_times = repr(0.042 * GRDP[2024] * 7)
    for url in [*FILES, "/open-data/catalog.jsonld", "/open-data/"]:
        body = client.get(url).content.decode("utf-8")
        assert seven_times not in body, url
        assert "fcs-core" not in body, url
        assert f'"estimate_id":{draft.pk}' not in body and f'"estimate_id":{never.pk}' not in body
    rows = csv_rows(client, "/open-data/estimates.csv")
    assert {r["estimate_id"] for r in rows} == {str(world["published"].pk)}
    assert client.get("/open-data/estimates.csv?scope=fcs-core").status_code == 404
    assert client.get("/open-data/estimates.json?scope=nothing").status_code == 404


def test_indicators_are_the_published_ones_with_published_values(
    client: Client, world: dict[str, Any]
) -> None:
    rows = csv_rows(client, "/open-data/indicators.csv")
    assert {r["indicator"] for r in rows} == {"cnvh-grdp-share", "events"}
    share = {r["year"]: r for r in rows if r["indicator"] == "cnvh-grdp-share"}
    assert float(share["2024"]["value"]) == 0.042 * 100
    assert share["2024"]["estimate_revision"] == "1"
    assert share["2025"]["value"] == "" and share["2025"]["target"] == "5.000000"
    events = [r for r in rows if r["indicator"] == "events"]
    # Only the approved report's 3: never the draft's 990 or the submitted 770.
    assert [(r["year"], r["value"], r["source"]) for r in events] == [("2026", "3.0", "reports")]
    document = json_of(client, "/open-data/indicators.json")
    by_code = {item["code"]: item for item in document["indicators"]}
    assert set(by_code) == {"cnvh-grdp-share", "events"}
    assert by_code["events"]["values"] == [
        {
            "year": 2026,
            "value": 3.0,
            "ci_low": None,
            "ci_high": None,
            "source": {"kind": "reports", "approved_reports": 1},
        }
    ]
    share_2024 = by_code["cnvh-grdp-share"]["values"][-1]
    assert share_2024["source"] == {
        "kind": "estimate",
        "scope": "hanoi-plan",
        "revision": 1,
        "estimate_id": world["published"].pk,
        "synthetic": True,
    }
    assert by_code["cnvh-grdp-share"]["unit"] == "%"
    assert by_code["cnvh-grdp-share"]["targets"][0]["value"] == 5.0
    names = {field["name"]: field for field in document["fields"]}
    assert names["value"]["unit"] == "unit"
    assert set(names["value"]["definition"]) == {"vi", "en"}


def test_nothing_of_unpublished_indicators_or_draft_reports(
    client: Client, world: dict[str, Any]
) -> None:
    for url in FILES:
        body = client.get(url).content.decode("utf-8")
        assert "hidden-share" not in body and "Hidden share" not in body
        # The draft's and the submitted report's values, as numbers of their own (a
        # timestamp's microseconds may hold the same digits).
        assert re.search(r"(?<![\w.:])(990|770)(\.0)?(?![\w.])", body) is None


def test_an_estimate_indicator_shows_nothing_before_any_publication(client: Client) -> None:
    save_estimate(engine_estimate(), label="draft", synthetic=True)
    factories.indicator("cnvh-grdp-share", published=True, targets={2025: 5})
    rows = csv_rows(client, "/open-data/indicators.csv")
    assert [(r["year"], r["value"], r["target"]) for r in rows] == [("2025", "", "5.000000")]
    assert csv_rows(client, "/open-data/estimates.csv") == []
    assert json_of(client, "/open-data/estimates.json")["estimates"] == []


def test_stable_addresses() -> None:
    assert reverse("open-data") == "/open-data/"
    assert reverse("open-data-catalogue") == "/open-data/catalog.jsonld"
    for name in ("estimates", "indicators"):
        for file_format in ("csv", "json"):
            found = reverse(f"open-data-{name}", args=[file_format])
            assert found == f"/open-data/{name}.{file_format}"


def test_files_are_cache_friendly(client: Client, world: dict[str, Any]) -> None:
    first = client.get("/open-data/estimates.csv")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert first["Cache-Control"] == "public, max-age=300"
    assert first["Access-Control-Allow-Origin"] == "*"
    publication = world["published"].publication
    assert modified == http_date(publication.published_at.timestamp())
    again = client.get("/open-data/estimates.csv", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    since = client.get("/open-data/estimates.csv", HTTP_IF_MODIFIED_SINCE=modified)
    assert since.status_code == 304
    assert client.get("/open-data/estimates.csv", HTTP_IF_NONE_MATCH='"other"').status_code == 200
    assert client.get("/open-data/estimates.csv")["ETag"] == etag  # same bytes, same tag


def test_a_new_publication_shows_at_once_with_the_files_cached(
    client: Client, world: dict[str, Any], settings: Any
) -> None:
    settings.CNVH_PAGE_CACHE = True
    before = client.get("/open-data/estimates.csv")
    assert client.get("/open-data/estimates.csv")["ETag"] == before["ETag"]
    publish(world["draft"])
    after = csv_rows(client, "/open-data/estimates.csv")
    assert {r["revision"] for r in after} == {"2"}
    assert float(after[3]["value_added"]) == 0.042 * GRDP[2024] * 7
    assert client.get("/open-data/estimates.csv")["ETag"] != before["ETag"]


def test_the_open_data_page_lists_the_datasets(client: Client, world: dict[str, Any]) -> None:
    client.cookies["django_language"] = "en"
    text = client.get("/open-data/").content.decode()
    assert 'href="http://testserver/open-data/estimates.csv?scope=hanoi-plan"' in text
    assert 'href="http://testserver/open-data/indicators.json"' in text
    assert 'href="/open-data/catalog.jsonld"' in text
    assert "https://creativecommons.org/licenses/by/4.0/" in text
    assert "Synthetic demo data" in text
    assert "2021–2024" in text
    client.cookies["django_language"] = "vi"
    assert "Dữ liệu mở" in client.get("/open-data/").content.decode()


def test_files_do_not_depend_on_the_language(client: Client, world: dict[str, Any]) -> None:
    client.cookies["django_language"] = "en"
    english = [client.get(url).content for url in FILES]
    client.cookies["django_language"] = "vi"
    assert [client.get(url).content for url in FILES] == english
