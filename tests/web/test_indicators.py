"""The indicator list and page: values, targets, status with its rule, sources."""

import csv
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cnvh.estimates.models import Estimate
from cnvh.estimates.store import publish, save_estimate
from cnvh.plan.models import Indicator, ProgressReport, ReportValue, Role, Task
from cnvh.stats.result import Estimate as Result
from tests import factories
from tests.web.conftest import as_member, page

pytestmark = pytest.mark.django_db

MakeEstimate = Callable[..., Result]


def test_list_shows_latest_value_target_and_status(
    client: Client, share_indicator: Indicator, published_estimate: Estimate
) -> None:
    text = page(client, "/indicators/")
    assert 'href="/indicators/cnvh-grdp-share/"' in text
    assert "4.2%" in text  # 2024
    assert "8.0%" in text  # the last target, 2030
    # Baseline 3.5% (2021), 2024 expected 4.625%, observed 4.2%: 0.7 / 1.125 = 0.62.
    assert '<span class="status status--at_risk">At risk</span>' in text


def test_list_warns_of_synthetic_figures(
    client: Client, share_indicator: Indicator, make_estimate: MakeEstimate
) -> None:
    stored = save_estimate(make_estimate(), label="official", synthetic=False)
    publish(stored)
    banner = "Synthetic demo data — not official statistics"
    assert banner not in page(client, "/indicators/")
    # A newer, synthetic revision published: the list shows its figures, with the banner.
    publish(save_estimate(make_estimate(), label="demo", synthetic=True))
    assert banner in page(client, "/indicators/")


def test_list_in_vietnamese(
    client: Client, share_indicator: Indicator, published_estimate: Estimate
) -> None:
    text = page(client, "/indicators/", "vi")
    assert "Chỉ tiêu" in text
    assert "4,2%" in text
    assert "Có nguy cơ chậm" in text


def test_the_public_sees_published_indicators_only(
    client: Client, share_indicator: Indicator, published_estimate: Estimate
) -> None:
    factories.indicator("secret", name_en="Draft indicator", published=False)
    assert "Draft indicator" not in page(client, "/indicators/")
    assert client.get("/indicators/secret/").status_code == 404
    as_member(client, Role.OFFICER)
    text = page(client, "/indicators/")
    assert "Draft indicator" in text
    assert "Not yet published" in text
    assert client.get("/indicators/secret/").status_code == 200


def test_unknown_indicator(client: Client) -> None:
    assert client.get("/indicators/nothing/").status_code == 404


def test_page_status_with_the_rule_written_out(
    client: Client, share_indicator: Indicator, published_estimate: Estimate
) -> None:
    text = page(client, "/indicators/cnvh-grdp-share/")
    assert "Status:" in text and "status--at_risk" in text
    assert "Latest value: 4.2% in 2024; the trajectory expects 4.6% that year." in text
    assert "Progress ratio: 0.62." in text
    assert "ratio = (observed − baseline) ÷ (expected − baseline)" in text
    assert "ratio of 0.9 or more" in text
    assert "ratio from 0.5 to below 0.9" in text
    assert "Baseline" in text and "3.5% (2021)" in text


def test_page_rule_in_vietnamese(
    client: Client, share_indicator: Indicator, published_estimate: Estimate
) -> None:
    text = page(client, "/indicators/cnvh-grdp-share/", "vi")
    assert "Có nguy cơ chậm" in text
    assert "Lộ trình mục tiêu" in text
    assert "0,62" in text


def test_page_series_targets_and_the_source_of_every_value(
    client: Client, share_indicator: Indicator, published_estimate: Estimate
) -> None:
    text = page(client, "/indicators/cnvh-grdp-share/")
    assert text.count(f'href="/estimates/{published_estimate.pk}/"') >= 5  # 4 years + source
    assert "Estimate, revision 1" in text
    assert "217/KH-UBND" in text
    assert "Later Hanoi target, as reported" in text
    assert '<script id="indicator-chart" type="application/json">' in text
    assert "cd34" * 16 in text  # the inputs' checksum, in the provenance


def test_page_disaggregation_by_sector(
    client: Client, share_indicator: Indicator, published_estimate: Estimate
) -> None:
    text = page(client, "/indicators/cnvh-grdp-share/")
    assert "By sector, 2024" in text
    # Cultural tourism: 25,060,000 / 1,430,000,000 = 1.75%.
    assert "Cultural tourism" in text and "1.75" in text


def test_unpublished_estimate_is_not_shown_to_the_public(
    client: Client, share_indicator: Indicator, make_estimate: MakeEstimate
) -> None:
    publish(save_estimate(make_estimate(), label="", synthetic=True))
    result = make_estimate()
    result.rows = [
        replace(row, share=0.046) if row.year == 2024 and row.sector is None else row
        for row in result.rows
    ]
    newer = save_estimate(result, label="", synthetic=True)
    public = page(client, "/indicators/cnvh-grdp-share/")
    assert "4.6% in 2024" not in public
    assert f"/estimates/{newer.pk}/" not in public
    as_member(client)
    member = page(client, "/indicators/cnvh-grdp-share/")
    assert "Latest value: 4.6% in 2024" in member
    assert f"/estimates/{newer.pk}/" in member
    assert "Not yet published" in member


def reported(code: str = "models") -> tuple[Indicator, ProgressReport]:
    indicator = factories.indicator(
        code,
        name_en="Models built",
        unit="models",
        source=Indicator.Source.REPORTS,
        published=True,
        disaggregations=["area"],
    )
    lead = factories.agency("so-vhtt", name_en="Department of Culture")
    task = factories.task(lead=lead)
    task.indicators.add(indicator)
    officer = factories.user(Role.OFFICER, of=lead)
    report = factories.report(
        task,
        factories.quarter(2026, 1),
        officer,
        status=ProgressReport.Status.APPROVED,
        first_submitted_at=factories.at(datetime(2026, 4, 5).date()),
    )
    ReportValue.objects.create(report=report, indicator=indicator, value=Decimal(3))
    return indicator, report


def test_reported_values_link_to_their_reports(client: Client) -> None:
    """Linked for those who may open the report; for the others, the public and an
    officer of another agency, named by number without a link that would be refused."""
    indicator, report = reported()
    link = f'href="/reports/{report.pk}/"'
    text = page(client, f"/indicators/{indicator.code}/")
    assert f"Approved reports: #{report.pk}" in text
    assert link not in text
    assert "By area, 2026" in text
    assert "Department of Culture" in text
    as_member(client, Role.OFFICER, of=factories.agency("phuong-khac"))
    assert link not in page(client, f"/indicators/{indicator.code}/")
    as_member(client)  # the coordinator
    assert link in page(client, f"/indicators/{indicator.code}/")
    client.force_login(report.created_by)
    assert link in page(client, f"/indicators/{indicator.code}/")


def test_registry_counts_say_what_they_count(client: Client) -> None:
    factories.indicator(
        "tasks-done",
        name_en="Tasks completed",
        unit="tasks",
        source=Indicator.Source.REGISTRY,
        registry="tasks_completed",
        published=True,
    )
    factories.task(status=Task.Status.COMPLETED, completed_on=datetime(2026, 3, 1).date())
    text = page(client, "/indicators/tasks-done/")
    assert "tasks marked completed, cumulative" in text
    assert "Registry count" in text
    assert "1 tasks" in page(client, "/indicators/")  # the latest value, with its unit


def csv_rows(response: Any) -> list[list[str]]:
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(body.lstrip("\ufeff").splitlines()))


def test_series_as_csv_at_full_precision(
    client: Client, share_indicator: Indicator, published_estimate: Estimate
) -> None:
    client.cookies["django_language"] = "en"
    response = client.get("/indicators/cnvh-grdp-share/?format=csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0][:3] == ["Indicator", "Year", "Value (%)"]
    assert len(rows) == 5  # 2021-2024
    year_2024 = rows[-1]
    assert year_2024[:2] == ["cnvh-grdp-share", "2024"]
    assert float(year_2024[2]) == 0.042 * 100
    assert float(year_2024[6]) == pytest.approx(4.625)
    assert year_2024[7] == "estimate hanoi-plan, revision 1"


def test_queries_are_bounded(
    client: Client,
    share_indicator: Indicator,
    published_estimate: Estimate,
    django_assert_max_num_queries: Any,
) -> None:
    reported()
    as_member(client)
    with django_assert_max_num_queries(25):
        page(client, "/indicators/cnvh-grdp-share/")
    with django_assert_max_num_queries(25):
        page(client, "/indicators/models/")
    with django_assert_max_num_queries(20):
        page(client, "/indicators/")


def test_the_list_does_not_query_per_indicator(
    client: Client, share_indicator: Indicator, published_estimate: Estimate
) -> None:
    reported()
    as_member(client)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            page(client, "/indicators/")
        return len(captured.captured_queries)

    before = queries()
    for number in range(6):
        factories.indicator(f"va-{number}", measure="value_added", sector="design")
        factories.indicator(f"reported-{number}", source="reports", unit="events")
    assert queries() == before
