"""The published estimates as open data: CSV (one row per stored cell) and JSON (each
revision with its definition, provenance and rows)."""

from collections import defaultdict
from typing import Any

from django.utils.translation import gettext_noop

from cnvh.estimates.models import Estimate
from cnvh.exports.opendata import (
    ESTIMATE_FIELDS,
    ROW_NAMES,
    csv_bytes,
    estimate_rows,
    field_list,
    iso,
    json_bytes,
    licence,
)
from cnvh.language import both

TITLE = gettext_noop("Cultural industries: value added, share of GRDP, employment, establishments")
DESCRIPTION = gettext_noop(
    "Estimates of the cultural industries by year, sector and area, under each definition "
    "(scope) of the cultural industries: the latest published revision of each. Figures "
    "under different definitions are not comparable."
)


def estimates_csv(estimates: list[Estimate]) -> bytes:
    revisions = {estimate.pk: _revision_cells(estimate) for estimate in estimates}
    names = [field.name for field in ESTIMATE_FIELDS]
    rows = []
    for estimate_id, *cells in estimate_rows(estimates):
        line = {**revisions[estimate_id], **dict(zip(ROW_NAMES, cells, strict=True))}
        rows.append([line[name] for name in names])
    return csv_bytes(names, rows)


def _revision_cells(estimate: Estimate) -> dict[str, Any]:
    """What each of the revision's rows says of it in the CSV."""
    return {
        "scope": estimate.scope_key,
        "scope_version": estimate.scope_version,
        "revision": estimate.revision,
        "estimate_id": estimate.pk,
        "published_at": iso(estimate.publication.published_at),
        "synthetic": estimate.synthetic,
        "value_added_unit": estimate.unit,
    }


def _revision(estimate: Estimate, rows: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "estimate_id": estimate.pk,
        "scope": estimate.scope_key,
        "scope_title": {"vi": estimate.scope_title_vi, "en": estimate.scope_title_en},
        "scope_version": estimate.scope_version,
        "scope_checksum": estimate.scope_checksum,
        "classification": estimate.classification,
        "revision": estimate.revision,
        "published_at": iso(estimate.publication.published_at),
        "synthetic": estimate.synthetic,
        "value_added_unit": estimate.unit,
        "sectors": {
            key: {"vi": titles.get("title_vi", ""), "en": titles.get("title_en", "")}
            for key, titles in (estimate.sectors or {}).items()
        },
        "provenance": estimate.provenance,
        "rows": rows,
    }


def estimates_json(estimates: list[Estimate]) -> bytes:
    rows: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for estimate_id, *cells in estimate_rows(estimates):
        rows[estimate_id].append(dict(zip(ROW_NAMES, cells, strict=True)))
    document = {
        "title": both(TITLE),
        "description": both(DESCRIPTION),
        "license": licence(),
        "fields": field_list(ESTIMATE_FIELDS),
        "estimates": [_revision(estimate, rows[estimate.pk]) for estimate in estimates],
    }
    return json_bytes(document)
