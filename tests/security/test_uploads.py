"""Uploads: evidence files and ward boundaries.

Wrong types, oversized and empty files are refused with a clear error and nothing
is saved; hostile file names never choose where a file is written: every stored
file is under MEDIA_ROOT, under a name of ours.
"""

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cnvh.plan import evidence
from cnvh.plan.models import Evidence
from cnvh.presentation import boundaries
from tests.security.world import PDF, PNG, World, boundary_collection, build, files_under

pytestmark = pytest.mark.django_db
MB = 1024 * 1024
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64
HTML = b"<!doctype html><script>alert(1)</script>"
WRONG_TYPE = "This type of file is not accepted."
MISMATCH = "does not match its type"


def zip_bomb() -> bytes:
    """A small .docx that would expand to 200 MB if anything unpacked it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\x00" * (200 * MB))
    return buffer.getvalue()


@pytest.fixture
def world(settings: Any, tmp_path: Path) -> World:
    settings.MEDIA_ROOT = tmp_path / "media"
    return build(tmp_path / "media")


def everything(world: World) -> set[str]:
    """Every file under the test's folder, MEDIA_ROOT and what lies around it."""
    return files_under(world.objects["media"].parent)


def post_evidence(world: World, name: str, content: bytes) -> Any:
    upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    data = {"task_status": "in_progress", "percent_done": "10", "narrative": "x", "save": "1"}
    client = world.client("officer_of_lead")
    return client.post(f"/reports/{world.objects['draft'].pk}/", {**data, "evidence": upload})


REFUSED = [
    ("setup.pdf", EXE, MISMATCH),
    ("page.png", HTML, MISMATCH),
    ("photo.jpg", PNG, MISMATCH),
    ("minutes.pdf.exe", EXE, WRONG_TYPE),
    ("page.html", HTML, WRONG_TYPE),
    ("drawing.svg", b"<svg onload=alert(1)>", WRONG_TYPE),
    ("../../etc/passwd", b"root:x:0:0", WRONG_TYPE),
    ("no-extension", PDF, WRONG_TYPE),
    ("big.pdf", PDF + b"\x00" * (10 * MB), "The file is larger than 10 MB."),
    ("empty.pdf", b"", "The submitted file is empty."),
]


@pytest.mark.parametrize(("name", "content", "message"), REFUSED, ids=[c[0] for c in REFUSED])
def test_bad_evidence_is_refused_with_a_reason(
    world: World, name: str, content: bytes, message: str
) -> None:
    before, count = everything(world), Evidence.objects.count()
    response = post_evidence(world, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Evidence.objects.count() == count
    assert everything(world) == before


NAMES = [
    "../../x.pdf",
    "..\\..\\x.pdf",
    "/etc/cron.d/x.pdf",
    "C:\\Windows\\x.pdf",
    "x\x00.pdf",
    "x\r\nContent-Type: text/html.pdf",
    "%2e%2e%2fx.pdf",
    "…" * 300 + ".pdf",
    ".pdf",
]


@pytest.mark.parametrize("name", NAMES, ids=range(len(NAMES)))
def test_a_file_name_never_chooses_where_the_file_goes(world: World, name: str) -> None:
    before = everything(world)
    response = post_evidence(world, name, PDF + name.encode())
    assert response.status_code in {200, 302}
    added = everything(world) - before
    item = Evidence.objects.exclude(pk=world.objects["evidence"].pk).first()
    if item is None:  # refused outright: nothing written
        assert added == set()
        return
    expected = f"media/evidence/{item.report_id}/{item.sha256[:16]}.pdf"
    assert added == {expected}
    assert "/" not in item.original_name and "\\" not in item.original_name
    assert not any(ord(char) < 32 for char in item.original_name)
    assert len(item.original_name) <= 255
    download = world.client("officer_of_lead").get(f"/evidence/{item.pk}/")
    assert download.status_code == 200
    assert "\n" not in download["Content-Disposition"]


def test_a_zip_bomb_is_kept_as_sent_never_unpacked(world: World) -> None:
    bomb = zip_bomb()
    assert len(bomb) < MB
    response = post_evidence(world, "report.docx", bomb)
    assert response.status_code == 302
    item = Evidence.objects.get(extension=".docx")
    stored = Path(item.file.path)
    assert stored.read_bytes() == bomb
    assert evidence.content_type(item).endswith("wordprocessingml.document")


def post_boundaries(world: World, name: str, content: bytes) -> Any:
    upload = SimpleUploadedFile(name, content, content_type="application/json")
    client = world.client("administrator")
    return client.post("/boundaries/", {"file": upload, "code_property": "code"})


BAD_BOUNDARIES = [
    ("wards.json", EXE, "The file is not valid JSON."),
    ("wards.json", HTML, "The file is not valid JSON."),
    ("wards.json", b"", "The submitted file is empty."),
    ("wards.json", b" " * (20 * MB + 1), "The file is larger than 20 MB."),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_BOUNDARIES, ids=range(4))
def test_bad_boundaries_are_refused_and_the_old_ones_kept(
    world: World, name: str, content: bytes, message: str
) -> None:
    before = {
        path: (world.objects["media"].parent / path).read_bytes() for path in everything(world)
    }
    response = post_boundaries(world, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    after = {
        path: (world.objects["media"].parent / path).read_bytes() for path in everything(world)
    }
    assert after == before


@pytest.mark.parametrize("name", ["../../../wards.geojson", "..\\..\\x.json", "/tmp/x.json"])
def test_boundaries_are_stored_under_our_names(world: World, name: str) -> None:
    before = everything(world)
    response = post_boundaries(world, name, boundary_collection("00008"))
    assert response.status_code == 302
    assert everything(world) == before  # the two files replaced, nothing added
    assert boundaries.geojson_path().read_bytes().count(b"00008") == 1
    record = boundaries.current()
    assert record is not None and "/" not in record.original_name


def test_the_upload_limits_are_above_the_in_memory_limits(settings: Any) -> None:
    """Files larger than these go to a temporary file, not memory; the size limits of
    our own checks are what refuses them (the cases above send files over both)."""
    assert evidence.MAX_BYTES >= settings.FILE_UPLOAD_MAX_MEMORY_SIZE
    assert boundaries.MAX_BYTES > settings.FILE_UPLOAD_MAX_MEMORY_SIZE
    assert boundaries.MAX_BYTES > settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def test_a_form_field_over_the_memory_limit_is_refused(world: World, settings: Any) -> None:
    before = world.objects["draft"].narrative
    data = {"task_status": "in_progress", "percent_done": "10", "save": "1"}
    narrative = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    client = world.client("officer_of_lead")
    response = client.post(
        f"/reports/{world.objects['draft'].pk}/", {**data, "narrative": narrative}
    )
    assert response.status_code == 400
    world.objects["draft"].refresh_from_db()
    assert world.objects["draft"].narrative == before
