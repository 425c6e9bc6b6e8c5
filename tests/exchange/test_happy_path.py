"""A statistician's afternoon, through the pages: a messy workbook is uploaded, its
problems read and fixed, the corrected file imported with the totals, and an estimate
started from them; the stored figures are the README's, computed by hand, and the
estimate leads back to the imports."""

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from cnvh.estimates.models import Estimate
from cnvh.exchange.models import Dataset, EstimateRun, ImportRecord

from .conftest import saved
from .files import GRDP, TOTAL_SCOPE, UNITS, totals_csv, vietnamese_units_xlsx

pytestmark = pytest.mark.django_db


def upload(client: Client, path: Path, kind: str) -> ImportRecord:
    with path.open("rb") as handle:
        response = client.post("/imports/new/", {"kind": kind, "file": handle})
    assert response.status_code == 302
    return ImportRecord.objects.get(pk=int(response["Location"].strip("/").split("/")[-1]))


def test_from_a_messy_workbook_to_an_estimate(
    statistician: Any, tmp_path: Path, media: Path
) -> None:
    client = Client()
    client.cookies["django_language"] = "en"
    client.force_login(statistician)

    messy = [list(row) for row in UNITS]
    messy[1][5] = "5OO"  # a typing slip in B's output
    messy[3][0] = "A"  # D typed as A: A twice in 2024
    first = upload(client, vietnamese_units_xlsx(tmp_path / "bao-cao.xlsx", rows=messy), "units")
    page = client.get(f"/imports/{first.pk}/").content.decode()
    assert "Problems found: 2. Nothing was saved." in page
    assert "bao-cao.xlsx, sheet Số liệu 2024, row 7, column" in page
    assert "Unit A has 2 rows for year 2024" in page
    assert saved(media)["datasets"] == 0

    fixed = upload(client, vietnamese_units_xlsx(tmp_path / "bao-cao-sua.xlsx"), "units")
    assert fixed.status == "checked"
    client.post(f"/imports/{fixed.pk}/confirm/")
    totals = upload(client, totals_csv(tmp_path / "tong.csv"), "totals")
    client.post(f"/imports/{totals.pk}/confirm/")
    units_dataset = Dataset.objects.get(kind="units")
    totals_dataset = Dataset.objects.get(kind="totals")

    form = client.get("/estimate-runs/new/").content.decode()
    assert f'value="units:{units_dataset.pk}"' in form and "bao-cao-sua.xlsx" in form
    response = client.post(
        "/estimate-runs/new/",
        {
            "scope": "shipped:hanoi-plan",
            "business_data": f"units:{units_dataset.pk}",
            "totals": f"totals:{totals_dataset.pk}",
            "area_crosswalk": "",
            "code_crosswalk": "",
            "by": ["sector"],
            "label": "Thử từ tệp",
        },
    )
    run = EstimateRun.objects.get()
    assert response["Location"] == f"/estimate-runs/{run.pk}/"
    assert run.status == "done", run.problems
    estimate = Estimate.objects.get()
    run_page = client.get(f"/estimate-runs/{run.pk}/").content.decode()
    assert f"/estimates/{estimate.pk}/" in run_page and f"/imports/{fixed.pk}/" in run_page

    total = estimate.rows.get(sector=None, area=None)
    assert total.value_added == pytest.approx(TOTAL_SCOPE, rel=1e-12)
    assert total.share == pytest.approx(TOTAL_SCOPE / GRDP, rel=1e-12)
    assert estimate.rows.get(sector="advertising").value_added == pytest.approx(300.0)

    detail = client.get(f"/estimates/{estimate.pk}/").content.decode()
    assert "Imported datasets" in detail
    assert f'href="/imports/{fixed.pk}/"' in detail and fixed.sha256 in detail
    assert f'href="/imports/{totals.pk}/"' in detail
