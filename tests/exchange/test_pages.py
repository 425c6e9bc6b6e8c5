"""The import pages: the upload, how the columns were understood, the problems, the
confirmation, and the progress the page polls while a task worker saves."""

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pytest_django.fixtures import Settings

from cnvh.exchange.jobs import check_import, save_import
from cnvh.exchange.models import ImportRecord
from cnvh.plan.models import Agency, Role
from tests import factories

from .conftest import saved
from .files import UNITS, UNITS_HEADER, units_csv, vietnamese_units_xlsx, write_csv

pytestmark = pytest.mark.django_db


def client_of(user: Any, language: str = "en") -> Client:
    client = Client()
    client.cookies["django_language"] = language
    client.force_login(user)
    return client


def post_file(client: Client, path: Path, kind: str = "units") -> Any:
    with path.open("rb") as handle:
        return client.post("/imports/new/", {"kind": kind, "file": handle, "sheet": ""})


def test_who_may_open_the_import_pages(statistician: Any) -> None:
    officer = factories.user(Role.OFFICER, factories.agency(kind=Agency.Kind.OTHER))
    assert client_of(statistician).get("/imports/").status_code == 200
    assert client_of(statistician).get("/imports/new/").status_code == 200
    assert client_of(officer).get("/imports/").status_code == 403
    # A department's officer imports the department's own events workbooks, nothing else.
    department = factories.user(Role.OFFICER, factories.agency())
    form = client_of(department).get("/imports/new/").content.decode()
    assert 'value="events"' in form and 'value="tasks"' not in form
    # A registry's page links here with its kind chosen.
    form = client_of(department).get("/imports/new/?kind=unesco-outreach").content.decode()
    assert '<option value="unesco-outreach" selected>' in form
    assert Client().get("/imports/").status_code == 302
    coordinator = factories.user(Role.COORDINATOR, factories.agency())
    form = client_of(coordinator).get("/imports/new/").content.decode()
    assert 'value="tasks"' in form and 'value="units"' not in form  # the kinds they may import


def test_the_preview_shows_how_each_column_was_understood(
    statistician: Any, tmp_path: Path
) -> None:
    client = client_of(statistician)
    response = post_file(client, vietnamese_units_xlsx(tmp_path / "bao-cao.xlsx"))
    record = ImportRecord.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/imports/{record.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert record.sha256 in page
    assert "Chỉ tiêu giá trị (triệu đồng) / Giá trị tăng thêm" in page
    assert "Value added (<code>value_added</code>)" in page
    assert "Ngày báo cáo" in page and "ignored: not a column of this kind" in page
    assert "&#x27;1.000&#x27; (1) were read as 1000" in page  # the ambiguous cells, and why
    assert "million VND" in page and "Seconds" in page
    assert "rows above it skipped: 3" in page
    assert "Confirm the import" in page
    assert ImportRecord.objects.get().status == "checked"
    assert saved(Path(record.file.path).parents[3])["datasets"] == 0


def test_the_problems_in_both_languages_and_no_confirmation(
    statistician: Any, tmp_path: Path, media: Path
) -> None:
    rows = [list(row) for row in UNITS]
    rows[1][1] = "năm ngoái"
    client = client_of(statistician, "vi")
    response = post_file(client, write_csv(tmp_path / "units.csv", UNITS_HEADER, rows))
    page = client.get(response["Location"]).content.decode()
    assert "Số vấn đề tìm thấy: 1. Không có gì được lưu." in page
    assert "units.csv, dòng 3, cột year" in page
    assert "&#x27;năm ngoái&#x27; không phải là số" in page  # Vietnamese first
    assert "&#x27;năm ngoái&#x27; is not a number" in page  # and English
    assert "exchange-confirm" not in page and "/confirm/" not in page
    record = ImportRecord.objects.get()
    assert client.post(f"/imports/{record.pk}/confirm/").status_code == 302
    assert ImportRecord.objects.get().status == "invalid"
    assert saved(media)["datasets"] == 0


def test_confirming_saves_the_rows(statistician: Any, tmp_path: Path, media: Path) -> None:
    client = client_of(statistician)
    response = post_file(client, units_csv(tmp_path / "units.csv"))
    record = ImportRecord.objects.get()
    confirmed = client.post(f"/imports/{record.pk}/confirm/")
    assert confirmed.status_code == 302
    page = client.get(confirmed["Location"]).content.decode()
    assert page.count("Imported: 4 rows saved.") == 1  # the message is shown once
    assert "Rows saved: 4." in page
    record.refresh_from_db()
    assert (record.status, record.rows_saved) == ("imported", 4)
    assert record.dataset.checksum in page
    listing = client.get("/imports/").content.decode()
    assert record.file_name in listing and record.sha256[:10] in listing
    assert response.status_code == 302


def test_the_page_follows_a_save_queued_for_the_worker(
    statistician: Any, tmp_path: Path, settings: Settings
) -> None:
    settings.CNVH_TASKS_INLINE = False
    client = client_of(statistician)
    post_file(client, units_csv(tmp_path / "units.csv"))
    record = ImportRecord.objects.get()
    check_import.call(record.pk)
    client.post(f"/imports/{record.pk}/confirm/")
    record.refresh_from_db()
    assert (record.status, record.stage) == ("saving", "queued") and record.task_id

    page = client.get(f"/imports/{record.pk}/").content.decode()
    assert 'hx-trigger="every 1s"' in page and "htmx.min.js" in page
    fragment = client.get(f"/imports/{record.pk}/progress/", HTTP_HX_REQUEST="true")
    assert fragment.status_code == 200
    text = fragment.content.decode()
    assert text.lstrip().startswith('<div id="import-progress"')
    assert "Waiting for a task worker" in text and 'value="0"' in text

    save_import.call(record.pk)  # what `cnvh worker` does with the queued task
    done = client.get(f"/imports/{record.pk}/progress/", HTTP_HX_REQUEST="true")
    assert done.headers["HX-Refresh"] == "true"
    assert client.get(f"/imports/{record.pk}/progress/").status_code == 302
    page = client.get(f"/imports/{record.pk}/").content.decode()
    assert "every 1s" not in page and "Rows saved: 4." in page


def test_another_kinds_import_is_not_shown(statistician: Any, tmp_path: Path) -> None:
    client_of(statistician).post(
        "/imports/new/",
        {
            "kind": "units",
            "file": SimpleUploadedFile("u.csv", units_csv(tmp_path / "u.csv").read_bytes()),
        },
    )
    record = ImportRecord.objects.get()
    coordinator = client_of(factories.user(Role.COORDINATOR, factories.agency()))
    assert coordinator.get(f"/imports/{record.pk}/").status_code == 403
    assert coordinator.post(f"/imports/{record.pk}/confirm/").status_code == 403
    assert coordinator.get(f"/imports/{record.pk}/progress/").status_code == 403
    assert record.file_name not in coordinator.get("/imports/").content.decode()


def test_a_file_checked_by_the_worker_is_followed_too(
    statistician: Any, tmp_path: Path, settings: Settings
) -> None:
    settings.CNVH_TASKS_INLINE = False
    client = client_of(statistician)
    post_file(client, units_csv(tmp_path / "units.csv"))
    record = ImportRecord.objects.get()
    assert (record.status, record.stage) == ("checking", "queued") and record.task_id
    fragment = client.get(f"/imports/{record.pk}/progress/", HTTP_HX_REQUEST="true")
    assert "Waiting for a task worker" in fragment.content.decode()

    check_import.call(record.pk)  # what `cnvh worker` does with the queued task
    done = client.get(f"/imports/{record.pk}/progress/", HTTP_HX_REQUEST="true")
    assert done.headers["HX-Refresh"] == "true"
    page = client.get(f"/imports/{record.pk}/").content.decode()
    assert "Confirm the import" in page and "Value added (<code>value_added</code>)" in page


def test_the_vietnamese_page_names_units_and_steps_in_vietnamese(
    statistician: Any, tmp_path: Path
) -> None:
    client = client_of(statistician, "vi")
    response = post_file(client, vietnamese_units_xlsx(tmp_path / "bao-cao.xlsx"))
    page = client.get(response["Location"]).content.decode()
    assert "<td>triệu đồng</td>" in page
    assert "đọc 0" in page or "đọc 0," in page  # "đọc 0,05, kiểm tra 0,1": steps in Vietnamese
    assert "Các ô như &#x27;1.000&#x27; (1 ô) được đọc là 1000" in page
