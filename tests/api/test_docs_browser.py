"""The docs page in a real browser: Swagger UI draws every operation from the schema,
from our own files only, and the Content Security Policy blocks nothing it needs (a
blocked script or style shows as a console error)."""

from typing import Any

import pytest

from tests.api.test_schema import OPERATIONS
from tests.browser.conftest import browser, new_page  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_swagger_ui_shows_every_operation(new_page: Any, live_server: Any) -> None:  # noqa: F811
    page = new_page()
    errors: list[str] = []
    elsewhere: list[str] = []

    def console(message: Any) -> None:
        if message.type == "error":
            errors.append(message.text)

    def request(sent: Any) -> None:
        if not sent.url.startswith((live_server.url, "data:")):
            elsewhere.append(sent.url)

    page.on("console", console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", request)
    page.goto("/api/docs")
    page.wait_for_selector(".opblock", timeout=15_000)
    assert page.locator(".opblock").count() == len(OPERATIONS)
    assert page.get_by_text("/api/estimate-rows", exact=True).count() == 1
    assert errors == []
    assert elsewhere == []
