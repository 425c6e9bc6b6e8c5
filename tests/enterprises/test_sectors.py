"""The sectors of an enterprise's codes, by the engine's scope matching, against the
scopes' own rows read by hand (src/cnvh/stats/data/scopes)."""

from decimal import Decimal

import pytest

from tests.enterprises.conftest import enterprise

pytestmark = pytest.mark.django_db


def rows(found: object) -> set[tuple[str, str, str, Decimal]]:
    return {(r.scope_key, r.code, r.sector, r.share) for r in found.sectors.all()}  # type: ignore[attr-defined]


def test_a_lacquer_maker_with_an_art_studio() -> None:
    # hanoi-plan.csv: 3290 -> crafts 0.3; 900 (the prefix of 9000) -> performing_arts 0.7
    # and fine_arts 0.3; fcs-core and dcms-creative list 900 wholly, not 3290.
    saved = enterprise("0101234565", main_vsic="3290", other_vsic=["9000"])
    assert rows(saved) == {
        ("hanoi-plan", "3290", "crafts", Decimal("0.3")),
        ("hanoi-plan", "9000", "performing_arts", Decimal("0.7")),
        ("hanoi-plan", "9000", "fine_arts", Decimal("0.3")),
        ("fcs-core", "9000", "B_performance", Decimal("1")),
        ("dcms-creative", "9000", "music_performing_visual_arts", Decimal("1")),
    }


def test_a_grocer_is_in_no_sector_and_new_codes_replace_the_old() -> None:
    saved = enterprise("0105556669", main_vsic="4711")
    assert rows(saved) == set()
    saved.main_vsic = "7410"
    from cnvh.enterprises.entries import save_enterprise

    save_enterprise(saved)
    assert ("hanoi-plan", "7410", "design", Decimal("1")) in rows(saved)
    assert all(row[1] == "7410" for row in rows(saved))
