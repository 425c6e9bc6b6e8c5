"""Official ward boundaries, uploaded by an administrator as GeoJSON.

The file is checked before it is kept: JSON, a FeatureCollection of Polygon or
MultiPolygon features with sane coordinates, each naming its ward by the official
code in a property the uploader names, within a size limit. What is kept is our own
rewrite of it (only the geometry and the ward code, as `name`, the property ECharts
matches regions by) under MEDIA_ROOT with our own file name, so nothing the
uploader wrote (names, paths, extra members) reaches a page. A JSON file beside it
records who uploaded what, and when.
"""

import hashlib
import json
import math
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

MAX_BYTES = 20 * 1024 * 1024
MAX_FEATURES = 2000
DIRECTORY = "boundaries"
GEOJSON_NAME = "wards.geojson"
RECORD_NAME = "wards.json"
POLYGON_TYPES = ("Polygon", "MultiPolygon")


class BoundaryError(ValueError):
    """The file is not one we can draw; the message says why, for the uploader."""


@dataclass(frozen=True)
class Upload:
    original_name: str
    uploaded_by: str
    uploaded_at: str  # ISO 8601
    features: int
    code_property: str
    sha256: str
    size: int


def directory() -> Path:
    return Path(settings.MEDIA_ROOT) / DIRECTORY


def geojson_path() -> Path:
    return directory() / GEOJSON_NAME


def current() -> Upload | None:
    try:
        record = json.loads((directory() / RECORD_NAME).read_text(encoding="utf-8"))
        return Upload(**record)
    except (OSError, ValueError, TypeError):
        return None


def url() -> str | None:
    """Where the page fetches the boundaries, changing with each upload (for caches)."""
    try:
        stamp = int(geojson_path().stat().st_mtime)
    except OSError:
        return None
    return f"{reverse('web-boundaries-geojson')}?v={stamp}"


def parse(raw: bytes, code_property: str) -> dict[str, Any]:
    """The uploaded bytes as our own FeatureCollection, or BoundaryError."""
    if len(raw) > MAX_BYTES:
        raise BoundaryError(_("The file is larger than %(size)s MB.") % {"size": MAX_BYTES >> 20})
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as error:
        raise BoundaryError(_("The file is not valid JSON.")) from error
    except RecursionError as error:
        # Lists within lists a hundred thousand deep: no boundary is drawn so.
        raise BoundaryError(
            _(
                "The file's JSON is nested too deeply to be a boundary: a polygon's "
                "coordinates are lists of rings of [longitude, latitude] pairs."
            )
        ) from error
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise BoundaryError(_("The file is not a GeoJSON FeatureCollection."))
    features = data.get("features")
    if not isinstance(features, list) or not features:
        raise BoundaryError(_("The FeatureCollection has no features."))
    if len(features) > MAX_FEATURES:
        raise BoundaryError(
            _("The file has more than %(count)s features.") % {"count": MAX_FEATURES}
        )
    return {
        "type": "FeatureCollection",
        "features": [
            _feature(feature, number, code_property)
            for number, feature in enumerate(features, start=1)
        ],
    }


def _feature(feature: Any, number: int, code_property: str) -> dict[str, Any]:
    where = {"number": number}
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        raise BoundaryError(_("Feature %(number)s is not a GeoJSON Feature.") % where)
    geometry = feature.get("geometry")
    if not isinstance(geometry, dict) or geometry.get("type") not in POLYGON_TYPES:
        raise BoundaryError(_("Feature %(number)s is not a Polygon or MultiPolygon.") % where)
    polygons = geometry.get("coordinates")
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    if not isinstance(polygons, list) or not polygons or not all(map(_polygon, polygons)):
        raise BoundaryError(_("Feature %(number)s has invalid coordinates.") % where)
    properties = feature.get("properties")
    code = properties.get(code_property) if isinstance(properties, dict) else None
    if not isinstance(code, str | int) or not str(code).strip():
        raise BoundaryError(
            _("Feature %(number)s has no ward code in the property “%(property)s”.")
            % {"number": number, "property": code_property}
        )
    return {
        "type": "Feature",
        "properties": {"name": _code(code)},
        "geometry": {"type": geometry["type"], "coordinates": geometry["coordinates"]},
    }


def _code(code: str | int) -> str:
    """Ward codes are 5 digits; a spreadsheet that made them numbers lost the zeros."""
    text = str(code).strip()
    return text.zfill(5) if text.isdigit() else text


def _polygon(rings: Any) -> bool:
    return isinstance(rings, list) and bool(rings) and all(map(_ring, rings))


def _ring(ring: Any) -> bool:
    return isinstance(ring, list) and len(ring) >= 4 and all(map(_position, ring))


def _position(position: Any) -> bool:
    if not isinstance(position, list) or len(position) < 2:
        return False
    lon, lat = position[0], position[1]
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (lon, lat)):
        return False
    return math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90


def save(raw: bytes, *, original_name: str, code_property: str, user: Any) -> Upload:
    """Check and keep the file, replacing the previous one in one step."""
    collection = parse(raw, code_property)
    record = Upload(
        original_name=os.path.basename(original_name)[:255],
        uploaded_by=str(getattr(user, "username", "")),
        uploaded_at=timezone.now().isoformat(),
        features=len(collection["features"]),
        code_property=code_property,
        sha256=hashlib.sha256(raw).hexdigest(),
        size=len(raw),
    )
    directory().mkdir(parents=True, exist_ok=True)
    _write(geojson_path(), json.dumps(collection, separators=(",", ":")))
    _write(directory() / RECORD_NAME, json.dumps(asdict(record), ensure_ascii=False, indent=2))
    return record


def _write(path: Path, text: str) -> None:
    # Written beside, then renamed: a page never reads half a file.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".upload-")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        stream.write(text)
    os.replace(temporary, path)
