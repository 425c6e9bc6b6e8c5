"""The demo's crafts records, made through the workflow, once."""

import time

import pytest

from cnvh.crafts.demo import load_demo_crafts
from cnvh.crafts.models import OcopRating, TraceEvent
from cnvh.plan.models import Agency, Role
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_demo_rates_its_products_through_the_workflow() -> None:
    factories.user(Role.COORDINATOR, name="dieuphoi")
    factories.user(Role.LEADER, name="lanhdao")
    for code in ("00577", "09556", "10330"):
        factories.agency(code, kind=Agency.Kind.COMMUNE)
    started = time.perf_counter()
    loaded = load_demo_crafts()
    assert time.perf_counter() - started < 10
    assert loaded is not None
    assert (loaded.villages, loaded.products, loaded.ratings, loaded.events) == (3, 3, 3, 8)
    # 37 + 22 + 33 = 92: 5 stars; 30 + 18 + 27,5 = 75,5: 4 stars; 26 + 15 + 21 = 62: 3 stars.
    stars = dict(OcopRating.objects.values_list("product__code", "stars"))
    assert stars == {"binh-gom-men-ran": 5, "khan-lua-van-phuc": 4, "hop-kham-trai": 3}
    # Each rating was proposed, scored and decided: three versions in its history.
    assert all(rating.history.count() == 3 for rating in OcopRating.objects.all())
    assert TraceEvent.objects.count() == 8
    assert load_demo_crafts() is None
