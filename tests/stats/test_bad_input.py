"""Every kind of bad input gives a message in Vietnamese and English that says what,
where and how to fix it, and no estimate."""

import io
import zipfile
from pathlib import Path

import pytest

from cnvh.stats import EstimateOptions, InputError, estimate, load_scope

from .files import run, totals, unit, write_csv, write_parquet

GRDP = {2023: 10_000.0}


def problems_of(
    error: pytest.ExceptionInfo[InputError],
) -> list[tuple[str, int | None, str | None]]:
    return [(p.code, p.row, p.column) for p in error.value.problems]


def test_a_missing_column_is_named(tmp_path: Path, scope_file: Path) -> None:
    rows = [{"unit_id": "a", "year": 2023, "value_added": 1.0}]
    with pytest.raises(InputError) as error:
        run(tmp_path, rows, GRDP, scope_file)
    assert problems_of(error) == [("missing_column", None, "code")]
    assert "units.csv, cột code: Thiếu cột code" in str(error.value)
    assert "units.csv, column code: Missing column code" in str(error.value)


def test_text_in_a_number_column_is_reported_with_its_row(tmp_path: Path, scope_file: Path) -> None:
    rows = [unit("a", "5912", 1.0), unit("b", "5912", "1.234.567,5"), unit("c", "5912", "x")]
    with pytest.raises(InputError) as error:
        run(tmp_path, rows, GRDP, scope_file)
    assert problems_of(error) == [
        ("not_a_number", 3, "value_added"),
        ("not_a_number", 4, "value_added"),
    ]
    message = str(error.value)
    assert "units.csv, dòng 3, cột value_added: '1.234.567,5' không phải là số" in message
    assert "units.csv, row 4, column value_added: 'x' is not a number" in message


def test_a_bad_year_and_an_unusable_code(tmp_path: Path, scope_file: Path) -> None:
    rows = [unit("a", "59A2", 1.0), unit("b", "5912", 1.0, year="twenty")]
    with pytest.raises(InputError) as error:
        run(tmp_path, rows, GRDP, scope_file)
    assert set(problems_of(error)) == {("not_a_year", 3, "year"), ("bad_code", 2, "code")}


def test_a_code_outside_the_classification(tmp_path: Path, scope_file: Path) -> None:
    with pytest.raises(InputError) as error:
        run(tmp_path, [unit("a", "0099", 1.0)], GRDP, scope_file)
    assert problems_of(error) == [("unknown_code", None, "code")]
    assert "'0099' is not in VSIC2018" in str(error.value)


def test_a_unit_with_no_money_figure(tmp_path: Path, scope_file: Path) -> None:
    with pytest.raises(InputError) as error:
        run(tmp_path, [unit("a", "5912", None, employment=3)], GRDP, scope_file)
    assert problems_of(error) == [("no_money_value", 2, "value_added")]


def test_negative_employment_and_zero_weight(tmp_path: Path, scope_file: Path) -> None:
    rows = [unit("a", "5912", 1.0, employment=-1), unit("b", "5912", 1.0, weight=0)]
    with pytest.raises(InputError) as error:
        run(tmp_path, rows, GRDP, scope_file)
    assert set(problems_of(error)) == {
        ("negative", 2, "employment"),
        ("weight_not_positive", 3, "weight"),
    }


def test_a_unit_twice_in_a_year(tmp_path: Path, scope_file: Path) -> None:
    rows = [unit("a", "5912", 1.0), unit("a", "5913", 2.0)]
    with pytest.raises(InputError) as error:
        run(tmp_path, rows, GRDP, scope_file)
    assert problems_of(error) == [("duplicate_unit_year", 2, "unit_id")]


def test_a_year_with_no_total(tmp_path: Path, scope_file: Path) -> None:
    rows = [unit("a", "5912", 1.0, year=2023), unit("a", "5912", 1.0, year=2024)]
    with pytest.raises(InputError) as error:
        run(tmp_path, rows, GRDP, scope_file)
    assert problems_of(error) == [("no_total_for_year", None, "year")]
    assert "No GRDP for the whole territory in year 2024" in str(error.value)


def test_money_in_different_units_is_refused(tmp_path: Path, scope_file: Path) -> None:
    units = write_csv(tmp_path / "units.csv", [unit("a", "5912", 1.0)])
    totals_file = write_csv(tmp_path / "totals.csv", [{"year": 2023, "grdp (tỷ đồng)": 10.0}])
    with pytest.raises(InputError) as error:
        estimate(load_scope(scope_file), units=units, totals=totals_file)
    assert problems_of(error) == [("unit_mismatch", None, None)]
    assert "units.csv is in 'million VND', totals.csv in 'billion VND'" in str(error.value)


def test_the_same_unit_written_two_ways_is_accepted(tmp_path: Path, scope_file: Path) -> None:
    units = write_csv(tmp_path / "units.csv", [{**unit("a", "5912", 1.0), "unit": "triệu đồng"}])
    totals_file = write_csv(tmp_path / "totals.csv", [{"year": 2023, "grdp": 10.0}])
    result = estimate(
        load_scope(scope_file),
        units=units,
        totals=totals_file,
        options=EstimateOptions(unit="VND million"),
    )
    assert result.unit == "million VND"


def test_by_area_needs_an_area_on_every_row(tmp_path: Path, scope_file: Path) -> None:
    with pytest.raises(InputError) as error:
        run(tmp_path, [unit("a", "5912", 1.0, area=None)], GRDP, scope_file, by=("area",))
    assert problems_of(error) == [("area_required", 2, "area")]


def test_crosswalk_weights_must_add_up_to_one(tmp_path: Path, scope_file: Path) -> None:
    crosswalk = write_csv(
        tmp_path / "areas.csv",
        [
            {"old_area": "D1", "new_area": "W1", "weight": 0.5},
            {"old_area": "D1", "new_area": "W2", "weight": 0.4},
        ],
    )
    with pytest.raises(InputError) as error:
        run(tmp_path, [unit("a", "5912", 1.0)], GRDP, scope_file, area_crosswalk=crosswalk)
    assert problems_of(error) == [("weights_not_one", 2, "weight")]


def test_benchmark_of_a_division_with_no_positive_value_added(
    tmp_path: Path, scope_file: Path
) -> None:
    official = write_csv(
        tmp_path / "official.csv", [{"year": 2023, "division": "59", "value_added": 10.0}]
    )
    with pytest.raises(InputError) as error:
        run(tmp_path, [unit("a", "5912", -5.0)], GRDP, scope_file, benchmark=official)
    assert problems_of(error) == [("benchmark_not_positive", None, None)]


def test_a_missing_file_and_a_wrong_format(tmp_path: Path, scope_file: Path) -> None:
    (tmp_path / "notes.docx").write_text("x")
    with pytest.raises(InputError) as error:
        estimate(
            load_scope(scope_file), units=tmp_path / "notes.docx", totals=tmp_path / "nowhere.csv"
        )
    assert [p.code for p in error.value.problems] == ["file_format", "file_missing"]


def test_many_bad_rows_are_summarised(tmp_path: Path, scope_file: Path) -> None:
    rows = [unit(f"u{i}", "5912", "bad") for i in range(25)]
    with pytest.raises(InputError) as error:
        run(tmp_path, rows, GRDP, scope_file)
    assert len(error.value.problems) == 10
    assert error.value.more == 15
    assert "and 15 more problems" in str(error.value)


def test_totals_are_checked_too(tmp_path: Path, scope_file: Path) -> None:
    totals_file = write_csv(
        tmp_path / "totals.csv",
        [
            {"year": 2023, "grdp": 0},
            {"year": 2023, "grdp": 5},
        ],
    )
    units = write_csv(tmp_path / "units.csv", [unit("a", "5912", 1.0)])
    with pytest.raises(InputError) as error:
        estimate(load_scope(scope_file), units=units, totals=totals_file)
    assert set(problems_of(error)) == {
        ("grdp_not_positive", 2, "grdp"),
        ("duplicate_total", 2, None),
    }


def test_nothing_is_written_when_input_is_bad(tmp_path: Path, scope_file: Path) -> None:
    before = sorted(p.name for p in tmp_path.iterdir())
    units = write_csv(tmp_path / "u.csv", [unit("a", "5912", "bad")])
    with pytest.raises(InputError):
        estimate(load_scope(scope_file), units=units, totals=totals(tmp_path / "t.csv", GRDP))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*before, "u.csv", "t.csv"])


def test_an_empty_code(tmp_path: Path, scope_file: Path) -> None:
    with pytest.raises(InputError) as error:
        run(tmp_path, [unit("a", "5912", 1.0), unit("b", "", 2.0)], GRDP, scope_file)
    assert problems_of(error) == [("empty_value", 3, "code")]


def test_an_empty_code_in_a_parquet_file(tmp_path: Path, scope_file: Path) -> None:
    units = write_parquet(
        tmp_path / "u.parquet",
        [
            {"unit_id": "a", "year": 2023, "code": "5912", "value_added": 1.0},
            {"unit_id": "b", "year": 2023, "code": None, "value_added": 2.0},
        ],
    )
    with pytest.raises(InputError) as error:
        estimate(load_scope(scope_file), units=units, totals=totals(tmp_path / "t.csv", GRDP))
    assert problems_of(error) == [("empty_value", 2, "code")]


def test_a_file_without_any_money_column(tmp_path: Path, scope_file: Path) -> None:
    rows = [{"unit_id": "a", "year": 2023, "code": "5912", "employment": 3}]
    with pytest.raises(InputError) as error:
        run(tmp_path, rows, GRDP, scope_file)
    assert problems_of(error) == [("missing_money_columns", None, None)]
    assert "need value_added, or output and intermediate_consumption, or revenue" in str(
        error.value
    )


def test_a_full_code_list_refuses_codes_outside_it(tmp_path: Path, scope_file: Path) -> None:
    code_list = write_csv(
        tmp_path / "vsic.csv",
        [
            {"code": "59.12", "title_vi": "Hoạt động hậu kỳ", "title_en": "Post-production"},
            {"code": "5913", "title_vi": "Phát hành phim", "title_en": "Distribution"},
        ],
    )
    units = [unit("a", "5912", 1.0), unit("b", "5918", 2.0)]  # 5918: division 59, not listed
    with pytest.raises(InputError) as error:
        run(tmp_path, units, GRDP, scope_file, code_list=code_list)
    assert problems_of(error) == [("unknown_code", None, "code")]
    assert "'5918' is not in VSIC2018" in str(error.value)
    accepted = run(tmp_path, units[:1], GRDP, scope_file, code_list=code_list)
    assert accepted.total(2023).value_added == 1.0


def test_area_codes_checked_against_the_official_list_on_request(
    tmp_path: Path, scope_file: Path
) -> None:
    units = [
        unit("a", "5912", 1.0, area="00004"),
        unit("b", "5912", 1.0, area="001"),
        unit("c", "5912", 1.0, area="Ba Dinh"),
    ]
    run(tmp_path, units, GRDP, scope_file)  # by default, area codes are the data's own
    with pytest.raises(InputError) as error:
        run(tmp_path, units, GRDP, scope_file, check_areas=True)
    assert problems_of(error) == [("unknown_area", 4, "area")]


def test_by_area_needs_an_area_column(tmp_path: Path, scope_file: Path) -> None:
    rows = [{"unit_id": "a", "year": 2023, "code": "5912", "value_added": 1.0}]
    with pytest.raises(InputError) as error:
        run(tmp_path, rows, GRDP, scope_file, by=("area",))
    assert problems_of(error) == [("missing_column", None, "area")]


def test_method_options_out_of_range(tmp_path: Path, scope_file: Path) -> None:
    with pytest.raises(InputError) as error:
        run(tmp_path, [unit("a", "5912", 1.0)], GRDP, scope_file, confidence=1.5)
    assert problems_of(error) == [("bad_method_option", None, None)]


def test_a_row_with_more_cells_than_the_header_is_refused(tmp_path: Path, scope_file: Path) -> None:
    # 1.234.567,5 unquoted in a comma-separated file: two cells where one was meant.
    units = tmp_path / "units.csv"
    units.write_text(
        "unit_id,year,code,area,value_added\n"
        "a,2023,5912,00001,1000\n"
        "b,2023,5912,00001,1.234.567,5\n"
        "c,2023,5912,00001,300\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as error:
        estimate(
            load_scope(scope_file),
            units=units,
            totals=totals(tmp_path / "totals.csv", GRDP),
            options=EstimateOptions(bootstrap=0),
        )
    assert problems_of(error) == [("too_many_cells", 3, None)]
    message = str(error.value)
    assert "units.csv, row 3: Row 3 has more cells than the header (6 cells, 5 columns)" in message
    assert "units.csv, dòng 3: Dòng 3 có nhiều ô hơn dòng tiêu đề" in message


def test_an_aggregate_given_twice_is_refused_naming_both_rows(
    tmp_path: Path, scope_file: Path
) -> None:
    rows = [
        {"year": 2023, "code": "5911", "value_added": 1000},
        {"year": 2023, "code": "5912", "value_added": 500},
        {"year": 2023, "code": "5911", "value_added": 1000},
        {"year": 2023, "code": "59.11", "value_added": 30},  # written apart: summed
        {"year": 2023, "code": "5912", "area": "00004", "value_added": 50},  # another area
    ]
    with pytest.raises(InputError) as error:
        estimate(
            load_scope(scope_file),
            aggregates=write_csv(tmp_path / "aggregates.csv", rows),
            totals=totals(tmp_path / "totals.csv", GRDP),
            options=EstimateOptions(bootstrap=0),
        )
    assert problems_of(error) == [("duplicate_aggregate", 4, "code")]
    assert "Year 2023, code 5911 is given 2 times (rows 2, 4)" in str(error.value)
    assert "Năm 2023, mã ngành 5911 có 2 dòng (các dòng 2, 4)" in str(error.value)


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


BROKEN_SPREADSHEETS = {
    "text.xlsx": (b"unit_id,year\na,2023\n", "zip_broken", "File is not a zip file"),
    "no-rels.xlsx": (_zip({"xl/workbook.xml": b"<workbook/>"}), "file_unreadable", "_rels"),
    "garbage.xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"x" * 600, "file_unreadable", ""),
    "garbage.ods": (b"PK\x03\x04 not really a zip", "zip_broken", ""),
    # 200 MB of zeros in 200 KB: opened, it would take the machine's memory.
    "bomb.xlsx": (
        _zip({"[Content_Types].xml": b"<Types/>", "xl/worksheets/sheet1.xml": bytes(200 << 20)}),
        "zip_bomb",
        "xl/worksheets/sheet1.xml",
    ),
}


@pytest.mark.parametrize("name", list(BROKEN_SPREADSHEETS))
def test_a_broken_spreadsheet_is_a_listed_problem(
    tmp_path: Path, scope_file: Path, name: str
) -> None:
    content, code, detail = BROKEN_SPREADSHEETS[name]
    units = tmp_path / name
    units.write_bytes(content)
    with pytest.raises(InputError) as error:
        estimate(
            load_scope(scope_file),
            units=units,
            totals=totals(tmp_path / "totals.csv", GRDP),
            options=EstimateOptions(bootstrap=0),
        )
    [problem] = error.value.problems
    assert (problem.code, problem.file) == (code, name)
    assert detail in problem.message_en
    assert problem.message_vi.startswith(f"{name}: ")
