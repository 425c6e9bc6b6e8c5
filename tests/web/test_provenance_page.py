from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client

from cnvh.estimates.models import Estimate
from cnvh.estimates.store import publish, save_estimate
from cnvh.exchange.stages import STAGES
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
    assert "SHA-256 checksum" in text
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


def test_fields_are_named_in_the_readers_language(
    client: Client, published_estimate: Estimate
) -> None:
    text = page(client, published_estimate, "vi")
    assert "Tổng kiểm SHA-256" in text
    assert "Đơn vị (doanh nghiệp)" in text  # the inputs' role
    assert "sha256" not in text.split("<main", 1)[1]


def test_every_field_the_engine_writes_has_a_name(tmp_path: Path) -> None:
    """The README's worked example, sampled and crosswalked, so every part is filled."""
    from cnvh.stats import EstimateOptions, estimate, load_scope
    from cnvh.stats.checked import CheckedFiles
    from cnvh.web.provenance import HEADINGS, LABELS
    from tests.stats.files import totals, unit, write_csv

    units = [
        unit("A", "5911", 1000.0, area="00004", employment=10, weight=1.0),
        unit("B", "5610", None, output=500.0, intermediate_consumption=300.0, weight=1.0),
        unit("C", "7310", None, revenue=400.0, area="00008", weight=1.0),
        unit("D", "7310", 90.0, revenue=300.0, area="00008", weight=2.0),
    ]
    units_file = write_csv(tmp_path / "units.csv", units)
    totals_file = totals(tmp_path / "totals.csv", {2023: 100_000.0})
    # Twice, with a record of checked files: the second says what it took from it.
    record = CheckedFiles(tmp_path / "checked-files")
    for _ in range(2):
        result = estimate(
            load_scope("hanoi-plan"),
            units=units_file,
            totals=totals_file,
            options=EstimateOptions(by=("sector",), bootstrap=20),
            checked=record,
        )

    def keys(value: object) -> set[str]:
        if isinstance(value, dict):
            return set(value) | {key for item in value.values() for key in keys(item)}
        if isinstance(value, list):
            return {key for item in value for key in keys(item)}
        return set()

    written = result.provenance
    steps = set(written["timings_seconds"])
    assert sorted(keys(written) - steps - set(LABELS) - set(HEADINGS)) == []
    assert steps <= set(STAGES)


def test_the_raw_json_is_a_download(client: Client, published_estimate: Estimate) -> None:
    response = client.get(f"/estimates/{published_estimate.pk}/provenance.json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.json() == published_estimate.provenance


def test_an_unpublished_provenance_is_not_public(
    client: Client, make_estimate: MakeEstimate
) -> None:
    stored = save_estimate(make_estimate(), label="", synthetic=False)
    assert client.get(f"/estimates/{stored.pk}/provenance.json").status_code == 404
