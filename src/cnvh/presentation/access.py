"""Who sees what on the pages; the rules themselves are in `cnvh.plan.permissions`."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse


def published_only(request: HttpRequest) -> bool:
    """The public sees the published version; members see the latest revisions."""
    return not request.user.has_perm("plan.view_unpublished")


def permission_required(
    permission: str,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Someone not logged in is sent to log in; a logged-in person without the
    permission is refused (sending them to log in again would loop)."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.user.has_perm(permission):
                return view(request, *args, **kwargs)
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied

        return wrapped

    return decorator
