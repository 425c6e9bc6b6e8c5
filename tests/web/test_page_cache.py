"""The public pages' cache: stored once for the public, renewed by a publication or an
approval, never mixing a member's page with the public's."""

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from pytest_django.fixtures import Settings

from cnvh.estimates.models import Estimate
from cnvh.estimates.store import publish, save_estimate
from cnvh.plan import workflow
from cnvh.plan.models import Role
from cnvh.presentation import page_cache
from cnvh.stats.result import Estimate as Result
from tests import factories
from tests.web.conftest import as_member, page

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def cache_on(settings: Settings) -> None:
    settings.CNVH_PAGE_CACHE = True


def test_the_second_public_request_reads_nothing_from_the_database(
    client: Client, published_estimate: Estimate, django_assert_num_queries: Any
) -> None:
    first = page(client, "/")
    with django_assert_num_queries(0):
        second = page(Client(), "/")
    assert TOKEN.sub("", first) == TOKEN.sub("", second)
    assert page_cache.CSRF_PLACEHOLDER not in second


def test_each_visitor_gets_a_csrf_token_of_their_own(published_estimate: Estimate) -> None:
    tokens = []
    for _ in range(2):
        visitor = Client(enforce_csrf_checks=True)
        text = page(visitor, "/")
        token = TOKEN.findall(text)[0]
        assert token != page_cache.CSRF_PLACEHOLDER
        # The language switch of the cached page works with the visitor's cookie.
        switched = visitor.post("/i18n/setlang/", {"language": "vi", "csrfmiddlewaretoken": token})
        assert switched.status_code == 302
        tokens.append(token)
    assert tokens[0] != tokens[1]


def test_a_publication_renews_the_page_once_committed(
    client: Client,
    make_estimate: Callable[..., Result],
    django_capture_on_commit_callbacks: Any,
) -> None:
    first = publish(save_estimate(make_estimate(), label="", synthetic=True)).estimate
    assert f"/estimates/{first.pk}/" in page(client, "/")
    with django_capture_on_commit_callbacks(execute=True):
        second = publish(save_estimate(make_estimate(), label="", synthetic=True)).estimate
    text = page(Client(), "/")
    assert f"/estimates/{second.pk}/" in text
    assert f"/estimates/{first.pk}/" not in text


def test_members_and_the_public_never_share_a_page(
    client: Client, published_estimate: Estimate, make_estimate: Callable[..., Result]
) -> None:
    newer = save_estimate(make_estimate(), label="", synthetic=True)
    public = page(Client(), "/")
    as_member(client, Role.STATISTICIAN)
    member = page(client, "/")
    assert f"/estimates/{newer.pk}/" in member
    assert "Not yet published" in member
    again = page(Client(), "/")
    assert f"/estimates/{newer.pk}/" not in again
    assert "Not yet published" not in again
    assert TOKEN.sub("", again) == TOKEN.sub("", public)


def test_the_language_and_the_query_are_part_of_the_key(
    client: Client, published_estimate: Estimate
) -> None:
    english = page(client, "/", language="en")
    vietnamese = page(Client(), "/", language="vi")
    assert "Cultural industries' share of GRDP" in english
    assert "Cultural industries' share of GRDP" not in vietnamese
    csv = Client().get("/?format=csv&table=years&scope=hanoi-plan")
    assert csv["Content-Type"].startswith("text/csv")
    assert csv["Content-Disposition"].endswith('years.csv"')
    again = Client().get("/?format=csv&table=years&scope=hanoi-plan")
    assert again.content == csv.content
    assert again["Content-Disposition"] == csv["Content-Disposition"]


def test_an_approval_renews_the_pages_and_a_draft_does_not(
    django_capture_on_commit_callbacks: Any,
) -> None:
    lead = factories.agency()
    officer = factories.user(Role.OFFICER, of=lead)
    coordinator = factories.user(Role.COORDINATOR)
    report = factories.report(factories.task(lead=lead), factories.quarter(), officer)
    before = page_cache.generation()
    with django_capture_on_commit_callbacks(execute=True):
        report.narrative = "Đã triển khai, bổ sung số liệu."
        report.save()
        workflow.submit(report, officer)
    assert page_cache.generation() == before
    with django_capture_on_commit_callbacks(execute=True):
        workflow.approve(report, coordinator)
    assert page_cache.generation() != before
