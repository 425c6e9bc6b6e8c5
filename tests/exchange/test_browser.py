"""The import in a real browser: the statistician uploads a workbook, reads how its
columns were understood, confirms, and watches the page follow the save (htmx polls
every second) until a task worker has done it; then estimates from the datasets."""

import re
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from pytest_django.fixtures import Settings

from cnvh.exchange.jobs import check_import, estimate_from_datasets, save_import
from cnvh.exchange.models import EstimateRun, ImportRecord

from .files import totals_csv, vietnamese_units_xlsx

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "s3cret-pass-word"  # the factories' password


def log_in(page: Any, username: str) -> None:
    page.goto("/login/")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()


def upload(page: Any, path: Path, kind_label: str) -> None:
    """Uploads; the worker checks the file while the page polls, then it shows it."""
    page.goto("/imports/new/")
    page.get_by_label("What the file holds").select_option(label=kind_label)
    page.get_by_label("File", exact=True).set_input_files(str(path))
    page.get_by_role("button", name="Read and check").click()
    page.wait_for_url(re.compile(r"/imports/\d+/$"))
    assert "Waiting for a task worker" in page.locator("#import-progress").inner_text()
    worker = worker_later(check_import.call, ImportRecord.objects.latest("pk").pk)
    page.get_by_role("button", name="Confirm the import").wait_for(timeout=30_000)
    worker.join()


def worker_later(run: Any, *args: int) -> threading.Thread:
    """`cnvh worker` picking the task up a moment later, while the page polls."""

    def work() -> None:
        time.sleep(1.5)
        try:
            run(*args)
        finally:
            connection.close()  # this thread's own; the test database is dropped after

    thread = threading.Thread(target=work)
    thread.start()
    return thread


def test_a_statistician_imports_and_estimates(
    new_page: Any,
    statistician: Any,
    tmp_path: Path,
    settings: Settings,
) -> None:
    settings.CNVH_TASKS_INLINE = False
    page = new_page("en")
    log_in(page, statistician.username)
    page.get_by_role("link", name="Imports").click()
    upload(
        page,
        vietnamese_units_xlsx(tmp_path / "bao-cao.xlsx"),
        "Unit-level data (businesses, establishments)",
    )
    columns = page.locator("table.columns-table")
    assert "Value added (value_added)" in columns.inner_text()
    assert "Chỉ tiêu giá trị (triệu đồng) / Giá trị tăng thêm" in columns.inner_text()

    page.get_by_role("button", name="Confirm the import").click()
    page.wait_for_load_state()
    assert "Waiting for a task worker" in page.locator("#import-progress").inner_text()
    record = ImportRecord.objects.get()
    worker = worker_later(save_import.call, record.pk)
    page.get_by_text("Rows saved: 4.").wait_for(timeout=30_000)  # polled, then reloaded
    worker.join()
    assert page.locator("#import-progress").count() == 0

    upload(page, totals_csv(tmp_path / "tong.csv"), "Economy totals (GRDP, employment)")
    page.get_by_role("button", name="Confirm the import").click()
    worker_later(save_import.call, ImportRecord.objects.latest("pk").pk).join()

    page.goto("/estimate-runs/new/")
    page.get_by_label("Business data: unit-level or aggregates").select_option(index=0)
    page.get_by_label("Economy totals (GRDP)").select_option(index=0)
    page.get_by_role("button", name="Start the estimate").click()
    page.wait_for_url(re.compile(r"/estimate-runs/\d+/$"))
    run = EstimateRun.objects.get()
    worker = worker_later(estimate_from_datasets.call, run.pk)
    page.get_by_role("link", name=re.compile("revision 1 of hanoi-plan")).wait_for(timeout=30_000)
    worker.join()
    page.get_by_role("link", name=re.compile("revision 1 of hanoi-plan")).click()
    # The run's page polls and reloads itself; read the estimate only once it has loaded.
    page.wait_for_url(re.compile(r"/estimates/\d+/$"))
    page.wait_for_load_state()
    body = page.locator("body").inner_text()
    assert "Imported datasets" in body
    assert "bao-cao.xlsx" in body
