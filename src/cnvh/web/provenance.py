"""An estimate's provenance (nested JSON) laid out as tables a person can read: each
part under a heading, each field by its name in the reader's language, lists of
records as tables with a column per field. The raw JSON is a download."""

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cnvh import language
from cnvh.exchange.stages import STAGES
from cnvh.presentation.formatting import MISSING, exact, format_number
from cnvh.stats.money import display_unit

# Headings for the parts the engine and the import write; any other part keeps its key.
HEADINGS: dict[str, Promise] = {
    "inputs": _("Inputs"),
    "scope": _("Scope"),
    "value_added": _("How value added was obtained"),
    "imputation_ratios": _("Imputation ratios"),
    "code_crosswalks": _("Code crosswalks"),
    "codes_not_in_crosswalk": _("Codes not in the crosswalk"),
    "benchmark": _("Benchmarking to official totals"),
    "bootstrap": _("Bootstrap (confidence intervals)"),
    "options": _("Method options"),
    "warnings": _("Warnings"),
    "datasets": _("Imported datasets"),
    "timings_seconds": _("Time taken by each step (seconds)"),
}
GENERAL = _("General")

# Each field's name for people. A test checks that every field the engine writes has one.
LABELS: dict[str, Promise] = {
    "cnvh_version": _("cnvh version"),
    "computed_at": _("Computed at"),
    "unit": _("Unit"),
    "years": _("Years"),
    "area_cells_moved_by_crosswalk": _("Area cells moved by the area crosswalk"),
    "estimate_run": _("Estimate run"),
    "pass_database": _("Database of the pass over the data"),
    "name": _("Name"),
    "role": _("Role"),
    "file": _("File"),
    "path": _("Path"),
    "format": _("Format"),
    "bytes": _("Size (bytes)"),
    # Estimates made before BLAKE3 state a bare SHA-256 under these two keys.
    "sha256": _("SHA-256 checksum"),
    "sha256_computed": _("Checksum computed by this estimate"),
    "checksum_computed": _("Checksum computed by this estimate"),
    "checked_by": _("Checked before by"),
    "checked_at": _("Checked before at"),
    "unit_year_check": _("Each unit once a year"),
    "key": _("Key"),
    "version": _("Version"),
    "classification": _("Classification"),
    "checksum": _("Checksum"),
    "origin": _("Origin"),
    "codes": _("Codes"),
    "by": _("Broken down by"),
    "data_classification": _("Classification of the data"),
    "code_list": _("Code list"),
    "code_crosswalk": _("Code crosswalk"),
    "area_crosswalk": _("Area crosswalk"),
    "benchmark": _("Benchmark totals"),
    "bootstrap": _("Bootstrap replicates"),
    "seed": _("Random seed"),
    "confidence": _("Confidence level"),
    "check_duplicates": _("Exact duplicate rows checked"),
    "check_areas": _("Area codes checked"),
    "rows_read": _("Rows read"),
    "reported": _("Value added reported"),
    "derived_from_output_minus_intermediate_consumption": _(
        "Value added derived as output minus intermediate consumption"
    ),
    "imputed_from_revenue": _("Value added imputed from revenue (rows)"),
    "imputed_value_added_all_units": _("Imputed value added, all units"),
    "imputed_value_added_in_scope": _("Imputed value added, in scope"),
    "rows_without_employment": _("Rows without employment"),
    "sampled_rows": _("Sampled rows"),
    "code": _("Code"),
    "ratio": _("Ratio"),
    "level": _("Level"),
    "donors": _("Donor units"),
    "year": _("Year"),
    "division": _("Division"),
    "official": _("Official total"),
    "data": _("Total of the data"),
    "factor": _("Factor"),
    "method": _("Method"),
    "replicates": _("Replicates"),
    "strata": _("Strata"),
    "strata_with_one_unit": _("Strata with one unit"),
    "held_fixed": _("Held fixed in the replicates"),
    "dataset": _("Dataset"),
    "dataset_checksum": _("Dataset checksum"),
    "dataset_sha256": _("Dataset checksum"),
    "rows": _("Rows"),
    "import": _("Import"),
    "file_sha256": _("Uploaded file's SHA-256"),
    "imported_by": _("Imported by"),
    "imported_at": _("Imported at"),
}
ROLES: dict[str, Promise] = {
    "units": _("Units (enterprises)"),
    "aggregates": _("Aggregates"),
    "totals": _("Official totals"),
    "scope": _("Scope"),
    "area_crosswalk": _("Area crosswalk"),
    "code_crosswalk": _("Code crosswalk"),
    "code_list": _("Code list"),
    "benchmark": _("Benchmark totals"),
}
# Fields whose values are words of the engine that have a translation.
WORDS: dict[str, dict[str, Promise]] = {
    "role": ROLES,
    "origin": {"shipped": _("shipped with cnvh")},
    "method": {
        "Rao-Wu rescaled bootstrap within year x stratum": _(
            "Rao-Wu rescaled bootstrap within year x stratum"
        )
    },
    "checked_by": {
        "estimate": _("an earlier estimate on the same file"),
        "import": _("the import that wrote the file"),
    },
    "unit_year_check": {
        "checked": _("checked on every row by this estimate"),
        "recorded": _("checked before on this same file"),
        "not checked": _("not checked (turned off)"),
    },
    "held_fixed": {
        "value-added ratios for imputation": _("value-added ratios for imputation"),
        "benchmark factors": _("benchmark factors"),
    },
}


@dataclass
class Table:
    """Records of one kind (inputs, ratios, …): a column per field."""

    columns: list[str | Promise]
    rows: list[list[str]]


@dataclass
class Group:
    heading: str | Promise
    rows: list[tuple[str | Promise, str]] = field(default_factory=list)
    table: Table | None = None


def label(key: str) -> str | Promise:
    return LABELS.get(key) or HEADINGS.get(key) or key


def groups(provenance: dict[str, Any]) -> list[Group]:
    """Top-level values under "General", each part in a table of its own."""
    general = Group(GENERAL)
    parts: list[Group] = []
    for key, value in provenance.items():
        if key == "timings_seconds" and isinstance(value, dict):
            parts.append(Group(HEADINGS[key], _timings(value)))
        elif isinstance(value, dict | list) and value and not _is_flat_list(value):
            parts.append(_part(key, value))
        else:
            general.rows.append((label(key), text(key, value)))
    return ([general] if general.rows else []) + parts


def _part(key: str, value: dict[str, Any] | list[Any]) -> Group:
    heading = HEADINGS.get(key, key)
    records = _records(value)
    if records is not None:
        return Group(heading, table=_table(records))
    assert isinstance(value, dict)
    return Group(heading, [(label(name), text(name, item)) for name, item in value.items()])


def _records(value: dict[str, Any] | list[Any]) -> list[dict[str, Any]] | None:
    """A list of records, or a mapping of records by their role (an older shape of the
    inputs): the same table either way."""
    if isinstance(value, list) and all(isinstance(item, dict) for item in value):
        return value
    if isinstance(value, dict) and all(isinstance(item, dict) for item in value.values()):
        return [{"role": name, **item} for name, item in value.items()]
    return None


def _table(records: list[dict[str, Any]]) -> Table:
    columns: list[str] = []
    for record in records:
        columns += [name for name in record if name not in columns]
    rows = [[text(name, record.get(name)) for name in columns] for record in records]
    return Table([label(name) for name in columns], rows)


def _timings(timings: dict[str, Any]) -> list[tuple[str | Promise, str]]:
    return [(STAGES.get(step, step), text("seconds", seconds)) for step, seconds in timings.items()]


def text(key: str, value: Any) -> str:
    """A value in the reader's words and number style; what the engine names (files,
    codes, checksums) as it wrote it."""
    if value is None or value in ("", [], {}):
        return MISSING
    if key == "by" and isinstance(value, list):
        return language.dimensions([str(item) for item in value])
    if isinstance(value, list):
        return ", ".join(text(key, item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{label(name)}: {text(name, item)}" for name, item in value.items())
    return _scalar(key, value)


def _scalar(key: str, value: Any) -> str:
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, str):
        return _word(key, value)
    if isinstance(value, int) and key not in {"seed", "year", "years"}:
        return format_number(value)
    if isinstance(value, float):
        return exact(value)
    return str(value)


def _word(key: str, value: str) -> str:
    if key in WORDS:
        return str(WORDS[key].get(value, value))
    if key == "unit":
        return display_unit(value, language.current())
    if key in {"computed_at", "imported_at", "checked_at"}:
        return _moment(value)
    return value


def _moment(value: str) -> str:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return formats.date_format(moment, "SHORT_DATETIME_FORMAT")


def _is_flat_list(value: Any) -> bool:
    return isinstance(value, list) and all(not isinstance(item, dict | list) for item in value)


def pretty(provenance: dict[str, Any]) -> str:
    return json.dumps(provenance, ensure_ascii=False, indent=2, sort_keys=False)
