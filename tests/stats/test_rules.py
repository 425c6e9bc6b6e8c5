"""Each rule of the engine on a case small enough to compute by hand."""

from pathlib import Path

import pytest

from .files import run, unit

GRDP = {2023: 10_000.0}


def test_partial_share_counts_only_the_cultural_part(tmp_path: Path, scope_file: Path) -> None:
    result = run(tmp_path, [unit("r1", "5610", 400.0, employment=8)], GRDP, scope_file)
    food = result.cell(2023, "food")
    assert food.value_added == pytest.approx(100.0)  # 400 x 0.25
    assert food.employment == pytest.approx(2.0)
    assert food.establishments == pytest.approx(0.25)
    assert food.share == pytest.approx(0.01)  # 100 / 10,000


def test_code_split_among_sectors_is_counted_once_in_the_total(
    tmp_path: Path, scope_file: Path
) -> None:
    result = run(tmp_path, [unit("f1", "5911", 1000.0, employment=10)], GRDP, scope_file)
    assert result.cell(2023, "film").value_added == pytest.approx(600.0)
    assert result.cell(2023, "tv").value_added == pytest.approx(400.0)
    total = result.total(2023)
    assert total.value_added == pytest.approx(1000.0)
    assert total.employment == pytest.approx(10.0)
    assert total.establishments == pytest.approx(1.0)


def test_longest_listed_prefix_decides(tmp_path: Path, scope_file: Path) -> None:
    units = [unit("a", "5912", 100.0), unit("b", "59111", 50.0), unit("c", "5 9.1 1", 10.0)]
    result = run(tmp_path, units, GRDP, scope_file)
    # 5912 -> "59" (film 1); 59111 and "5 9.1 1" -> "5911" (film 0.6, tv 0.4)
    assert result.cell(2023, "film").value_added == pytest.approx(100 + 0.6 * 60)
    assert result.cell(2023, "tv").value_added == pytest.approx(0.4 * 60)


def test_codes_outside_the_scope_are_left_out(tmp_path: Path, scope_file: Path) -> None:
    result = run(tmp_path, [unit("x", "4100", 9_000.0), unit("f", "5912", 5.0)], GRDP, scope_file)
    assert result.total(2023).value_added == pytest.approx(5.0)
    assert {row.sector for row in result.rows} == {None, "film"}


def test_negative_value_added_is_kept(tmp_path: Path, scope_file: Path) -> None:
    units = [unit("a", "5912", 300.0), unit("b", "5913", -500.0)]
    result = run(tmp_path, units, GRDP, scope_file)
    assert result.total(2023).value_added == pytest.approx(-200.0)
    assert result.total(2023).share == pytest.approx(-0.02)


def test_value_added_derived_from_output_and_intermediate_consumption(
    tmp_path: Path, scope_file: Path
) -> None:
    units = [
        unit("a", "5912", None, output=500.0, intermediate_consumption=200.0),
        unit("b", "5912", 70.0, output=1.0, intermediate_consumption=1.0),
    ]
    result = run(tmp_path, units, GRDP, scope_file)
    # a: 500 - 200; b reports value added, which wins over its parts
    assert result.total(2023).value_added == pytest.approx(370.0)
    assert (
        result.provenance["value_added"]["derived_from_output_minus_intermediate_consumption"] == 1
    )


def test_value_added_imputed_from_revenue_with_the_codes_ratio(
    tmp_path: Path, scope_file: Path
) -> None:
    units = [
        unit("d1", "5912", 30.0, revenue=100.0),
        unit("d2", "5912", 90.0, revenue=200.0, weight=2),
        unit("r1", "5912", None, revenue=1000.0),
    ]
    result = run(tmp_path, units, GRDP, scope_file)
    ratio = (30 + 2 * 90) / (100 + 2 * 200)  # weighted ratio estimator = 0.42
    assert result.total(2023).value_added == pytest.approx(30 + 2 * 90 + 1000 * ratio)
    report = result.provenance["value_added"]
    assert report["imputed_from_revenue"] == 1
    assert report["imputed_value_added_in_scope"] == pytest.approx(1000 * ratio)
    assert result.provenance["imputation_ratios"] == [
        {
            "code": "5912",
            "classification": "VSIC2018",
            "ratio": pytest.approx(ratio),
            "level": "code",
            "donors": 2,
        }
    ]


def test_imputation_borrows_the_division_ratio_when_the_code_has_no_donor(
    tmp_path: Path, scope_file: Path
) -> None:
    units = [unit("d1", "5913", 50.0, revenue=200.0), unit("r1", "5912", None, revenue=400.0)]
    result = run(tmp_path, units, GRDP, scope_file)
    assert result.total(2023).value_added == pytest.approx(50 + 400 * 0.25)
    assert result.provenance["imputation_ratios"][0]["level"] == "division"


def test_sampling_weights_scale_every_measure(tmp_path: Path, scope_file: Path) -> None:
    units = [
        unit("s1", "5912", 10.0, employment=2, weight=3, stratum="h1"),
        unit("s2", "5912", 20.0, employment=1, weight=3, stratum="h1"),
        unit("c1", "5913", 100.0, employment=5),
    ]
    result = run(tmp_path, units, GRDP, scope_file)
    total = result.total(2023)
    assert total.value_added == pytest.approx(3 * 10 + 3 * 20 + 100)
    assert total.employment == pytest.approx(3 * 2 + 3 * 1 + 5)
    assert total.establishments == pytest.approx(7.0)


def test_divided_old_ward_is_shared_among_new_wards(tmp_path: Path, scope_file: Path) -> None:
    from .files import write_csv

    crosswalk = write_csv(
        tmp_path / "areas.csv",
        [
            {"old_area": "D1", "new_area": "W1", "weight": 0.25},
            {"old_area": "D1", "new_area": "W2", "weight": 0.75},
        ],
    )
    units = [unit("a", "5912", 400.0, area="D1", employment=4), unit("b", "5912", 10.0, area="W1")]
    result = run(tmp_path, units, GRDP, scope_file, by=("area",), area_crosswalk=crosswalk)
    assert result.total(2023, "W1").value_added == pytest.approx(100 + 10)
    assert result.total(2023, "W2").value_added == pytest.approx(300)
    assert result.total(2023, "W2").employment == pytest.approx(3)
    assert result.total(2023).value_added == pytest.approx(410)
    assert {row.area for row in result.rows} == {None, "W1", "W2"}


def test_benchmarking_scales_each_division_to_the_official_figure(
    tmp_path: Path, scope_file: Path
) -> None:
    from .files import write_csv

    official = write_csv(
        tmp_path / "official.csv",
        [
            {"year": 2023, "division": "59", "value_added": 3000.0},
        ],
    )
    units = [unit("a", "5912", 1000.0), unit("b", "5920", 500.0), unit("c", "5610", 400.0)]
    result = run(tmp_path, units, GRDP, scope_file, benchmark=official)
    # Division 59 in the data: 1,500, official 3,000 -> factor 2; 5610 is not benchmarked.
    assert result.cell(2023, "film").value_added == pytest.approx(3000.0)
    assert result.cell(2023, "food").value_added == pytest.approx(100.0)
    [factor] = result.provenance["benchmark"]
    assert factor["factor"] == pytest.approx(2.0)


def test_employment_share_uses_total_employment(tmp_path: Path, scope_file: Path) -> None:
    from cnvh.stats import EstimateOptions, estimate, load_scope

    from .files import totals, write_csv

    result = estimate(
        load_scope(scope_file),
        units=write_csv(tmp_path / "u.csv", [unit("a", "5912", 10.0, employment=30)]),
        totals=totals(tmp_path / "t.csv", GRDP, employment={2023: 1200.0}),
        options=EstimateOptions(bootstrap=0),
    )
    assert result.total(2023).employment_share == pytest.approx(0.025)


def test_area_share_uses_the_areas_grdp(tmp_path: Path, scope_file: Path) -> None:
    from cnvh.stats import EstimateOptions, estimate, load_scope

    from .files import write_csv

    totals_file = write_csv(
        tmp_path / "t.csv",
        [
            {"year": 2023, "area": "", "grdp": 10_000.0},
            {"year": 2023, "area": "W1", "grdp": 2_000.0},
        ],
    )
    result = estimate(
        load_scope(scope_file),
        units=write_csv(
            tmp_path / "u.csv",
            [unit("a", "5912", 100.0, area="W1"), unit("b", "5912", 100.0, area="W2")],
        ),
        totals=totals_file,
        options=EstimateOptions(by=("area",), bootstrap=0),
    )
    assert result.total(2023, "W1").share == pytest.approx(0.05)
    assert result.total(2023, "W2").share is None  # no GRDP for W2: no share, not a guess
    assert result.total(2023).share == pytest.approx(0.02)


def test_every_year_and_area_asked_for_has_a_total_row(tmp_path: Path, scope_file: Path) -> None:
    units = [
        unit("a", "5912", 10.0, year=2022, area="W1"),
        unit("x", "4100", 10.0, year=2023, area="W2"),
    ]
    result = run(
        tmp_path,
        units,
        {2022: 100.0, 2023: 100.0, 2024: 100.0},
        scope_file,
        years=(2022, 2023, 2024),
        by=("sector", "area"),
    )
    totals = {(r.year, r.area): r.value_added for r in result.rows if r.sector is None}
    assert totals == {
        (2022, None): 10.0,
        (2022, "W1"): 10.0,
        (2023, None): 0.0,
        (2023, "W2"): 0.0,
        (2024, None): 0.0,
    }


def test_years_outside_the_range_are_left_out(tmp_path: Path, scope_file: Path) -> None:
    units = [unit("a", "5912", 10.0, year=2022), unit("a", "5912", 20.0, year=2023)]
    result = run(tmp_path, units, {2023: 100.0}, scope_file, years=(2023,))
    assert [(r.year, r.value_added) for r in result.rows if r.sector is None] == [(2023, 20.0)]


def test_any_unit_label_is_carried_to_the_result(tmp_path: Path, scope_file: Path) -> None:
    result = run(tmp_path, [unit("a", "5912", 10.0)], GRDP, scope_file, unit="GBP million")
    assert result.unit == "GBP million"
