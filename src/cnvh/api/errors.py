"""One body for every error the API gives, in Vietnamese and English:

    {"code": "not_found", "message": {"vi": "...", "en": "..."}, "field": null,
     "details": [{"code": ..., "message": {...}, "field": ...}, ...]}

`code` is stable for programs; `message` is for people; `field` names the input at
fault (for a list of problems, the first; `details` has each).
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI, Schema

from cnvh import language


class Message(Schema):
    vi: str
    en: str


class ErrorDetail(Schema):
    code: str
    message: Message
    field: str | None = None


class ErrorOut(Schema):
    code: str
    message: Message
    field: str | None = None
    details: list[ErrorDetail] = []


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str | Promise,
        *,
        field: str | None = None,
        details: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
        **params: Any,
    ) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.message = language.both(message, **params)
        self.field = field
        self.details = details or []
        self.headers = headers or {}


NOT_AUTHENTICATED = _(
    "Log in, or send an API token in the header 'Authorization: Bearer <token>'. A member "
    "makes tokens on the page /api/tokens/."
)
NOT_FOUND = _("Nothing is found at this address, or you may not see it.")
FORBIDDEN = _("Your role does not allow this. Ask the administrator if you need it.")
CSRF_FAILED = _(
    "A write with a logged-in session needs the CSRF token (header X-CSRFToken). "
    "Programs should use an API token instead."
)
BAD_BODY = _("The request body could not be read. Send JSON (or a form with the file).")
TOO_LARGE = _(
    "The request body is larger than the limit of %(limit)s MB. Send less at once (a file "
    "goes to /api/imports as a form upload)."
)
RATE_LIMITED = _("Too many changes in a short time. Wait %(seconds)s seconds, then try again.")
LOCKED = _("The report is approved and locked: it cannot be changed any more.")
METHOD_NOT_ALLOWED = _("This address does not accept the method %(method)s.")


def error_response(api: NinjaAPI, request: HttpRequest, error: ApiError) -> HttpResponse:
    body = {
        "code": error.code,
        "message": error.message,
        "field": error.field,
        "details": error.details,
    }
    response = api.create_response(request, body, status=error.status)
    for name, value in error.headers.items():
        response[name] = value
    return response


def not_authenticated(field: str | None = None) -> ApiError:
    return ApiError(
        401,
        "not_authenticated",
        NOT_AUTHENTICATED,
        field=field,
        headers={"WWW-Authenticate": 'Bearer realm="cnvh"'},
    )


# The statuses every operation may answer with, for the schema.
ERRORS: dict[int, type[ErrorOut]] = {
    status: ErrorOut for status in (400, 401, 403, 404, 405, 409, 422, 429)
}
