from collections.abc import Callable

import pytest
from django.test import Client

from cnvh.estimates.models import Estimate
from cnvh.estimates.store import publish, save_estimate
from cnvh.stats.result import Estimate as Result

MakeEstimate = Callable[..., Result]

pytestmark = pytest.mark.django_db


def page(client: Client, estimate: Estimate, language: str = "en") -> str:
    client.cookies["django_language"] = language  # what the language switch sets
    response = client.get(f"/estimates/{estimate.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_shows_the_scope_and_the_inputs_with_checksums(
    client: Client, published_estimate: Estimate
) -> None:
    text = page(client, published_estimate)
    assert "Provenance of Hanoi plan (hanoi-plan), revision 1" in text
    assert "hanoi-plan" in text
    assert "VSIC2018" in text
    assert "ab12" * 16 in text  # scope checksum
    assert "Inputs" in text
    assert "units.sha256" in text
    assert "cd34" * 16 in text
    assert "Method options" in text
    assert "sector, area" in text
    assert "cnvh 0.1.0" in text
    assert "Synthetic demo data — not official statistics" in text


def test_in_vietnamese(client: Client, published_estimate: Estimate) -> None:
    text = page(client, published_estimate, "vi")
    assert "Nguồn gốc số liệu" in text
    assert "Dữ liệu đầu vào" in text


def test_points_to_the_newer_revision(client: Client, make_estimate: MakeEstimate) -> None:
    old = publish(save_estimate(make_estimate(), label="", synthetic=False)).estimate
    new = publish(save_estimate(make_estimate(), label="", synthetic=False)).estimate
    assert f'href="/estimates/{new.pk}/"' in page(client, old)
    assert "not the latest" not in page(client, new)


def test_values_are_escaped(client: Client, make_estimate: MakeEstimate) -> None:
    result = make_estimate()
    result.provenance["inputs"]["units"]["path"] = "<script>alert(1)</script>"
    stored = publish(save_estimate(result, label="", synthetic=False)).estimate
    text = page(client, stored)
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_unknown_estimate(client: Client) -> None:
    assert client.get("/estimates/999/").status_code == 404
