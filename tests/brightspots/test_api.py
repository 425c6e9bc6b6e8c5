"""The API of the registry: the public sees recognised models and the indicators;
members see every model, the rounds and the computed ranking."""

from datetime import date
from decimal import Decimal

from django.test import Client

from cnvh.brightspots import workflow
from cnvh.brightspots.models import Decision
from tests.brightspots.conftest import City


def test_public_and_member_views(city: City) -> None:
    recognised = city.admitted("Phố sách")
    waiting = city.admitted("Làng nghề")
    # 0.3×9 + 0.25×8,5 + 0.2×8 + 0.15×7 + 0.1×10 = 2.7+2.125+1.6+1.05+1.0 = 8.475
    city.score(recognised, city.members[0], "9", "8.5", "8", "7", "10")
    decision = Decision(
        outcome="recognised",
        number="7/QĐ-UBND",
        decided_on=date(2026, 2, 2),
        level="city",
        valid_until=date(2029, 2, 1),
    )
    workflow.decide(recognised, city.coordinator, decision)

    public = Client()
    listed = public.get("/api/bright-spots").json()
    assert [item["name_vi"] for item in listed["items"]] == ["Phố sách"]
    one = public.get(f"/api/bright-spots/{recognised.spot_id}").json()
    assert one["decisions"][0]["number"] == "7/QĐ-UBND"
    assert one["recognised_until"] == "2029-02-01"
    assert public.get(f"/api/bright-spots/{waiting.spot_id}").status_code == 404
    assert public.get("/api/bright-spot-rounds").status_code == 401
    figures = public.get("/api/bright-spot-indicators").json()
    assert figures["recognised"] == 1
    assert figures["by_level"] == [{"key": "city", "count": 1}]
    assert figures["by_ward"] == [{"key": "phuong-a", "count": 1}]

    member = Client()
    member.force_login(city.members[1])
    assert len(member.get("/api/bright-spots").json()["items"]) == 2
    found = member.get(f"/api/bright-spot-rounds/{city.round.pk}").json()
    assert found["rubric"] == "mo-hinh v1"
    assert [Decimal(c["weight"]) for c in found["criteria"]] == [
        Decimal("0.3"),
        Decimal("0.25"),
        Decimal("0.2"),
        Decimal("0.15"),
        Decimal("0.1"),
    ]
    top, unscored = found["ranking"]
    assert (top["rank"], Decimal(top["score"]), top["members"]) == (1, Decimal("8.475"), 1)
    assert (unscored["rank"], unscored["score"]) == (None, None)
