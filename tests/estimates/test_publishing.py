"""Publishing with eyes open: the review against the public revision, the confirmation,
withdrawing and restoring with a reason, and the history of every change."""

from dataclasses import replace
from typing import Any

import pytest
from django.test import Client

from cnvh.estimates import publishing
from cnvh.estimates.models import Estimate, PublicationChange
from cnvh.estimates.store import latest_estimates, save_estimate
from cnvh.plan.models import Role
from cnvh.presentation.comparison import compare
from cnvh.stats.result import Estimate as Result
from tests import factories
from tests.conftest import GRDP, engine_estimate

pytestmark = pytest.mark.django_db


def revised() -> Result:
    """The plan's estimate again with 2024 revised: the headline 4.2% -> 4.6%, design
    20,000,000 -> 22,000,000 million VND, and no ward rows."""
    result = engine_estimate()
    rows = []
    for row in result.rows:
        if row.area is not None:
            continue
        kept = row
        if row.year == 2024 and row.sector is None:
            kept = replace(row, share=0.046, value_added=0.046 * GRDP[2024])
        if row.year == 2024 and row.sector == "design":
            kept = replace(row, value_added=22_000_000.0, share=22_000_000.0 / GRDP[2024])
        rows.append(kept)
    return replace(result, rows=rows)


@pytest.fixture
def statistician() -> Any:
    return factories.user(Role.STATISTICIAN, factories.agency("SVHTT"), name="lan")


@pytest.fixture
def public() -> Estimate:
    old = save_estimate(engine_estimate(), label="r1", synthetic=True)
    publishing.publish_revision(old, None, "first")
    return old


def test_comparison_by_hand(public: Estimate) -> None:
    new = save_estimate(revised(), label="r2", synthetic=True)
    found = compare(new, publishing.public_revision("hanoi-plan"))

    assert found.old == public
    assert found.year == 2024
    assert found.headline.old_share == 0.042
    assert found.headline.new_share == 0.046
    assert found.headline.share_change == pytest.approx(0.004)
    assert found.moves_headline
    design = next(figure for figure in found.sectors if figure.key == "design")
    assert (design.old_value, design.new_value) == (20_000_000.0, 22_000_000.0)
    assert design.value_change == 2_000_000.0
    tourism = next(figure for figure in found.sectors if figure.key == "tourism")
    assert tourism.value_change == 0.0
    assert [figure.key for figure in found.sectors] == ["crafts", "design", "tourism"]
    assert (found.old_wards, found.new_wards) == (1, 0)
    assert found.loses_wards


def test_same_figures_warn_of_nothing(public: Estimate) -> None:
    again = save_estimate(engine_estimate(), label="r2", synthetic=True)
    found = compare(again, public)
    assert found.headline.share_change == 0.0
    assert not found.moves_headline
    assert not found.loses_wards
    assert not found.warnings


def test_review_page_shows_old_and_new_and_warns(public: Estimate, statistician: Any) -> None:
    new = save_estimate(revised(), label="r2", synthetic=True)
    client = Client()
    client.force_login(statistician)
    page = client.get(f"/estimates/{new.pk}/publish/").content.decode()

    assert "4,20%" in page and "4,60%" in page and "+0,40" in page
    # In trillion VND (the largest figure is 65,78 trillion): design 20,0 -> 22,0,
    # the headline 60,06 -> 65,78 (0,046 x 1.430.000 billion), a difference of 5,72.
    for cell in ("20,0", "22,0", "2,0", "60,1", "65,8", "5,7"):
        assert f'<td class="number">{cell}</td>' in page
    assert "nghìn tỷ đồng" in page
    assert "bản đồ phường" in page.lower()
    assert 'name="confirm"' in page


def test_publishing_needs_the_confirmation(public: Estimate, statistician: Any) -> None:
    new = save_estimate(revised(), label="r2", synthetic=True)
    client = Client()
    client.force_login(statistician)

    refused = client.post(f"/estimates/{new.pk}/publish/", {"note": "Q4"})
    assert refused.status_code == 200
    assert publishing.public_revision("hanoi-plan") == public

    done = client.post(f"/estimates/{new.pk}/publish/", {"confirm": "on", "note": "Q4"})
    assert done.status_code == 302
    assert publishing.public_revision("hanoi-plan") == new
    change = PublicationChange.objects.get(estimate=new)
    assert (change.action, change.changed_by, change.reason) == ("published", statistician, "Q4")


def test_unpublish_needs_a_reason_and_is_recorded(public: Estimate, statistician: Any) -> None:
    new = save_estimate(revised(), label="r2", synthetic=True)
    publishing.publish_revision(new, statistician)
    client = Client()
    client.force_login(statistician)

    client.post(f"/estimates/{new.pk}/unpublish/", {"reason": "  "})
    assert publishing.public_revision("hanoi-plan") == new

    client.post(f"/estimates/{new.pk}/unpublish/", {"reason": "Số liệu phường thiếu"})
    assert publishing.public_revision("hanoi-plan") == public
    assert [e.revision for e in latest_estimates(published_only=True)] == [1]
    change = PublicationChange.objects.filter(estimate=new).first()
    assert change is not None
    assert (change.action, change.reason) == ("unpublished", "Số liệu phường thiếu")


def test_restore_an_earlier_revision(public: Estimate, statistician: Any) -> None:
    second = save_estimate(revised(), label="r2", synthetic=True)
    third = save_estimate(revised(), label="r3", synthetic=True)
    publishing.publish_revision(second, statistician)
    publishing.publish_revision(third, statistician)
    client = Client()
    client.force_login(statistician)

    client.post(f"/estimates/{public.pk}/restore/", {"reason": "Quay lại bản 1"})

    assert publishing.public_revision("hanoi-plan") == public
    latest = PublicationChange.objects.order_by("-pk")[:3]
    assert [(c.estimate.revision, c.action) for c in latest] == [
        (1, "restored"),
        (2, "unpublished"),
        (3, "unpublished"),
    ]
    assert {c.reason for c in latest} == {"Quay lại bản 1"}
    assert {c.changed_by for c in latest} == {statistician}


def test_a_revision_never_published_is_not_restored(public: Estimate, statistician: Any) -> None:
    newer = save_estimate(revised(), label="r2", synthetic=True)
    publishing.publish_revision(newer, statistician)
    never = Estimate.objects.get(pk=save_estimate(revised(), label="r3", synthetic=True).pk)
    assert not publishing.restorable(never)
    assert publishing.restorable(Estimate.objects.get(pk=public.pk))


def test_only_the_statistician_publishes(public: Estimate) -> None:
    new = save_estimate(revised(), label="r2", synthetic=True)
    coordinator = factories.user(Role.COORDINATOR, factories.agency("SVHTT"))
    client = Client()
    assert client.get(f"/estimates/{new.pk}/publish/").status_code == 302  # to log in
    client.force_login(coordinator)
    assert client.get(f"/estimates/{new.pk}/publish/").status_code == 403
    assert client.post(f"/estimates/{new.pk}/publish/", {"confirm": "on"}).status_code == 403
    assert client.post(f"/estimates/{public.pk}/unpublish/", {"reason": "x"}).status_code == 403
    assert publishing.public_revision("hanoi-plan") == public


def test_inputs_compared_by_checksum(public: Estimate, statistician: Any) -> None:
    """The same totals, a new units file: the reviewer sees which input changed."""
    result = revised()
    provenance = {
        **result.provenance,
        "inputs": [
            {"role": "units", "file": "units-2025.parquet", "sha256": "9f" * 32},
            {"role": "totals", "file": "totals.csv", "sha256": "ef56" * 16},
        ],
    }
    new = save_estimate(replace(result, provenance=provenance), label="r2", synthetic=True)
    found = compare(new, public)
    by_role = {change.role: change for change in found.inputs}
    assert list(by_role) == ["totals", "units", "definition"]
    assert by_role["units"].status == "changed"
    assert (by_role["units"].old_file, by_role["units"].new_file) == (
        "units.parquet",
        "units-2025.parquet",
    )
    assert by_role["totals"].status == "same"
    assert by_role["definition"].status == "same"
    assert not found.same_inputs

    client = Client()
    client.force_login(statistician)
    text = client.get(f"/estimates/{new.pk}/publish/").content.decode()
    assert "Các tệp hoặc định nghĩa khác với phiên bản đang công bố:" in text
    assert f'<code title="sha256:{"9f" * 32}">sha256:{"9f" * 4}9…</code>' in text
    assert "<strong>đã thay đổi</strong>" in text
    assert "units-2025.parquet" in text


def test_checksums_of_different_kinds_are_not_compared(public: Estimate, statistician: Any) -> None:
    """The published revision states SHA-256 (made before BLAKE3), the new one BLAKE3:
    neither "same" nor "changed" can be said, and the reviewer is told to compare."""
    result = revised()
    provenance = {
        **result.provenance,
        "inputs": [
            {"role": "units", "file": "units.parquet", "checksum": "blake3:" + "9f" * 32},
            {"role": "totals", "file": "totals.csv", "checksum": "sha256:" + "ef56" * 16},
        ],
    }
    new = save_estimate(replace(result, provenance=provenance), label="r2", synthetic=True)
    by_role = {change.role: change.status for change in compare(new, public).inputs}
    assert by_role == {"units": "not_comparable", "totals": "same", "definition": "same"}

    client = Client()
    client.force_login(statistician)
    text = client.get(f"/estimates/{new.pk}/publish/").content.decode()
    assert "tổng kiểm khác loại: hãy so sánh hai tệp" in text


def test_same_inputs_said_so(public: Estimate) -> None:
    again = save_estimate(engine_estimate(), label="r2", synthetic=True)
    found = compare(again, public)
    assert [change.status for change in found.inputs] == ["same", "same", "same"]
    assert found.same_inputs
    assert compare(public, None).inputs == ()
