"""The API at /api/ (django-ninja), its docs page, and the page for one's own tokens.

Every answer under /api/ is JSON with the API's error body, including a method an
address does not take (405) and an address that does not exist (404).
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.urls import URLPattern, URLResolver, include, path
from django.views.decorators.http import require_safe

from cnvh.api import views
from cnvh.api.api import api
from cnvh.api.errors import METHOD_NOT_ALLOWED, NOT_FOUND, ApiError, error_response

# The schema and the docs page are read, never posted to.
READ_ONLY = {"openapi-json", "openapi-view"}


def _not_allowed(request: HttpRequest, refused: HttpResponse) -> HttpResponse:
    error = ApiError(405, "method_not_allowed", METHOD_NOT_ALLOWED, method=request.method)
    response = error_response(api, request, error)
    response["Allow"] = refused["Allow"]
    return response


def json_errors(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            return error_response(api, request, ApiError(404, "not_found", NOT_FOUND))
        if isinstance(response, HttpResponseNotAllowed):
            return _not_allowed(request, response)
        return response

    return wrapped


def not_found(request: HttpRequest, rest: str) -> HttpResponse:
    return error_response(api, request, ApiError(404, "not_found", NOT_FOUND))


def _api_patterns() -> list[URLPattern | URLResolver]:
    """django-ninja's patterns, one per address: it makes one for each operation, all
    with the same view, which answers every method of the address."""
    patterns, _, _ = api.urls
    found: dict[str, URLPattern | URLResolver] = {}
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            view = pattern.callback
            if pattern.name in READ_ONLY:
                view = require_safe(view)
            pattern.callback = json_errors(view)
        found.setdefault(str(pattern.pattern), pattern)
    return [*found.values(), path("<path:rest>", json_errors(not_found), name="api-not-found")]


urlpatterns: list[URLPattern | URLResolver] = [
    path("api/tokens/", views.token_list, name="api-tokens"),
    path("api/tokens/<int:pk>/revoke/", views.token_revoke, name="api-token-revoke"),
    path("api/", include((_api_patterns(), "ninja"), namespace="api")),
]
