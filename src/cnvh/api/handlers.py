"""django-ninja's errors, Django's and the plan's, all given in the API's one error body."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
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
    TOO_LARGE,
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

    def too_large(request: HttpRequest, exc: Any) -> HttpResponse:
        # Django would answer a page's 400; a program needs to know it sent too much.
        limit = f"{settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 2**20:,.1f}"
        return error_response(api, request, ApiError(413, "too_large", TOO_LARGE, limit=limit))

    api.add_exception_handler(RequestDataTooBig, too_large)


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


UNKNOWN_PARAMETER = _(
    "%(names)s: not a parameter of this address, so it would be ignored. Check the "
    "spelling; the parameters are: %(known)s."
)


def known_parameters_only(api: NinjaAPI) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Refuse a query parameter the operation does not take: a misspelt filter would
    otherwise be ignored, and the caller would read the whole list as the filtered one."""

    def decorator(run: Callable[..., Any]) -> Callable[..., Any]:
        operation = run.__self__  # type: ignore[attr-defined]
        known = {
            name
            for model in operation.models
            if model.__ninja_param_source__ == "query"
            for name in model.__ninja_flatten_map__
        }

        @wraps(run)
        def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
            unknown = sorted(set(request.GET) - known)
            if not unknown:
                return run(request, *args, **kwargs)
            error = ApiError(
                422,
                "unknown_parameter",
                UNKNOWN_PARAMETER,
                field=unknown[0],
                names=", ".join(unknown),
                known=", ".join(sorted(known)) or "-",
            )
            return error_response(api, request, error)

        return checked

    return decorator
