"""Published pages for the public, computed once and shared by every server process.

The public overview costs about 33 ms of CPU to compute, so two cores serve about 30 a
second. What an anonymous visitor sees changes only when something is published,
approved or edited in the plan, so it is kept in Django's cache (settings.CACHES: files
under var/, which every gunicorn process shares) and served from there.

- Only a visitor with no session and no pending message gets a cached page: a
  logged-in person's page depends on their permissions and is always computed, and a
  member's page is never stored, so the public never sees a member's view and members
  never see the public's.
- A page's key holds its path with the query, the language, today's date (a task
  becomes overdue with the date) and a generation token. Any saved change to what the
  public sees (a publication, an approval, a task, an indicator...) replaces the token
  once its transaction commits, so the next request computes the page again.
- Pages are kept at most TIMEOUT seconds: a change made outside the models' save (raw
  SQL, a restore) shows after that at the latest; `invalidate()` shows it at once.
- The language switch in every page carries a CSRF token: the stored page holds a
  placeholder, replaced by the visitor's own token when served.
"""

import hashlib
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone

TIMEOUT = 600
GENERATION_KEY = "cnvh:public-pages:generation"
# Not a valid token (wrong length and alphabet): a page that kept it by mistake could
# never pass a CSRF check.
CSRF_PLACEHOLDER = "cnvh-csrf-token-placeholder"
KEPT_HEADERS = ("Content-Type", "Content-Disposition")
# What the public pages are made of: a saved change to any of these renews the pages.
WATCHED = (
    "estimates.Estimate",
    "estimates.Publication",
    "plan.Plan",
    "plan.ContentGroup",
    "plan.Task",
    "plan.Indicator",
    "plan.Target",
    "plan.ImportedValue",
    "plan.Agency",
    "plan.LegalDocument",
)


def enabled() -> bool:
    return bool(getattr(settings, "CNVH_PAGE_CACHE", True))


def is_public(request: HttpRequest) -> bool:
    """An anonymous visitor, known without reading the session: no session cookie (a
    logged-in person always has one) and no message waiting to be shown."""
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def generation() -> str:
    token = cache.get(GENERATION_KEY)
    if token is None:
        token = uuid.uuid4().hex
        # add(): if another process set one meanwhile, both use the one kept.
        if not cache.add(GENERATION_KEY, token, None):
            token = cache.get(GENERATION_KEY) or token
    return str(token)


def invalidate() -> None:
    """Every public page is computed again on its next request."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)


def invalidate_on_commit(**kwargs: Any) -> None:
    # After the commit: a page computed before it would otherwise be stored under the
    # new token with the old data.
    transaction.on_commit(invalidate)


def _key(request: HttpRequest) -> str:
    parts = [
        request.get_full_path(),
        getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
        timezone.localdate().isoformat(),
        generation(),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"cnvh:public-page:{digest}"


def public_page(
    request: HttpRequest, build: Callable[[dict[str, Any]], HttpResponse]
) -> HttpResponse:
    """The page `build` makes, from the cache for the public. `build` receives context
    to add to its template's (the CSRF placeholder when the page will be stored)."""
    if not (enabled() and is_public(request)):
        return build({})
    key = _key(request)
    stored = cache.get(key)
    if stored is None:
        response = build({"csrf_token": CSRF_PLACEHOLDER})
        if response.status_code != 200 or response.streaming:
            return _with_token(request, response)
        stored = {
            "content": response.content,
            "headers": {name: response[name] for name in KEPT_HEADERS if name in response},
        }
        cache.set(key, stored, TIMEOUT)
    response = HttpResponse(stored["content"])
    for name, value in stored["headers"].items():
        response[name] = value
    return _with_token(request, response)


def _with_token(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    if not response.streaming and CSRF_PLACEHOLDER.encode() in response.content:
        # get_token() also has the middleware set the visitor's CSRF cookie.
        token = get_token(request).encode()
        response.content = response.content.replace(CSRF_PLACEHOLDER.encode(), token)
    return response


def approved_report_saved(sender: Any, instance: Any, **kwargs: Any) -> None:
    """An approved report's values appear in the public indicators."""
    if instance.status == "approved":
        invalidate_on_commit()


def watched() -> list[str]:
    """The models above and those the registries' measures read (registered by then:
    this app is made ready after the registries)."""
    from cnvh.plan import registry_measures

    read = {label for measure in registry_measures.registered() for label in measure.models}
    return [*WATCHED, *sorted(read - set(WATCHED))]


def connect() -> None:
    from django.apps import apps

    for label in watched():
        model = apps.get_model(label)
        post_save.connect(invalidate_on_commit, sender=model, dispatch_uid=f"page-cache-{label}")
        post_delete.connect(invalidate_on_commit, sender=model, dispatch_uid=f"page-cache-{label}")
    task = apps.get_model("plan.Task")
    for through in (task.coordinating_agencies.through, task.indicators.through):
        m2m_changed.connect(
            invalidate_on_commit, sender=through, dispatch_uid=f"page-cache-{through}"
        )
    post_save.connect(
        approved_report_saved,
        sender=apps.get_model("plan.ProgressReport"),
        dispatch_uid="page-cache-approved-report",
    )
