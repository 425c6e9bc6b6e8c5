"""Pages of a list: `limit` and `offset`, a stable order, and the total count."""

from collections.abc import Sequence
from typing import Annotated, Any

from django.db.models import Model, QuerySet
from ninja import Field, Path, Schema

MAX_LIMIT = 1000
# Ids and offsets fit the databases' 64-bit integers; larger ones are refused as
# invalid rather than reaching the database.
MAX_ID = 2**63 - 1
MAX_OFFSET = 10**9

# Codes of scopes, sectors, areas, agencies and indicators: never spaces or NUL.
CODE_PATTERN = r"^[A-Za-z0-9_.\-]+$"
Code = Annotated[str, Field(min_length=1, max_length=64, pattern=CODE_PATTERN)]
# The same, as the last part of an address.
CodeInPath = Annotated[str, Path(min_length=1, max_length=64, pattern=CODE_PATTERN)]
IdInPath = Annotated[int, Path(ge=1, le=MAX_ID)]


class PageQuery(Schema):
    limit: int = Field(100, ge=1, le=MAX_LIMIT, description="Items per page (at most 1000).")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Items to skip.")


class PageMeta(Schema):
    count: int = Field(description="Items in the whole list, all pages.")
    limit: int
    offset: int


def page(items: QuerySet[Any] | Sequence[Any], query: PageQuery) -> tuple[int, list[Any]]:
    """The total and the items of the page asked for. A queryset must be ordered by a
    unique key, so a page never repeats or skips an item."""
    if isinstance(items, QuerySet):
        total = items.count()
        return total, list(items[query.offset : query.offset + query.limit])
    return len(items), list(items[query.offset : query.offset + query.limit])


def meta(total: int, query: PageQuery) -> dict[str, int]:
    return {"count": total, "limit": query.limit, "offset": query.offset}


def ordered(queryset: QuerySet[Any], *fields: str) -> QuerySet[Any]:
    """`fields`, then the primary key: a total order, so pages are stable."""
    model: type[Model] = queryset.model
    return queryset.order_by(*fields, model._meta.pk.name if model._meta.pk else "pk")
