"""What every plan page shares: deny by default, and dates as the city lives them."""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils import timezone


def require(user: Any, permission: str, obj: object = None) -> None:
    """403 unless the rules in cnvh.plan.permissions allow it (login is checked first)."""
    if not user.has_perm(permission, obj):
        raise PermissionDenied(permission)


def today() -> date:
    return timezone.localdate()
