"""Uploads to the import pages: a file's name never chooses where it is stored, is kept
without folders or control characters, and is shown escaped; files refused before they
are read (empty, too big, of a type never read) are not stored at all."""

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pytest_django.fixtures import Settings

from cnvh.exchange.models import ImportRecord

from .files import units_csv

pytestmark = pytest.mark.django_db

NAMES = [
    "../../units.csv",
    "..\\..\\units.csv",
    "/etc/cron.d/units.csv",
    "C:\\Windows\\units.csv",
    "units\x00.csv",
    "units\r\nContent-Type: text/html.csv",
    "%2e%2e%2funits.csv",
    "…" * 300 + ".csv",
    "<script>alert(1)</script>.csv",
]


def post(user: Any, name: str, content: bytes) -> ImportRecord:
    client = Client()
    client.force_login(user)
    upload = SimpleUploadedFile(name, content)
    response = client.post("/imports/new/", {"kind": "units", "file": upload})
    assert response.status_code == 302
    return ImportRecord.objects.latest("pk")


def stored(media: Path) -> set[str]:
    return {str(p.relative_to(media)) for p in media.rglob("*") if p.is_file()}


@pytest.mark.parametrize("name", NAMES, ids=range(len(NAMES)))
def test_a_file_name_never_chooses_where_the_file_goes(
    statistician: Any, media: Path, tmp_path: Path, name: str
) -> None:
    record = post(statistician, name, units_csv(tmp_path / "u.csv").read_bytes())
    files = stored(media)
    assert record.file.name is not None
    assert files == {record.file.name}
    assert record.file.name.startswith("imports/")
    assert Path(record.file.name).name == f"{record.sha256[:16]}.csv"
    assert "/" not in record.file_name and "\\" not in record.file_name
    assert not any(ord(char) < 32 for char in record.file_name)
    assert len(record.file_name) <= 255
    page = Client()
    page.force_login(statistician)
    html = page.get(f"/imports/{record.pk}/").content.decode()
    assert "<script>alert" not in html


@pytest.mark.parametrize(
    ("name", "content"),
    [("units.exe", b"MZ\x90\x00"), ("units.html", b"<html></html>")],
)
def test_files_refused_outright_are_not_stored(
    statistician: Any, media: Path, name: str, content: bytes
) -> None:
    record = post(statistician, name, content)
    assert record.status == ImportRecord.Status.INVALID
    assert not record.file
    assert stored(media) == set()


def test_an_empty_file_is_refused_by_the_form(statistician: Any, media: Path) -> None:
    client = Client()
    client.force_login(statistician)
    upload = SimpleUploadedFile("units.csv", b"")
    response = client.post("/imports/new/", {"kind": "units", "file": upload})
    assert response.status_code == 200
    assert "field-error" in response.content.decode()
    assert ImportRecord.objects.count() == 0
    assert stored(media) == set()


def test_a_file_over_the_limit_is_not_stored(
    statistician: Any, media: Path, tmp_path: Path, settings: Settings
) -> None:
    settings.CNVH_IMPORT_MAX_BYTES = 1024
    record = post(statistician, "units.csv", b"unit_id,year,code\n" + b"A,2024,5911\n" * 200)
    assert record.status == ImportRecord.Status.INVALID
    assert "over the limit" in record.problems[0]["what_en"]
    assert stored(media) == set()
