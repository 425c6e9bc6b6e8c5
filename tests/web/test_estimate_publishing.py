"""Statisticians publish estimate revisions from their review page, confirming; the
public sees only what is published."""

import pytest
from django.test import Client

from cnvh.estimates.models import Estimate, Publication
from cnvh.estimates.store import save_estimate
from cnvh.plan.models import Role
from tests.conftest import engine_estimate
from tests.web.conftest import as_member, page

pytestmark = pytest.mark.django_db


def publish_url(estimate: Estimate) -> str:
    return f"/estimates/{estimate.pk}/publish/"


def test_a_statistician_publishes_a_revision(client: Client, stored_estimate: Estimate) -> None:
    assert "4.2%" not in page(client, "/")  # nothing published: the public sees nothing
    statistician = as_member(client, Role.STATISTICIAN)
    assert "Review and publish this revision" in page(client, f"/estimates/{stored_estimate.pk}/")
    assert "Publish this revision" in page(client, publish_url(stored_estimate))
    response = client.post(publish_url(stored_estimate), {"confirm": "on", "note": "Quý 4"})
    assert response.status_code == 302
    publication = Publication.objects.get(estimate=stored_estimate)
    assert (publication.published_by, publication.note) == (statistician, "Quý 4")
    client.logout()
    assert "4.2%" in page(client, "/")
    assert f"/estimates/{stored_estimate.pk}/" in page(client, "/estimates/")


def test_publishing_twice_keeps_the_first(client: Client, stored_estimate: Estimate) -> None:
    as_member(client, Role.STATISTICIAN)
    client.post(publish_url(stored_estimate), {"confirm": "on"})
    first = Publication.objects.get().published_at
    client.post(publish_url(stored_estimate), {"confirm": "on"})
    assert Publication.objects.get().published_at == first


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.COORDINATOR, Role.LEADER, Role.OFFICER])
def test_only_statisticians_publish(client: Client, stored_estimate: Estimate, role: str) -> None:
    as_member(client, role)
    assert "Publish this revision" not in page(client, f"/estimates/{stored_estimate.pk}/")
    assert client.get(publish_url(stored_estimate)).status_code == 403
    assert client.post(publish_url(stored_estimate), {"confirm": "on"}).status_code == 403
    assert not Publication.objects.exists()


def test_the_public_cannot_publish(client: Client, stored_estimate: Estimate) -> None:
    response = client.post(publish_url(stored_estimate))
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not Publication.objects.exists()


def test_publishing_needs_post_and_csrf(stored_estimate: Estimate) -> None:
    client = Client(enforce_csrf_checks=True)
    as_member(client, Role.STATISTICIAN)
    assert client.get(publish_url(stored_estimate)).status_code == 200  # the review
    assert not Publication.objects.exists()
    assert client.post(publish_url(stored_estimate), {"confirm": "on"}).status_code == 403
    assert not Publication.objects.exists()


def test_the_list_shows_the_public_only_published_revisions(
    client: Client, stored_estimate: Estimate
) -> None:
    newer = save_estimate(engine_estimate(), label="rerun", synthetic=True)
    as_member(client, Role.STATISTICIAN)
    client.post(publish_url(stored_estimate), {"confirm": "on"})
    member_view = page(client, "/estimates/")
    assert f"/estimates/{newer.pk}/" in member_view
    assert "Not yet published" in member_view
    client.logout()
    public_view = page(client, "/estimates/")
    assert f"/estimates/{stored_estimate.pk}/" in public_view
    assert f"/estimates/{newer.pk}/" not in public_view
