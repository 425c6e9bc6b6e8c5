"""No page shows a reader a link that would refuse them.

Deny by default keeps a person out of what their role does not open; a link to it is
still a dead end on their page (a refusal, or the public sent to log in for a list they
may not see). Every page of the URL table that a role opens is read, every link on it
followed once by the same person, and the links that answer 403, 404 or 500, or send a
signed-in person or the public to log in, are listed with the page that shows them.
"""

import re
from collections.abc import Iterator
from html import unescape
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client

from tests.rolled_back import rolled_back_get
from tests.security.routes import pages_open_to
from tests.security.world import World

pytestmark = pytest.mark.django_db
HREF = re.compile(r'<a\b[^>]*\bhref="([^"#]+)', re.S)
# What a link may lead to without being a page: files, feeds, the API's answers, the
# language switch, logging out, and the login page itself.
NOT_PAGES = re.compile(
    r"[?&]format=|\.(csv|xlsx|pdf|docx|ics|json|jsonld|geojson|png|svg)\b|^/api/|^/static/"
    r"|^/media/|^/i18n/|^/logout/|^/login/|^/admin/|/download|/evidence/|/files/"
)
ROLES = (
    "anonymous",
    "statistician",
    "officer_of_lead",
    "officer_elsewhere",
    "leader_elsewhere",
    "coordinator",
)


@pytest.fixture
def world(shared_world: World) -> World:
    return shared_world


def links(html: str, page: str) -> Iterator[str]:
    for href in HREF.findall(html):
        parts = urlsplit(urljoin(page, unescape(href)))
        if parts.scheme or parts.netloc:
            continue  # another site
        link = parts.path + (f"?{parts.query}" if parts.query else "")
        if link.startswith("/") and not NOT_PAGES.search(link):
            yield link


def get(client: Client, url: str) -> tuple[int, str, str]:
    """Status, where a redirect goes, and the page's HTML (empty for anything else)."""
    response = rolled_back_get(client, url)
    location = response.get("Location", "") if response.status_code == 302 else ""
    page = response.status_code == 200 and not response.streaming
    if not (page and response.get("Content-Type", "").startswith("text/html")):
        return response.status_code, location, ""
    return response.status_code, location, response.content.decode()


def shape(link: str) -> str:
    """Links that differ only in numbers (ids, years, dates) lead to the same view."""
    return re.sub(r"\d+", "0", link)


def dead_ends(world: World, role: str) -> dict[str, str]:
    """Every link shown to `role` on the pages it opens, followed two steps deep from
    the URL table's pages; at most two links of each shape are followed."""
    client = world.client(role)
    waiting = [(page, "") for page in pages_open_to(world, role)]
    followed: set[str] = set()
    shapes: dict[str, int] = {}
    found = {}
    for depth in range(3):
        following, waiting = waiting, []
        for link, page in following:
            if link in followed or (shapes.get(shape(link), 0) >= 2 and depth):
                continue
            followed.add(link)
            shapes[shape(link)] = shapes.get(shape(link), 0) + 1
            status, location, html = get(client, link)
            if status in (403, 404) or status >= 500 or location.startswith("/login/"):
                found[f"{link} → {status} {location}".strip()] = page
            if depth < 2:  # the last step's pages are read, their links not followed
                waiting += [(target, link) for target in links(html, link)]
    return found


@pytest.mark.parametrize("role", ROLES)
def test_no_page_links_a_reader_to_a_refusal(world: World, role: str) -> None:
    assert dead_ends(world, role) == {}


def test_links_are_read_as_the_browser_would() -> None:
    html = (
        '<a href="/events/?year=2026&amp;counted=held">x</a><a href="https://example.org/">y</a>'
        '<a class="b" href="../3/">z</a><a href="/events/?format=csv">f</a><a href="#top">t</a>'
    )
    assert list(links(html, "/events/5/edit/")) == [
        "/events/?year=2026&counted=held",
        "/events/5/3/",
    ]
