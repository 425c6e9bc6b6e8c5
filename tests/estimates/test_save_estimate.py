import math
from collections.abc import Callable
from dataclasses import replace

import pytest

from cnvh.estimates.models import Estimate, EstimateRow
from cnvh.estimates.store import save_estimate
from cnvh.stats.result import Estimate as Result

MakeEstimate = Callable[..., Result]

pytestmark = pytest.mark.django_db


def test_saves_scope_rows_and_provenance(make_estimate: MakeEstimate) -> None:
    result = make_estimate()
    stored = save_estimate(result, label="first run", synthetic=True)

    assert stored.scope_key == "hanoi-plan"
    assert stored.scope_version == "2025.1"
    assert stored.classification == "VSIC2018"
    assert stored.scope_checksum == result.scope.checksum
    assert stored.scope_title_vi == "Kế hoạch Hà Nội (hanoi-plan)"
    assert stored.unit == "million VND"
    assert stored.sectors["design"] == {"title_vi": "Thiết kế", "title_en": "Design"}
    assert stored.provenance == result.provenance
    assert stored.synthetic is True
    assert stored.label == "first run"
    assert stored.revision == 1
    assert stored.rows.count() == len(result.rows)


def test_rows_keep_full_precision_and_none(make_estimate: MakeEstimate) -> None:
    stored = save_estimate(make_estimate(with_ci=False), label="", synthetic=False)
    total = stored.rows.get(year=2024, sector=None, area=None)
    assert total.value_added == 0.042 * 1_430_000_000.0
    assert total.share == 0.042
    assert total.share_ci_low is None
    ward = stored.rows.get(year=2024, sector="design", area="00004")
    assert ward.share is None


def test_a_new_estimate_of_the_same_scope_is_a_new_revision(make_estimate: MakeEstimate) -> None:
    first = save_estimate(make_estimate(), label="a", synthetic=True)
    second = save_estimate(make_estimate(), label="b", synthetic=True)
    other = save_estimate(make_estimate("fcs-core"), label="c", synthetic=True)

    assert (first.revision, second.revision, other.revision) == (1, 2, 1)
    first.refresh_from_db()
    assert first.label == "a"  # nothing overwritten
    assert first.rows.count() == second.rows.count()
    assert Estimate.objects.count() == 3


def test_not_finite_optional_figures_are_stored_as_missing(make_estimate: MakeEstimate) -> None:
    result = make_estimate()
    row = replace(result.rows[0], share=math.nan, employment=math.inf)
    result.rows[0] = row
    stored = save_estimate(result, label="", synthetic=False)
    saved = stored.rows.get(year=row.year, sector=None, area=None)
    assert saved.share is None
    assert saved.employment is None


def test_a_value_added_that_is_not_a_number_stores_nothing(make_estimate: MakeEstimate) -> None:
    result = make_estimate()
    result.rows[0] = replace(result.rows[0], value_added=math.nan)
    with pytest.raises(ValueError, match="value added"):
        save_estimate(result, label="", synthetic=False)
    assert Estimate.objects.count() == 0
    assert EstimateRow.objects.count() == 0
