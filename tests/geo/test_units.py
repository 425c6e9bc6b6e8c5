from datetime import date

from cnvh.geo.units import communes, former_communes, former_districts, official_codes


def test_hanoi_before_and_after_the_reform() -> None:
    assert len(communes()) == 126
    assert len(former_districts()) == 30
    assert len(former_communes()) == 526
    ba_dinh = next(d for d in former_districts() if d.code == "001")
    assert ba_dinh.name == "Quận Ba Đình" and ba_dinh.valid_to == date(2025, 6, 30)
    assert all(c.valid_from == date(2025, 7, 1) and c.lat for c in communes())


def test_official_codes_cover_both_structures() -> None:
    codes = official_codes()
    assert {"001", "00001", "00004"} <= codes
    assert "99999" not in codes
