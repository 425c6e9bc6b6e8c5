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

# Playwright's sync API runs an event loop in the test's thread; the test itself
# only reads and writes the database synchronously, so Django's guard does not apply.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing; .ci/run installs it (apt-get install chromium)")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser: Any, live_server: Any) -> Iterator[Any]:
    """Pages in fresh browser contexts (separate cookies), opened at the live server."""
    contexts = []

    def make(language: str = "en") -> Any:
        context = browser.new_context(base_url=live_server.url, locale="vi-VN")
        context.add_cookies(
            [{"name": "django_language", "value": language, "url": live_server.url}]
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
