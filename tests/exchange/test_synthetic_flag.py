"""The estimate form's synthetic box: ticked by default, and kept ticked when a chosen
file or the label says the data is a sample."""

from typing import Any

import pytest

from cnvh.exchange.forms import EstimateForm
from cnvh.exchange.models import Dataset, ImportRecord

pytestmark = pytest.mark.django_db


def dataset(kind: str, file_name: str, by: Any) -> Dataset:
    record = ImportRecord.objects.create(
        kind=kind,
        file=f"imports/{file_name}",
        file_name=file_name,
        file_size=20,
        sha256="ab" * 32,
        status=ImportRecord.Status.IMPORTED,
        created_by=by,
    )
    return Dataset.objects.create(
        kind=kind,
        import_record=record,
        file="datasets/x.parquet",
        checksum="blake3:" + "cd" * 32,
        rows=1,
    )


def answers(units: Dataset, totals: Dataset, **more: str) -> dict[str, Any]:
    return {
        "scope": "shipped:hanoi-plan",
        "business_data": f"units:{units.pk}",
        "totals": f"totals:{totals.pk}",
        "by": ["sector"],
        **more,
    }


def test_ticked_by_default() -> None:
    assert EstimateForm().fields["synthetic"].initial is True
    rendered = str(EstimateForm()["synthetic"])
    assert 'name="synthetic"' in rendered and " checked" in rendered


def test_cannot_be_unticked_for_a_sample_file(statistician: Any) -> None:
    units = dataset("units", "DỮ LIỆU MẪU doanh nghiệp.xlsx", statistician)
    totals = dataset("totals", "grdp.csv", statistician)
    form = EstimateForm(answers(units, totals))
    assert not form.is_valid()
    assert "DỮ LIỆU MẪU doanh nghiệp.xlsx" in form.errors["synthetic"][0]
    assert EstimateForm(answers(units, totals, synthetic="on")).is_valid()


def test_cannot_be_unticked_for_a_demo_label(statistician: Any) -> None:
    units = dataset("units", "doanh_nghiep.xlsx", statistician)
    totals = dataset("totals", "grdp.csv", statistician)
    form = EstimateForm(answers(units, totals, label="demo cho hội thảo"))
    assert "synthetic" in form.errors


def test_real_files_may_be_unticked(statistician: Any) -> None:
    units = dataset("units", "doanh_nghiep_2024.xlsx", statistician)
    totals = dataset("totals", "grdp_2024.csv", statistician)
    form = EstimateForm(answers(units, totals))
    assert form.is_valid(), form.errors
    assert form.request()["synthetic"] is False
