"""The published indicators as open data: CSV (one row per indicator and year with a
value or a target) and JSON (each indicator with its definition, unit, baseline,
targets and values, every value with its source)."""

from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_noop

from cnvh.exports.opendata import (
    INDICATOR_FIELDS,
    csv_bytes,
    field_list,
    json_bytes,
    licence,
)
from cnvh.language import both
from cnvh.plan import values
from cnvh.plan.models import Indicator, Target

TITLE = gettext_noop("Indicators of the plan for the cultural industries")
DESCRIPTION = gettext_noop(
    "The published indicators of the city's plan for the cultural industries: definition, "
    "unit, baseline, targets by year and the values, each with its source (a published "
    "estimate, approved progress reports, a registry count or an imported statistical table)."
)


def _number(value: Decimal | float | None) -> float | None:
    return None if value is None else float(value)


def value_source(indicator: Indicator, value: values.IndicatorValue) -> dict[str, Any]:
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
    return {"kind": "registry", "registry": indicator.registry}


def _target(target: Target) -> dict[str, Any]:
    return {
        "year": target.year,
        "value": _number(target.value),
        "set_by": target.document.number if target.document else None,
        "note": {"vi": target.note_vi, "en": target.note_en},
    }


def indicator_document(indicator: Indicator, series: list[values.IndicatorValue]) -> dict[str, Any]:
    baseline = values.baseline(indicator, series)
    return {
        "code": indicator.code,
        "name": {"vi": indicator.name_vi, "en": indicator.name_en},
        "definition": {"vi": indicator.definition_vi, "en": indicator.definition_en},
        "unit": indicator.unit,
        "source": indicator.source,
        "scope": indicator.scope_key or None,
        "measure": indicator.measure or None,
        "sector": indicator.sector or None,
        "registry": indicator.registry or None,
        "aggregation": indicator.aggregation,
        "direction": indicator.direction,
        "baseline": {"year": baseline.year, "value": baseline.value} if baseline else None,
        "targets": [_target(target) for target in indicator.targets.all()],
        "values": [
            {
                "year": value.year,
                "value": value.value,
                "ci_low": value.ci_low,
                "ci_high": value.ci_high,
                "source": value_source(indicator, value),
            }
            for value in series
        ],
    }


def indicators_json(indicators: list[Indicator]) -> bytes:
    every_series = values.series_many(indicators, published_only=True)
    document = {
        "title": both(TITLE),
        "description": both(DESCRIPTION),
        "license": licence(),
        "fields": field_list(INDICATOR_FIELDS),
        "indicators": [
            indicator_document(indicator, every_series[indicator.pk]) for indicator in indicators
        ],
    }
    return json_bytes(document)


def _rows(indicator: Indicator, series: list[values.IndicatorValue]) -> list[list[object]]:
    targets = {target.year: target for target in indicator.targets.all()}
    by_year = {value.year: value for value in series}
    rows: list[list[object]] = []
    for year in sorted(set(by_year) | set(targets)):
        value, target = by_year.get(year), targets.get(year)
        estimate = value.estimate if value else None
        rows.append(
            [
                indicator.code,
                indicator.name_vi,
                indicator.name_en,
                indicator.unit,
                year,
                value.value if value else None,
                value.ci_low if value else None,
                value.ci_high if value else None,
                target.value if target else None,
                target.document.number if target and target.document else None,
                value_source(indicator, value)["kind"] if value else None,
                estimate.scope_key if estimate else None,
                estimate.revision if estimate else None,
                estimate.pk if estimate else None,
                estimate.synthetic if estimate else None,
            ]
        )
    return rows


def indicators_csv(indicators: list[Indicator]) -> bytes:
    every_series = values.series_many(indicators, published_only=True)
    rows: list[list[object]] = []
    for indicator in indicators:
        rows += _rows(indicator, every_series[indicator.pk])
    return csv_bytes([field.name for field in INDICATOR_FIELDS], rows)


def years(indicators: list[Indicator]) -> list[int]:
    """The years the published indicators have a value or a target for."""
    every_series = values.series_many(indicators, published_only=True)
    found = {value.year for series in every_series.values() for value in series}
    found |= {target.year for indicator in indicators for target in indicator.targets.all()}
    return sorted(found)
