"""The demo's statistics-office workbook, from its three mistakes to the quarterly report.

A statistician uploads the workbook `cnvh demo-data` ships, reads the three problems it
was given, imports the corrected workbook and the totals, estimates from them, and
downloads the report of the last quarter of 2025. The share of GRDP is computed here by
hand from the workbook's own figures and the scope's shares, and must be the one the
estimate stores, the report's XLSX and PDF show, and the API serves.
"""

import csv
import io
import shutil
import subprocess
from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from python_calamine import CalamineWorkbook

from cnvh.demo import generate, workbook
from cnvh.estimates.models import Estimate
from cnvh.exchange.models import Dataset, ImportRecord
from cnvh.stats.scope import SCOPES_DIR
from tests import factories

from .conftest import saved

pytestmark = pytest.mark.django_db
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    generate.generate(folder, units_per_year=1500)
    return folder


def upload(client: Client, path: Path, kind: str) -> ImportRecord:
    with path.open("rb") as handle:
        response = client.post("/imports/new/", {"kind": kind, "file": handle})
    assert response.status_code == 302, response.content
    return ImportRecord.objects.get(pk=int(response["Location"].strip("/").split("/")[-1]))


def share_by_hand(rows: list[workbook.Row], year: int, grdp: Decimal) -> float:
    """Value added of each code times the share of the scope's longest matching prefix."""
    shares: dict[str, Decimal] = defaultdict(Decimal)
    with (SCOPES_DIR / "hanoi-plan.csv").open(encoding="utf-8") as handle:
        for line in csv.DictReader(handle):
            shares[line["code"]] += Decimal(line["share"])  # a code may feed two sectors
    total = Decimal(0)
    for row_year, code, value_added, _employment, _establishments in rows:
        plain = code.replace(".", "")
        prefixes = [plain[:length] for length in range(len(plain), 0, -1)]
        share = next((shares[p] for p in prefixes if p in shares), None)
        if row_year == year and share is not None:
            total += value_added * share
    return float(total / grdp)


def test_the_demo_workbook_from_its_mistakes_to_the_quarterly_report(
    demo: Path, statistician: Any, media: Path, tmp_path: Path
) -> None:
    client = Client()
    client.cookies["django_language"] = "en"
    client.force_login(statistician)

    shipped = demo / workbook.FILE_NAME
    first = upload(client, shipped, "aggregates")
    assert first.status == ImportRecord.Status.INVALID
    page = client.get(f"/imports/{first.pk}/").content.decode()
    assert "Problems found: 3. Nothing was saved." in page
    for row, column in ((10, "Giá trị tăng thêm"), (17, "Mã ngành"), (27, "Năm")):
        assert f"row {row}, column" in page and column in page
    assert "&#x27;1.584.841,6,8&#x27; is not a number" in page
    assert saved(media)["datasets"] == 0

    rows = workbook.aggregate_rows(demo / "units.parquet")
    fixed = workbook.write_workbook(rows, tmp_path / "tong-hop-da-sua.xlsx", with_mistakes=False)
    corrected = upload(client, fixed, "aggregates")
    assert corrected.status == ImportRecord.Status.CHECKED, corrected.problems
    client.post(f"/imports/{corrected.pk}/confirm/")
    totals = upload(client, demo / "totals.csv", "totals")
    client.post(f"/imports/{totals.pk}/confirm/")
    response = client.post(
        "/estimate-runs/new/",
        {
            "scope": "shipped:hanoi-plan",
            "business_data": f"aggregates:{Dataset.objects.get(kind='aggregates').pk}",
            "totals": f"totals:{Dataset.objects.get(kind='totals').pk}",
            "area_crosswalk": "",
            "code_crosswalk": "",
            "by": ["sector"],
            "label": "Biểu tổng hợp theo ngành",
        },
    )
    assert response.status_code == 302
    estimate = Estimate.objects.get()

    grdp = next(
        Decimal(line["grdp"])
        for line in csv.DictReader((demo / "totals.csv").open(encoding="utf-8"))
        if line["year"] == "2025"
    )
    expected = share_by_hand(rows, 2025, grdp)
    stored = estimate.rows.get(year=2025, sector=None, area=None).share
    assert stored is not None
    assert stored == pytest.approx(expected, rel=1e-12)

    api = client.get("/api/estimate-rows?scope=hanoi-plan&year=2025")
    [total] = [row for row in api.json()["items"] if row["sector"] is None]
    assert total["share"] == stored and total["estimate_id"] == estimate.pk

    _the_quarterly_report_shows_it(client, stored, tmp_path)


def _the_quarterly_report_shows_it(client: Client, share: float, tmp_path: Path) -> None:
    plan = factories.plan()
    factories.task(
        factories.agency("so-du-lich"), in_group=factories.group(plan), starts_on=date(2025, 7, 1)
    )
    factories.indicator("grdp-share", targets={2025: Decimal(5)})
    coordinator = factories.user("coordinator", factories.agency("so-vhtt-2"), name="dieuphoi")
    client.force_login(coordinator)
    query = f"?plan={plan.code}&kind=quarter&year=2025&number=4"

    xlsx = client.get("/exports/periodic/report.xlsx" + query)
    assert xlsx.status_code == 200, xlsx.content[:500]
    report = CalamineWorkbook.from_filelike(io.BytesIO(xlsx.content))
    cells = report.get_sheet_by_index(0).to_python()
    [line] = [row for row in cells if "grdp-share" in " ".join(str(cell) for cell in row)]
    assert share * 100 in line

    if shutil.which("pdftotext"):
        pdf = client.get("/exports/periodic/report.pdf" + query)
        assert pdf.status_code == 200
        path = tmp_path / "report.pdf"
        path.write_bytes(pdf.content)
        text = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        # The page and the PDF round at display, to one decimal for a percentage.
        rows = [line for line in text.splitlines() if line.strip().startswith("Cultural ind")]
        assert any(f" {share * 100:.1f} " in line for line in rows), rows
