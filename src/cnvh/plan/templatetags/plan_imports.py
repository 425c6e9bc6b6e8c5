"""Where an imported indicator's values came from: the imports of the values shown, and
the values later imports replaced, each with its file and row.

    {% load plan_imports %}{% imported_sources indicator %}
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import template

from cnvh.exchange.models import ImportRecord
from cnvh.plan.models import ImportedValue, Indicator

register = template.Library()

LIMIT = 200


@dataclass(frozen=True)
class Source:
    record: ImportRecord
    values: int


def exact(value: Decimal) -> tuple[float, int]:
    """A stored value and the decimals it was given with (stored with six)."""
    exponent = Decimal(value).normalize().as_tuple().exponent
    digits = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return float(value), digits


@register.inclusion_tag("plan/_imported_sources.html", takes_context=True)
def imported_sources(context: dict[str, Any], indicator: Indicator) -> dict[str, Any]:
    current = ImportedValue.objects.filter(indicator=indicator, current=True)
    counts: dict[int, int] = {}
    for record_id in current.values_list("record_id", flat=True):
        counts[record_id] = counts.get(record_id, 0) + 1
    records = ImportRecord.objects.filter(pk__in=counts).select_related("created_by")
    replaced = (
        ImportedValue.objects.filter(indicator=indicator, current=False)
        .select_related("record", "replaced_by__record")
        .order_by("-year", "area", "-pk")[:LIMIT]
    )
    return {
        "sources": [Source(record, counts[record.pk]) for record in records],
        "replaced": [(value, *exact(value.value)) for value in replaced],
        "limit": LIMIT,
        "perms": context.get("perms"),
    }
