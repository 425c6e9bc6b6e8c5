"""Shipped scopes and scopes loaded from a user's file."""

from pathlib import Path

import pytest

from cnvh.stats import InputError, load_scope, shipped_scopes
from cnvh.stats.codes import load_classification

from .files import write_csv, write_xlsx


def test_three_scopes_are_shipped() -> None:
    assert shipped_scopes() == ["hanoi-plan", "fcs-core", "dcms-creative"]


@pytest.mark.parametrize("key", ["hanoi-plan", "fcs-core", "dcms-creative"])
def test_shipped_scopes_partition_each_code(key: str) -> None:
    scope = load_scope(key)
    totals: dict[str, float] = {}
    for row in scope.rows:
        totals[row.code] = totals.get(row.code, 0) + row.share
        assert row.sector in scope.sectors
        assert row.basis, f"{key} {row.code}: every row states its source or assumption"
    assert max(totals.values()) <= 1 + 1e-9
    classification = load_classification(scope.classification)
    assert all(classification.knows(code) for code in totals)


def test_hanoi_plan_has_the_plans_thirteen_sectors_with_partial_shares() -> None:
    scope = load_scope("hanoi-plan")
    assert set(scope.sectors) == {
        "tourism",
        "crafts",
        "performing_arts",
        "design",
        "cuisine",
        "software_games",
        "advertising",
        "architecture",
        "cinema",
        "broadcasting",
        "publishing",
        "fashion",
        "fine_arts",
    }
    partial = {row.sector for row in scope.rows if row.share < 1}
    assert {"tourism", "cuisine", "fashion"} <= partial
    assert all("ssumption" in row.basis for row in scope.rows if row.share < 1)


def test_fcs_and_dcms_count_only_whole_codes() -> None:
    for key in ("fcs-core", "dcms-creative"):
        assert all(row.share == 1 for row in load_scope(key).rows)


def test_longest_prefix_match() -> None:
    scope = load_scope("hanoi-plan")
    matched = {
        (code, sector): share
        for code, sector, share in scope.match({"59111", "59119", "5610", "56101", "4100"})
    }
    assert matched[("59111", "cinema")] == 1  # listed itself
    assert matched[("59119", "cinema")] == 0.5  # falls back to 5911
    assert matched[("56101", "cuisine")] == 0.2  # falls back to 561
    assert not any(code == "4100" for code, _ in matched)


def test_a_users_scope_from_csv(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "my-scope.csv",
        [
            {"Mã ngành": "59.11", "Lĩnh vực": "film", "Tỷ lệ": "1"},
            {"Mã ngành": "7310", "Lĩnh vực": "ads", "Tỷ lệ": "0.5"},
        ],
    )
    scope = load_scope(path)
    assert scope.key == "my-scope"
    assert [(r.code, r.sector, r.share) for r in scope.rows] == [
        ("5911", "film", 1.0),
        ("7310", "ads", 0.5),
    ]
    assert scope.version == f"file-{scope.checksum[:12]}"


def test_a_users_scope_from_excel_with_a_title_row(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "scope.xlsx",
        [
            {"code": 5911, "sector": "film", "share": 1},
            {"code": 7310, "sector": "ads", "share": 0.25},
        ],
        title_rows=["Phạm vi CNVH do Sở Văn hóa đề xuất"],
    )
    scope = load_scope(path)
    assert [(r.code, r.share) for r in scope.rows] == [("5911", 1.0), ("7310", 0.25)]


def test_shares_of_a_code_above_one_are_refused_naming_the_code(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "scope.csv",
        [
            {"code": "5911", "sector": "film", "share": 0.7},
            {"code": "7310", "sector": "ads", "share": 1},
            {"code": "59.11", "sector": "tv", "share": 0.5},
        ],
    )
    with pytest.raises(InputError) as error:
        load_scope(path)
    [problem] = error.value.problems
    assert problem.code == "shares_exceed_one"
    assert "The shares of code 5911 add up to 1.2, more than 1 (rows 2, 4)" in problem.message_en
    assert "Tổng tỷ lệ của mã 5911 là 1.2, vượt quá 1" in problem.message_vi


def test_bad_rows_in_a_scope_file(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "scope.csv",
        [
            {"code": "59x", "sector": "film", "share": 1},
            {"code": "7310", "sector": "ads", "share": 0},
            {"code": "7310", "sector": "", "share": 0.5},
            {"code": "8230", "sector": "fairs", "share": "a lot"},
        ],
    )
    with pytest.raises(InputError) as error:
        load_scope(path)
    assert [(p.code, p.row) for p in error.value.problems] == [
        ("bad_code", 2),
        ("share_out_of_range", 3),
        ("empty_value", 4),
        ("not_a_number", 5),
    ]


def test_an_unknown_scope_name() -> None:
    with pytest.raises(InputError) as error:
        load_scope("unesco")
    assert "hanoi-plan, fcs-core, dcms-creative" in str(error.value)


def test_sector_names_are_data_not_code(tmp_path: Path) -> None:
    from cnvh.stats import EstimateOptions, estimate

    from .files import totals, unit

    odd = "film's'); DROP TABLE cells; --"
    scope = load_scope(write_csv(tmp_path / "odd.csv", [{"code": "59", "sector": odd, "share": 1}]))
    result = estimate(
        scope,
        units=write_csv(tmp_path / "u.csv", [unit("a", "5912", 7.0)]),
        totals=totals(tmp_path / "t.csv", {2023: 100.0}),
        options=EstimateOptions(bootstrap=0),
    )
    assert result.cell(2023, odd).value_added == 7.0
