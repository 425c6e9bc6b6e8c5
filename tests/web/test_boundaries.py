"""Uploading official ward boundaries: administrators only, checked, stored as our own file."""

import json
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from cnvh.estimates.models import Estimate
from cnvh.estimates.store import publish, save_estimate
from cnvh.plan.models import Agency, Role
from cnvh.presentation import boundaries
from cnvh.stats.result import EstimateRow
from tests import factories
from tests.conftest import engine_estimate
from tests.web.conftest import as_member, page

pytestmark = pytest.mark.django_db

SQUARE = [[[105.8, 21.0], [105.9, 21.0], [105.9, 21.1], [105.8, 21.1], [105.8, 21.0]]]


def collection(*features: Any) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


def feature(code: Any = "00004", geometry: Any = None, **properties: Any) -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": {"ma_xa": code, **properties},
        "geometry": geometry or {"type": "Polygon", "coordinates": SQUARE},
    }


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def upload(client: Client, raw: bytes, name: str = "../../wards.json") -> Any:
    file = SimpleUploadedFile(name, raw, content_type="application/json")
    return client.post("/boundaries/", {"file": file, "code_property": "ma_xa"})


def test_an_administrator_uploads_and_the_map_draws_them(client: Client, media: Path) -> None:
    result = engine_estimate()
    result.rows.append(EstimateRow(2024, None, "00004", 2_500_000.0, None, 5_000.0, 300.0))
    publish(save_estimate(result, label="", synthetic=True))
    factories.agency(
        "00004", kind=Agency.Kind.WARD, unit_code="00004", latitude=21.03, longitude=105.85
    )
    as_member(client, Role.ADMINISTRATOR)
    response = upload(client, collection(feature(4, name="<b>Hoàn Kiếm</b>", secret="x")))
    assert response.status_code == 302
    stored = json.loads((media / "boundaries" / "wards.geojson").read_text())
    # Our own rewrite: the code (zero-padded back to 5 digits) as `name`, nothing else.
    assert stored["features"][0]["properties"] == {"name": "00004"}
    # Under our own names, whatever the uploader called the file.
    assert sorted(p.name for p in media.rglob("*")) == ["boundaries", "wards.geojson", "wards.json"]
    assert boundaries.current() is not None
    client.logout()
    text = page(client, "/")
    assert "/boundaries/wards.geojson?v=" in text
    served = client.get("/boundaries/wards.geojson")
    assert served["Content-Type"] == "application/geo+json"
    assert json.loads(served.getvalue()) == stored


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"{not json", "not valid JSON"),
        (json.dumps({"type": "Feature"}).encode(), "not a GeoJSON FeatureCollection"),
        (collection(), "has no features"),
        (
            collection(feature(geometry={"type": "Point", "coordinates": [105.8, 21.0]})),
            "not a Polygon or MultiPolygon",
        ),
        (
            collection(feature(geometry={"type": "Polygon", "coordinates": [[[105.8, 21.0]]]})),
            "invalid coordinates",
        ),
        (
            collection(
                feature(
                    geometry={
                        "type": "Polygon",
                        "coordinates": [[[500, 21], [1, 1], [2, 2], [500, 21]]],
                    }
                )
            ),
            "invalid coordinates",
        ),
        (collection(feature(code=None)), "no ward code in the property"),
    ],
)
def test_bad_files_are_refused(client: Client, media: Path, raw: bytes, message: str) -> None:
    as_member(client, Role.ADMINISTRATOR)
    client.cookies["django_language"] = "en"
    response = upload(client, raw)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not (media / "boundaries" / "wards.geojson").exists()


def test_too_large(client: Client, media: Path, settings: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(boundaries, "MAX_BYTES", 100)
    as_member(client, Role.ADMINISTRATOR)
    client.cookies["django_language"] = "en"
    response = upload(client, collection(feature()))
    assert "larger than" in response.content.decode()
    assert not (media / "boundaries").exists()


def test_multipolygons_are_accepted() -> None:
    raw = collection(feature(geometry={"type": "MultiPolygon", "coordinates": [SQUARE, SQUARE]}))
    parsed = boundaries.parse(raw, "ma_xa")
    assert parsed["features"][0]["geometry"]["type"] == "MultiPolygon"


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.LEADER, Role.OFFICER, Role.STATISTICIAN])
def test_only_administrators_upload(client: Client, media: Path, role: str) -> None:
    as_member(client, role)
    assert client.get("/boundaries/").status_code == 403
    assert upload(client, collection(feature())).status_code == 403
    assert not (media / "boundaries").exists()


def test_the_public_is_sent_to_log_in(client: Client, stored_estimate: Estimate) -> None:
    assert client.get("/boundaries/").status_code == 302
    assert client.get("/boundaries/wards.geojson").status_code == 404
