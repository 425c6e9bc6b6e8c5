"""Who is calling, and how often they may write.

A program sends `Authorization: Bearer <token>`; a browser may use its session.
Browsers never add an Authorization header to another site's request by themselves,
so a token needs no CSRF token; a session does, for every write. What the caller may
then see or do is decided by the rules in `cnvh.plan.permissions`, as on the pages.
"""

import math
import threading
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils import timezone
from ninja.security.base import AuthBase
from ninja.throttling import BaseThrottle
from ninja.utils import check_csrf

from cnvh.api import tokens
from cnvh.api.errors import CSRF_FAILED, ApiError, not_authenticated
from cnvh.api.models import ApiWrite

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
KEEP_WRITES = timedelta(days=1)


def caller(request: HttpRequest) -> Any:
    """The person the request acts for: a token's owner, the session's user or, on the
    public routes, the anonymous user."""
    return request.auth  # type: ignore[attr-defined]


class BearerToken(AuthBase):
    """The caller: a token's owner, the session's user or, where `public`, anyone."""

    openapi_type = "http"
    openapi_scheme = "bearer"
    openapi_description = (
        "An API token of a member (made on the page /api/tokens/). Public data needs "
        "none; a logged-in browser session works too, with the CSRF token for writes."
    )
    # Tells the docs page to send the CSRF token, so "Try it out" works with a session.
    csrf = True

    def __init__(self, *, public: bool = False) -> None:
        super().__init__()
        self.public = public

    def __call__(self, request: HttpRequest) -> Any:
        header = request.headers.get("Authorization")
        if header:
            return self._token_user(request, header)
        user = request.user
        if user.is_authenticated:
            if request.method not in SAFE_METHODS and check_csrf(request) is not None:
                raise ApiError(403, "csrf_failed", CSRF_FAILED)
            return user
        # AnonymousUser is truthy: django-ninja takes it as authenticated; the rules
        # then give it only what the public may see.
        return AnonymousUser() if self.public else None

    @staticmethod
    def _token_user(request: HttpRequest, header: str) -> Any:
        scheme, _, raw = header.strip().partition(" ")
        token = tokens.authenticate(raw.strip()) if scheme.lower() == "bearer" else None
        if token is None:
            # A wrong token is refused even where no token is needed: a program must
            # learn that its token expired rather than quietly see less.
            raise not_authenticated(field="Authorization")
        # The history of what the request changes records the token's owner.
        request.user = token.user
        request.api_token = token  # type: ignore[attr-defined]
        return token.user


member = BearerToken()
public = BearerToken(public=True)
# Public operations: the token is optional (OpenAPI: bearer, or nothing).
OPTIONAL: dict[str, Any] = {"security": [{}]}


class WriteLimit(BaseThrottle):
    """At most settings.CNVH_API_WRITE_LIMIT writes per person within the window.

    Each write is a row of `ApiWrite`, so every server process counts the same rows
    (the file cache's counters are not atomic across processes). A refused write is
    not counted: a client that keeps trying is let in as soon as the window allows.
    """

    def __init__(self) -> None:
        self._waits = threading.local()

    def allow_request(self, request: HttpRequest) -> bool:
        user = getattr(request, "auth", None)
        if user is None or not user.is_authenticated:
            return True
        now = timezone.now()
        window = timedelta(seconds=settings.CNVH_API_WRITE_WINDOW_SECONDS)
        write = ApiWrite.objects.create(
            user=user,
            token=getattr(request, "api_token", None),
            method=request.method or "",
            path=request.path[:255],
            at=now,
        )
        ApiWrite.objects.filter(at__lt=now - KEEP_WRITES).delete()
        earlier = list(
            ApiWrite.objects.filter(user=user, at__gt=now - window)
            .exclude(pk=write.pk)
            .order_by("at")
            .values_list("at", flat=True)
        )
        limit = settings.CNVH_API_WRITE_LIMIT
        if len(earlier) < limit:
            self._waits.seconds = None
            return True
        write.delete()
        # Free again when enough of the earlier writes have left the window.
        frees_at = earlier[len(earlier) - limit] + window
        self._waits.seconds = max(1, math.ceil((frees_at - now).total_seconds()))
        return False

    def wait(self) -> float | None:
        seconds: float | None = getattr(self._waits, "seconds", None)
        return seconds


write_limit = WriteLimit()
