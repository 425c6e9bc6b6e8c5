"""Small helpers the page templates share: an indicator's status in words, the count
of a person's unread notifications for the navigation, and whether a registry count's
records open for the reader."""

from typing import Any

from django import template

from cnvh.plan import reminders
from cnvh.presentation import indicators

register = template.Library()

register.filter("status_label", indicators.status_label)


@register.simple_tag(takes_context=True)
def unread_notifications(context: Any) -> int:
    """Counted once per page, and only for someone logged in."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    cached: int | None = getattr(request, "_cnvh_unread", None)
    if cached is None:
        cached = reminders.unread_count(user)
        request._cnvh_unread = cached
    return cached


@register.filter
def opens_for(records: Any, user: Any) -> bool:
    """`{% if value.records|opens_for:request.user %}`: link the records only for a
    reader whose role opens their page."""
    return records is not None and bool(records.open_to(user))
