from collections.abc import Callable

import pytest

from cnvh.estimates.store import latest_estimates, save_estimate
from cnvh.stats.result import Estimate as Result

MakeEstimate = Callable[..., Result]

pytestmark = pytest.mark.django_db


def test_no_estimates(make_estimate: MakeEstimate) -> None:
    assert latest_estimates() == []


def test_newest_revision_of_each_scope_in_shipped_order(make_estimate: MakeEstimate) -> None:
    for key in ["my-scope", "dcms-creative", "fcs-core", "hanoi-plan", "another"]:
        save_estimate(make_estimate(key), label="old", synthetic=True)
    save_estimate(make_estimate("fcs-core"), label="new", synthetic=True)
    save_estimate(make_estimate("my-scope"), label="new", synthetic=True)

    latest = latest_estimates()

    assert [e.scope_key for e in latest] == [
        "hanoi-plan",
        "fcs-core",
        "dcms-creative",
        "another",
        "my-scope",
    ]
    by_key = {e.scope_key: e for e in latest}
    assert by_key["fcs-core"].revision == 2
    assert by_key["fcs-core"].label == "new"
    assert by_key["my-scope"].revision == 2
    assert by_key["hanoi-plan"].revision == 1
