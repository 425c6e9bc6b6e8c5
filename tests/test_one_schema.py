"""An estimate row and an indicator say the same to every program that reads them: the
API, the open data and the estimate tables take their fields from one place
(cnvh.stats.result.ROW_FIELDS for estimate rows, cnvh.presentation.serialise for
indicators), and the same stored figures come out of each under the same field."""

import csv
import io
import json
from dataclasses import fields

import pytest
from django.test import Client

from cnvh.api import indicators as api_indicators
from cnvh.api import statistics as api_statistics
from cnvh.estimates.models import EstimateRow
from cnvh.estimates.store import publish, save_estimate
from cnvh.exports import opendata, opendata_indicators
from cnvh.plan import values
from cnvh.presentation import serialise
from cnvh.presentation.tables.estimates import estimate_columns
from cnvh.stats import result
from tests import factories
from tests.conftest import engine_estimate

# What the API's estimate row adds of its estimate; what the open data calls otherwise.
OF_THE_ESTIMATE = {"estimate_id", "scope", "revision", "published", "unit"}
OPEN_NAMES = {"share": "share_of_grdp", "employment_share": "share_of_employment"}


def test_one_list_of_an_estimate_rows_fields() -> None:
    assert tuple(f.name for f in fields(result.EstimateRow)) == result.ROW_FIELDS
    stored = {field.name for field in EstimateRow._meta.get_fields()}
    assert set(result.ROW_FIELDS) <= stored
    assert ("estimate_id", *result.ROW_FIELDS) == api_statistics.ROW_VALUES
    assert set(api_statistics.RowOut.model_fields) == OF_THE_ESTIMATE | set(result.ROW_FIELDS)
    assert tuple(OPEN_NAMES.get(n, n) for n in result.ROW_FIELDS) == opendata.ROW_NAMES
    names = [field.name for field in opendata.ESTIMATE_FIELDS]
    revision = [field.name for field in opendata.REVISION_FIELDS]
    assert names == [
        *revision,
        *opendata.ROW_NAMES[:4],
        "value_added_unit",
        *opendata.ROW_NAMES[4:],
    ]
    # The table has a name beside the sector's and the area's code.
    assert len(estimate_columns("million VND")) == len(revision) - 1 + len(result.ROW_FIELDS) + 2


@pytest.mark.django_db
def test_the_api_and_the_open_data_give_the_same_rows(client: Client) -> None:
    stored = save_estimate(engine_estimate(), label="", synthetic=True)
    publish(stored)
    items = json.loads(client.get("/api/estimate-rows").content)["items"]
    document = json.loads(client.get("/open-data/estimates.json").content)
    (revision,) = document["estimates"]
    lines = list(
        csv.DictReader(
            io.StringIO(client.get("/open-data/estimates.csv").content.decode("utf-8-sig"))
        )
    )
    assert len(items) == len(revision["rows"]) == len(lines) == stored.rows.count() > 0
    for item, row, line in zip(items, revision["rows"], lines, strict=True):
        for name in result.ROW_FIELDS:
            open_name = OPEN_NAMES.get(name, name)
            assert item[name] == row[open_name]
            assert line[open_name] == ("" if item[name] is None else str(item[name]))


@pytest.mark.django_db
def test_one_serialisation_of_an_indicator(client: Client) -> None:
    publish(save_estimate(engine_estimate(), label="", synthetic=True))
    indicator = factories.indicator("cnvh-grdp-share", published=True, targets={2025: 5})
    series = values.series(indicator, published_only=True)
    found = serialise.indicator_fields(indicator)
    (target,) = indicator.targets.all()
    assert set(found) <= set(api_indicators.IndicatorOut.model_fields)
    assert set(serialise.target_fields(target)) == set(api_indicators.TargetOut.model_fields)
    assert set(serialise.value_fields(series[0])) | {"expected"} == set(
        api_indicators.ValueOut.model_fields
    )
    assert set(serialise.REFERENCES) <= set(api_indicators.PartOut.model_fields)

    item = json.loads(client.get("/api/indicators/cnvh-grdp-share").content)
    document = opendata_indicators.indicator_document(indicator, series)
    for name, value in found.items():
        if name.endswith(("_vi", "_en")):
            assert document[name[:-3]][name[-2:]] == item[name] == value
        else:
            assert document[name] == item[name] == value
    assert [v["value"] for v in document["values"]] == [v["value"] for v in item["series"]]
    assert document["targets"][0]["value"] == item["targets"][0]["value"] == 5.0
