"""What an indicator, its targets and its values say to a program: the one place where
their fields are named and their values taken, for the API (`cnvh.api.indicators`) and
the open data (`cnvh.exports.opendata_indicators`). Each face arranges the fields its own
way (the API keeps them flat, the open data puts the two languages side by side) but
never names or reads a field itself.

An estimate row's fields are the engine's (`cnvh.stats.result.ROW_FIELDS`)."""

from typing import Any

from cnvh.plan import trajectory, values
from cnvh.plan.models import Indicator, Target


def indicator_fields(indicator: Indicator) -> dict[str, Any]:
    """What the indicator is: code, names, definition, unit and where its values come from."""
    return {
        "code": indicator.code,
        "name_vi": indicator.name_vi,
        "name_en": indicator.name_en,
        "definition_vi": indicator.definition_vi,
        "definition_en": indicator.definition_en,
        "unit": indicator.unit,
        "source": indicator.source,
        "scope": indicator.scope_key or None,
        "measure": indicator.measure or None,
        "sector": indicator.sector or None,
        "registry": indicator.registry or None,
        "aggregation": indicator.aggregation,
        "direction": indicator.direction,
    }


def languages(fields: dict[str, Any], name: str) -> dict[str, Any]:
    """`name_vi` and `name_en` of `fields` as {"vi": ..., "en": ...}."""
    return {"vi": fields[f"{name}_vi"], "en": fields[f"{name}_en"]}


def point(found: trajectory.Point | None) -> dict[str, Any] | None:
    """A year's value (the baseline, an observation)."""
    return {"year": found.year, "value": found.value} if found else None


def target_fields(target: Target) -> dict[str, Any]:
    return {
        "year": target.year,
        "value": float(target.value),
        "document": target.document.number if target.document else None,
        "note_vi": target.note_vi,
        "note_en": target.note_en,
    }


def value_fields(value: values.IndicatorValue) -> dict[str, Any]:
    """A value with what it was read from: the estimate revision, the approved reports,
    the imported file's row or the registry's records (their list's address)."""
    estimate, imported = value.estimate, value.imported
    return {
        "year": value.year,
        "value": value.value,
        "ci_low": value.ci_low,
        "ci_high": value.ci_high,
        "estimate_id": estimate.pk if estimate else None,
        "estimate_revision": estimate.revision if estimate else None,
        "report_ids": value.report_ids,
        "import_id": imported.record_id if imported else None,
        "import_row": imported.row if imported else None,
        "records_url": value.records.url if value.records else None,
    }


# The fields of value_fields that say where a value came from.
REFERENCES = (
    "estimate_id",
    "estimate_revision",
    "report_ids",
    "import_id",
    "import_row",
    "records_url",
)


def value_source(indicator: Indicator, value: values.IndicatorValue) -> dict[str, Any]:
    """Where a value comes from, by kind: estimate, imported, reports or registry."""
    if value.estimate is not None:
        estimate = value.estimate
        return {
            "kind": "estimate",
            "scope": estimate.scope_key,
            "revision": estimate.revision,
            "estimate_id": estimate.pk,
            "synthetic": estimate.synthetic,
        }
    if value.imported is not None:
        return {
            "kind": "imported",
            "published_in": value.imported.source,
            "file_sha256": value.imported.record.sha256,
            "row": value.imported.row,
        }
    if indicator.source == Indicator.Source.REPORTS:
        return {"kind": "reports", "approved_reports": len(value.report_ids)}
    records = value.records.url if value.records else None
    return {"kind": "registry", "registry": indicator.registry, "records": records}
