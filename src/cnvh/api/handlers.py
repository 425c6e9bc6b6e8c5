"""django-ninja's errors, Django's and the plan's, all given in the API's one error body."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError

from cnvh.api import validation
from cnvh.api.errors import (
    BAD_BODY,
    FORBIDDEN,
    LOCKED,
    NOT_FOUND,
    RATE_LIMITED,
    ApiError,
    error_response,
    not_authenticated,
)
from cnvh.plan.models import ReportLockedError


def install(api: NinjaAPI) -> None:
    """Replace django-ninja's error bodies with ours."""

    def handle(error: ApiError) -> Any:
        return lambda request, exc: error_response(api, request, error)

    def api_error(request: HttpRequest, exc: Any) -> HttpResponse:
        return error_response(api, request, exc)

    def http_error(request: HttpRequest, exc: Any) -> HttpResponse:
        return error_response(api, request, from_http_error(exc))

    def invalid(request: HttpRequest, exc: Any) -> HttpResponse:
        return error_response(api, request, validation.from_ninja(exc.errors))

    def django_invalid(request: HttpRequest, exc: Any) -> HttpResponse:
        return error_response(api, request, validation.from_django(exc))

    api.add_exception_handler(ApiError, api_error)
    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(NinjaValidationError, invalid)
    api.add_exception_handler(DjangoValidationError, django_invalid)
    api.add_exception_handler(Http404, handle(ApiError(404, "not_found", NOT_FOUND)))
    api.add_exception_handler(
        PermissionDenied, handle(ApiError(403, "permission_denied", FORBIDDEN))
    )
    api.add_exception_handler(ReportLockedError, handle(ApiError(409, "locked", LOCKED)))


def from_http_error(exc: HttpError) -> ApiError:
    if isinstance(exc, AuthenticationError):
        return not_authenticated()
    if isinstance(exc, Throttled):
        seconds = str(max(1, int(exc.wait or 1)))
        return ApiError(
            429, "rate_limited", RATE_LIMITED, headers={"Retry-After": seconds}, seconds=seconds
        )
    if exc.status_code == 400:
        return ApiError(400, "bad_request", BAD_BODY)
    if exc.status_code == 403:
        return ApiError(403, "permission_denied", FORBIDDEN)
    return ApiError(exc.status_code, "error", str(exc))
