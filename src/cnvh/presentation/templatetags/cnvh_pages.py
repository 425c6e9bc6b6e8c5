"""Small helpers the page templates share: an indicator's status in words, and the
count of a person's unread notifications for the navigation."""

from typing import Any

from django import template
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cnvh.plan import reminders
from cnvh.plan.trajectory import Status

register = template.Library()

STATUS_LABELS: dict[str, Promise] = {
    Status.ON_TRACK: _("On track"),
    Status.AT_RISK: _("At risk"),
    Status.OFF_TRACK: _("Off track"),
    Status.NO_DATA: _("No data yet"),
    Status.NO_TARGET: _("No target"),
}


@register.filter
def status_label(status: str) -> str:
    return str(STATUS_LABELS.get(status, status))


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
