"""Open data: the published estimates and indicators, as CSV and JSON.

Only what is published, whoever asks: the latest published revision of each
definition (a `Publication`), and indicators marked published with their values
from published sources only (`cnvh.plan.values` with published_only: published
estimates, approved reports, registry counts, imported statistical tables). A
draft, a submitted report, an unpublished revision or indicator never appears.

The files are the same for everyone and in every language (names and definitions
are given in Vietnamese and English), with stable English column names, numbers at
full precision and units stated, so programs can read them.
"""

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db.models import Max, Min, Prefetch
from django.utils.translation import gettext_noop

from cnvh.estimates.models import TOTALS_FIRST, Estimate, EstimateRow, Publication
from cnvh.estimates.store import latest_estimates
from cnvh.language import both
from cnvh.plan.models import ImportedValue, Indicator, ProgressReport, Target, Task
from cnvh.presentation.tables.csv_file import BOM, cell
from cnvh.stats import result

LICENCE = "https://creativecommons.org/licenses/by/4.0/"


def licence() -> str:
    """The open licence of the data (settings.CNVH_OPEN_DATA_LICENCE)."""
    return str(getattr(settings, "CNVH_OPEN_DATA_LICENCE", "") or LICENCE)


@dataclass(frozen=True)
class Field:
    name: str
    definition: str  # msgid
    unit: str | None = None


REVISION_FIELDS = [
    Field("scope", gettext_noop("Key of the definition (scope) of the cultural industries")),
    Field("scope_version", gettext_noop("Version of the definition's code list")),
    Field("revision", gettext_noop("Revision of the estimate of this definition")),
    Field("estimate_id", gettext_noop("Identifier of the stored estimate")),
    Field("published_at", gettext_noop("When the revision was published (ISO 8601)")),
    Field("synthetic", gettext_noop("true when the figures are synthetic demo data")),
]
# Each field of an estimate row (cnvh.stats.result.ROW_FIELDS, by its name there) as the
# open data names and defines it.
ROW_FIELD_DEFINITIONS = {
    "year": Field("year", gettext_noop("Calendar year")),
    "sector": Field("sector", gettext_noop("Sector code; empty for the definition's total")),
    "area": Field("area", gettext_noop("Administrative unit code (GSO); empty for the whole city")),
    "value_added": Field("value_added", gettext_noop("Value added"), "value_added_unit"),
    "share": Field("share_of_grdp", gettext_noop("Value added as a fraction of GRDP"), "fraction"),
    "employment": Field("employment", gettext_noop("Persons employed"), "persons"),
    "establishments": Field("establishments", gettext_noop("Establishments"), "establishments"),
    "employment_share": Field(
        "share_of_employment",
        gettext_noop("Employment as a fraction of all employment"),
        "fraction",
    ),
    "share_ci_low": Field(
        "share_ci_low", gettext_noop("Confidence interval of the share, low end"), "fraction"
    ),
    "share_ci_high": Field(
        "share_ci_high", gettext_noop("Confidence interval of the share, high end"), "fraction"
    ),
}
VALUE_ADDED_UNIT = Field("value_added_unit", gettext_noop("Unit of the value added"))
# An estimate row's names in the open data, in the engine's order.
ROW_NAMES = tuple(ROW_FIELD_DEFINITIONS[name].name for name in result.ROW_FIELDS)
# The estimates file's columns: the revision's, then the row's (the unit of the value
# added right after it).
ESTIMATE_FIELDS = REVISION_FIELDS + [
    found
    for name in result.ROW_FIELDS
    for found in (
        [ROW_FIELD_DEFINITIONS[name], VALUE_ADDED_UNIT]
        if name == "value_added"
        else [ROW_FIELD_DEFINITIONS[name]]
    )
]
INDICATOR_FIELDS = [
    Field("indicator", gettext_noop("Indicator code")),
    Field("name_vi", gettext_noop("Indicator name in Vietnamese")),
    Field("name_en", gettext_noop("Indicator name in English")),
    Field("unit", gettext_noop("Unit of the value and the target")),
    Field("year", gettext_noop("Calendar year")),
    Field("value", gettext_noop("The indicator's value in the year"), "unit"),
    Field("ci_low", gettext_noop("Confidence interval of the value, low end"), "unit"),
    Field("ci_high", gettext_noop("Confidence interval of the value, high end"), "unit"),
    Field("target", gettext_noop("The target for the year"), "unit"),
    Field("target_set_by", gettext_noop("The document that set the target")),
    Field(
        "source",
        gettext_noop("Where the value comes from: estimate, reports, registry or imported"),
    ),
    Field("estimate_scope", gettext_noop("Definition of the estimate the value comes from")),
    Field("estimate_revision", gettext_noop("Revision of the estimate the value comes from")),
    Field("estimate_id", gettext_noop("Identifier of the stored estimate the value comes from")),
    Field("synthetic", gettext_noop("true when the value comes from synthetic demo data")),
]


def field_list(fields: Sequence[Field]) -> list[dict[str, Any]]:
    return [{"name": f.name, "definition": both(f.definition), "unit": f.unit} for f in fields]


def published_estimates(scope: str | None = None) -> list[Estimate]:
    """The latest published revision of each definition (of `scope` alone if given)."""
    found = latest_estimates(published_only=True)
    return [
        estimate
        for estimate in found
        if hasattr(estimate, "publication") and scope in (None, estimate.scope_key)
    ]


def published_indicators() -> list[Indicator]:
    targets = Target.objects.select_related("document").order_by("year")
    return list(
        Indicator.objects.filter(published=True)
        .prefetch_related(Prefetch("targets", queryset=targets))
        .order_by("code")
    )


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """UTF-8 with a byte-order mark, as the tables: Excel opens it with Vietnamese intact."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell(value) for value in row])
    return buffer.getvalue().encode("utf-8")


def json_bytes(document: dict[str, Any]) -> bytes:
    # Floats as Python writes them: the shortest text that reads back as the same number.
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode(
        "utf-8"
    )


def iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def latest_change(moments: Iterable[datetime | None]) -> datetime | None:
    found = [moment for moment in moments if moment is not None]
    return max(found) if found else None


def publication_dates(scope: str | None = None) -> tuple[datetime | None, datetime | None]:
    """The first and the latest publication (of one definition's revisions)."""
    publications = Publication.objects.all()
    if scope is not None:
        publications = publications.filter(estimate__scope_key=scope)
    dates = publications.aggregate(first=Min("published_at"), latest=Max("published_at"))
    return dates["first"], dates["latest"]


def indicators_changed() -> datetime | None:
    """The latest change to what the indicators file holds: a publication, an
    approval, an indicator or target edited, a task completed, a table imported."""
    return latest_change(
        [
            publication_dates()[1],
            ProgressReport.objects.filter(status=ProgressReport.Status.APPROVED).aggregate(
                at=Max("reviewed_at")
            )["at"],
            Indicator.history.aggregate(at=Max("history_date"))["at"],
            Target.history.aggregate(at=Max("history_date"))["at"],
            Task.history.aggregate(at=Max("history_date"))["at"],
            ImportedValue.objects.filter(indicator__published=True).aggregate(
                at=Max("record__finished_at")
            )["at"],
        ]
    )


def estimate_rows(estimates: list[Estimate]) -> list[tuple[Any, ...]]:
    """The estimates' rows: the estimate's id, then the row's fields (ROW_FIELDS)."""
    return list(
        EstimateRow.objects.filter(estimate__in=estimates)
        .order_by("estimate_id", "year", *TOTALS_FIRST)
        .values_list("estimate_id", *result.ROW_FIELDS)
    )
