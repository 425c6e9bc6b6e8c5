"""Browser tests: a real Chromium (Debian's) drives the live app.

Skipped where no Chromium is installed, except in CI, where `.ci/run` installs it
and its absence is an error.
"""

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One Chromium per test module. Playwright's sync API keeps an event loop running
    in this thread while it is open; the tests only use the database synchronously, so
    Django's async guard is lifted for exactly that time and no longer."""
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing; .ci/run installs it (apt-get install chromium)")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            yield browser
            browser.close()


@pytest.fixture
def new_page(browser: Any, live_server: Any) -> Iterator[Any]:
    """Pages in fresh browser contexts (separate cookies), opened at the live server.

    Every journey also checks what it does not look at: a script error on any page it
    opened, or a static file that did not load, fails the test (a chart that throws
    leaves an empty frame that no assertion on the text would notice)."""
    contexts = []
    problems: list[str] = []

    def watch(page: Any) -> None:
        page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
        page.on(
            "response",
            lambda response: (
                problems.append(f"{response.status} {response.url}")
                if response.status >= 400 and "/static/" in response.url
                else None
            ),
        )

    def make(language: str = "en") -> Any:
        context = browser.new_context(base_url=live_server.url, locale="vi-VN")
        context.add_cookies(
            [{"name": "django_language", "value": language, "url": live_server.url}]
        )
        context.set_default_timeout(15_000)
        context.on("page", watch)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
    assert problems == [], "script errors or static files missing on the pages opened"
