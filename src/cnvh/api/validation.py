"""Bad input, said in Vietnamese and English: which field, what is wrong, how to fix it."""

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cnvh import language
from cnvh.api.errors import ApiError

INVALID = _("Some of the input is not valid: see each field in 'details'.")

# pydantic's error types → what to do, with the error's context as parameters.
HINTS: dict[str, Promise] = {
    "missing": _("%(field)s is required: give a value."),
    "int_parsing": _("%(field)s must be a whole number, such as 2024."),
    "int_type": _("%(field)s must be a whole number, such as 2024."),
    "int_from_float": _("%(field)s must be a whole number, without decimals."),
    "float_parsing": _("%(field)s must be a number, such as 12.5."),
    "float_type": _("%(field)s must be a number, such as 12.5."),
    "decimal_parsing": _("%(field)s must be a number, such as 12.5."),
    "decimal_type": _("%(field)s must be a number, such as 12.5."),
    "decimal_max_digits": _("%(field)s has too many digits: at most %(max_digits)s."),
    "decimal_max_places": _("%(field)s has too many decimals: at most %(decimal_places)s."),
    "decimal_whole_digits": _("%(field)s is too large."),
    "finite_number": _("%(field)s must be a finite number."),
    "greater_than_equal": _("%(field)s must be at least %(ge)s."),
    "greater_than": _("%(field)s must be more than %(gt)s."),
    "less_than_equal": _("%(field)s must be at most %(le)s."),
    "less_than": _("%(field)s must be less than %(lt)s."),
    "string_too_long": _("%(field)s is too long: at most %(max_length)s characters."),
    "string_too_short": _("%(field)s is too short: at least %(min_length)s characters."),
    "string_pattern_mismatch": _(
        "%(field)s has characters that are not allowed: letters, digits, '.', '-' and '_' only."
    ),
    "string_type": _("%(field)s must be text."),
    "literal_error": _("%(field)s must be one of: %(expected)s."),
    "enum": _("%(field)s must be one of: %(expected)s."),
    "bool_parsing": _("%(field)s must be true or false."),
    "bool_type": _("%(field)s must be true or false."),
    "date_parsing": _("%(field)s must be a date written YYYY-MM-DD, such as 2026-03-31."),
    "date_from_datetime_parsing": _(
        "%(field)s must be a date written YYYY-MM-DD, such as 2026-03-31."
    ),
    "date_type": _("%(field)s must be a date written YYYY-MM-DD, such as 2026-03-31."),
    "list_type": _("%(field)s must be a list."),
    "model_type": _("%(field)s must be an object."),
    "dict_type": _("%(field)s must be an object."),
    "too_long": _("%(field)s has too many items: at most %(max_length)s."),
    "extra_forbidden": _("%(field)s is not a field of this request: remove it."),
    "no_nul": _("%(field)s contains a NUL character: remove it."),
    "no_surrogate": _(
        "%(field)s contains half of a character (an unpaired surrogate): send the text as UTF-8."
    ),
}
OTHER = _("%(field)s is not valid (%(reason)s).")
SOURCES = {"query", "path", "body", "form", "file", "header", "cookie"}


def field_name(location: tuple[Any, ...] | list[Any]) -> str:
    """('query', 'year') → 'year'; ('body', 'payload', 'values', 0, 'value') →
    'values.0.value' (the parameter's own name says nothing to the caller)."""
    parts = list(location)
    source = parts.pop(0) if parts and parts[0] in SOURCES else None
    if source in {"body", "form"} and len(parts) > 1:
        parts.pop(0)
    return ".".join(str(part) for part in parts) or str(source or "")


def _detail(error: dict[str, Any]) -> dict[str, Any]:
    field = field_name(error.get("loc") or ())
    kind = str(error.get("type", "value_error"))
    context = {key: str(value) for key, value in (error.get("ctx") or {}).items()}
    params: dict[str, Any] = {"field": field or "-", **context}
    hint = HINTS.get(kind)
    message = None
    if hint is not None:
        try:
            message = language.both(hint, **params)
        except (KeyError, ValueError, TypeError):
            message = None
    if message is None:
        message = language.both(OTHER, field=field or "-", reason=str(error.get("msg", kind)))
    return {"code": kind, "message": message, "field": field or None}


def from_ninja(errors: list[dict[str, Any]]) -> ApiError:
    details = [_detail(error) for error in errors]
    first = details[0]["field"] if details else None
    return ApiError(422, "invalid", INVALID, field=first, details=details)


def from_django(exc: DjangoValidationError) -> ApiError:
    """A model's or the workflow's refusal ({'narrative': [...]})."""
    details: list[dict[str, Any]] = []
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            for error in errors:
                text = _with_params(error)
                details.append({"code": error.code or "invalid", "message": text, "field": field})
    else:
        for error in exc.error_list:
            details.append(
                {"code": error.code or "invalid", "message": _with_params(error), "field": None}
            )
    if not details:
        return ApiError(422, "invalid", INVALID)
    found = ApiError(422, "invalid", INVALID, field=details[0]["field"], details=details)
    # One refusal is said as it is; several are listed in the details.
    if len(details) == 1:
        found.message = details[0]["message"]
    return found


def _with_params(error: DjangoValidationError) -> dict[str, str]:
    return language.both(error.message, **(error.params or {}))
