"""Pages of a list: `limit` and `offset`, a stable order, and the total count."""

from collections.abc import Sequence
from typing import Any

from django.db.models import Model, QuerySet
from ninja import Field, Schema

MAX_LIMIT = 1000
MAX_OFFSET = 10**9


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
