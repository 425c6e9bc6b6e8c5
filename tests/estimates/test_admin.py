import pytest
from django.test import Client

from cnvh.estimates.models import Estimate

pytestmark = pytest.mark.django_db


def test_estimates_are_listed_and_shown(admin_client: Client, stored_estimate: Estimate) -> None:
    assert admin_client.get("/admin/estimates/estimate/").status_code == 200
    page = admin_client.get(f"/admin/estimates/estimate/{stored_estimate.pk}/change/")
    assert page.status_code == 200
    assert "hanoi-plan" in page.content.decode()
    assert admin_client.get("/admin/estimates/estimaterow/").status_code == 200


def test_nobody_adds_changes_or_deletes(admin_client: Client, stored_estimate: Estimate) -> None:
    assert admin_client.get("/admin/estimates/estimate/add/").status_code == 403
    url = f"/admin/estimates/estimate/{stored_estimate.pk}/delete/"
    assert admin_client.post(url, {"post": "yes"}).status_code == 403
    assert Estimate.objects.filter(pk=stored_estimate.pk).exists()
