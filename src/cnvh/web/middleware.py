"""The page language: Vietnamese unless the person chose another with the switch; and
query parameters no database can take, refused before any view reads them."""

import json
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils import translation
from django.utils.translation import gettext_lazy

from cnvh.presentation.parameters import storable


class ChosenLanguageMiddleware:
    """Django's LocaleMiddleware follows the browser's Accept-Language, so an office
    computer set up in English would greet a Vietnamese officer in English. cnvh
    speaks Vietnamese first and switches only on the person's explicit choice (the
    language cookie set by the switch)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.known = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.known else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        response.headers["Vary"] = ", ".join(filter(None, [response.headers.get("Vary"), "Cookie"]))
        return response


UNSTORABLE = gettext_lazy(
    "A parameter of the address holds a NUL character or half of a character: remove it "
    "and try again."
)


class UnstorableParameterMiddleware:
    """A NUL character in a query parameter (?plan=%00) reaches PostgreSQL, which refuses
    it with an error: every view that reads a parameter would fail. Refused here, once,
    with 400: the query string, and a form's fields (not a file upload's, read by the
    view that takes it)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self._storable(request):
            return self._refusal(request)
        return self.get_response(request)

    @staticmethod
    def _storable(request: HttpRequest) -> bool:
        sources = [request.GET]
        if request.content_type == "application/x-www-form-urlencoded":
            sources.append(request.POST)
        return all(
            storable(name) and all(storable(value) for value in values)
            for source in sources
            for name, values in source.lists()
        )

    @staticmethod
    def _refusal(request: HttpRequest) -> HttpResponse:
        if request.path.startswith("/api/"):
            message: dict[str, str] = {}
            for language in ("vi", "en"):
                with translation.override(language):
                    message[language] = str(UNSTORABLE)
            body: dict[str, object] = {
                "code": "bad_parameter",
                "message": message,
                "field": None,
                "details": [],
            }
            return HttpResponse(json.dumps(body), status=400, content_type="application/json")
        return HttpResponseBadRequest(str(UNSTORABLE), content_type="text/plain; charset=utf-8")
