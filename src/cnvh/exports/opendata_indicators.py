"""The published indicators as open data: CSV (one row per indicator and year with a
value or a target) and JSON (each indicator with its definition, unit, baseline,
targets and values, every value with its source)."""

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
from cnvh.presentation import serialise

TITLE = gettext_noop("Indicators of the plan for the cultural industries")
DESCRIPTION = gettext_noop(
    "The published indicators of the city's plan for the cultural industries: definition, "
    "unit, baseline, targets by year and the values, each with its source (a published "
    "estimate, approved progress reports, a registry count or an imported statistical table)."
)


# The indicator's fields (cnvh.presentation.serialise) the open data gives as they are,
# after its code and its names and definition in both languages.
PLAIN = ("unit", "source", "scope", "measure", "sector", "registry", "aggregation", "direction")


def _target(target: Target) -> dict[str, Any]:
    fields = serialise.target_fields(target)
    return {
        "year": fields["year"],
        "value": fields["value"],
        "set_by": fields["document"],
        "note": serialise.languages(fields, "note"),
    }


def _value(indicator: Indicator, value: values.IndicatorValue) -> dict[str, Any]:
    fields = serialise.value_fields(value)
    return {
        **{name: fields[name] for name in ("year", "value", "ci_low", "ci_high")},
        "source": serialise.value_source(indicator, value),
    }


def indicator_document(indicator: Indicator, series: list[values.IndicatorValue]) -> dict[str, Any]:
    fields = serialise.indicator_fields(indicator)
    return {
        "code": fields["code"],
        "name": serialise.languages(fields, "name"),
        "definition": serialise.languages(fields, "definition"),
        **{name: fields[name] for name in PLAIN},
        "baseline": serialise.point(values.baseline(indicator, series)),
        "targets": [_target(target) for target in indicator.targets.all()],
        "values": [_value(indicator, value) for value in series],
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
    fields = serialise.indicator_fields(indicator)
    targets = {target.year: target for target in indicator.targets.all()}
    by_year = {value.year: value for value in series}
    names = [field.name for field in INDICATOR_FIELDS]
    rows: list[list[object]] = []
    for year in sorted(set(by_year) | set(targets)):
        value, target = by_year.get(year), targets.get(year)
        found = serialise.value_fields(value) if value else {}
        source = serialise.value_source(indicator, value) if value else {}
        estimate = source if source.get("kind") == "estimate" else {}
        line = {
            "indicator": fields["code"],
            "name_vi": fields["name_vi"],
            "name_en": fields["name_en"],
            "unit": fields["unit"],
            "year": year,
            "value": found.get("value"),
            "ci_low": found.get("ci_low"),
            "ci_high": found.get("ci_high"),
            # The target as stored (a decimal), as the file always wrote it.
            "target": target.value if target else None,
            "target_set_by": serialise.target_fields(target)["document"] if target else None,
            "source": source.get("kind"),
            "estimate_scope": estimate.get("scope"),
            "estimate_revision": estimate.get("revision"),
            "estimate_id": estimate.get("estimate_id"),
            "synthetic": estimate.get("synthetic"),
        }
        rows.append([line[name] for name in names])
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
