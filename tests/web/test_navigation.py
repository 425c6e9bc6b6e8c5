"""The navigation shows each person the pages they may use."""

import pytest
from django.test import Client

from cnvh.plan.models import Notification, Role
from tests import factories
from tests.web.conftest import as_member, page

pytestmark = pytest.mark.django_db


def nav(text: str) -> str:
    return text[text.index('<nav class="site-nav"') : text.index("</nav>", text.index("site-nav"))]


def test_the_public(client: Client) -> None:
    links = nav(page(client, "/"))
    assert 'href="/"' in links and 'href="/indicators/"' in links
    assert 'href="/login/?next=/"' in links
    for hidden in ("/agencies/", "/plan/", "/my-work/", "/approvals/", "/notifications/"):
        assert f'href="{hidden}"' not in links


def test_a_coordinator(client: Client) -> None:
    as_member(client, Role.COORDINATOR)
    links = nav(page(client, "/"))
    for shown in ("/agencies/", "/plan/", "/approvals/", "/notifications/"):
        assert f'href="{shown}"' in links
    assert 'href="/my-work/"' not in links
    assert '<form action="/logout/" method="post"' in links
    assert "Log in" not in links


def test_an_officer_with_unread_notifications(client: Client) -> None:
    person = as_member(client, Role.OFFICER)
    task, period = factories.task(), factories.quarter()
    for kind in (Notification.Kind.DUE_SOON, Notification.Kind.OVERDUE):
        Notification.objects.create(user=person, kind=kind, task=task, period=period)
    links = nav(page(client, "/"))
    assert 'href="/my-work/"' in links
    assert 'href="/approvals/"' not in links
    assert '<span class="count">2<span class="visually-hidden"> unread</span>' in links


def test_the_current_page_is_marked(client: Client) -> None:
    links = nav(page(client, "/indicators/"))
    assert 'href="/indicators/" aria-current="page"' in links
