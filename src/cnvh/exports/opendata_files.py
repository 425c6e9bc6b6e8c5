"""The open data files, built once and shared by every server process.

Stored estimates never change, so an estimates file is kept under the revisions and
publications it holds and built again only when another revision is published. The
indicators file (and the catalogue, which lists it) depends on much more: it is kept
under the public pages' generation token (`cnvh.presentation.page_cache`), which any saved
publication, approval or edit renews. A file's ETag is the hash of its bytes: the
same bytes always get the same tag, whichever process built them.
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache

import cnvh
from cnvh.exports import opendata, opendata_estimates, opendata_indicators
from cnvh.presentation import page_cache

CSV = "text/csv; charset=utf-8"
JSON = "application/json"
JSON_LD = "application/ld+json"
KEPT_SECONDS = 7 * 24 * 3600
MEDIA_TYPES = {"csv": "text/csv", "json": "application/json"}


@dataclass(frozen=True)
class Served:
    body: bytes
    content_type: str
    etag: str
    last_modified: datetime | None

    @property
    def size(self) -> int:
        return len(self.body)


def served(body: bytes, content_type: str, last_modified: datetime | None) -> Served:
    etag = '"' + hashlib.sha256(body).hexdigest()[:40] + '"'
    return Served(body, content_type, etag, last_modified)


def kept(
    key: str, build: Callable[[], Served | None], *, fingerprint: str | None = None
) -> Served | None:
    """`build()`'s file, from the cache while nothing it holds has changed: as long as
    `fingerprint` stays the same if given, else until the public pages are renewed."""
    if not page_cache.enabled():
        return build()
    if fingerprint is None:
        full_key, timeout = f"{key}:{page_cache.generation()}", page_cache.TIMEOUT
    else:
        full_key, timeout = f"{key}:{fingerprint}:{cnvh.__version__}", KEPT_SECONDS
    digest = hashlib.sha256(full_key.encode()).hexdigest()
    found: Served | None = cache.get(f"cnvh:open-data:{digest}")
    if found is None:
        found = build()
        if found is not None:
            cache.set(f"cnvh:open-data:{digest}", found, timeout)
    return found


def estimates_file(file_format: str, scope: str | None = None) -> Served | None:
    """The latest published revisions (of one definition: None if it has none)."""

    estimates = opendata.published_estimates(scope)
    if scope is not None and not estimates:
        return None

    def build() -> Served:
        if file_format == "csv":
            body, content_type = opendata_estimates.estimates_csv(estimates), CSV
        else:
            body, content_type = opendata_estimates.estimates_json(estimates), JSON
        latest = opendata.latest_change(e.publication.published_at for e in estimates)
        return served(body, content_type, latest)

    held = " ".join(
        f"{e.pk}/{e.publication.pk}/{e.publication.published_at.isoformat()}" for e in estimates
    )
    fingerprint = f"{held} {opendata.licence()}"
    return kept(f"estimates.{file_format}:{scope or ''}", build, fingerprint=fingerprint)


def indicators_file(file_format: str) -> Served:
    def build() -> Served:
        indicators = opendata.published_indicators()
        if file_format == "csv":
            body, content_type = opendata_indicators.indicators_csv(indicators), CSV
        else:
            body, content_type = opendata_indicators.indicators_json(indicators), JSON
        return served(body, content_type, opendata.indicators_changed())

    found = kept(f"indicators.{file_format}", build)
    assert found is not None
    return found
