"""`cnvh estimate` end to end on real CSV, XLSX and Parquet files."""

import json
import re
from pathlib import Path
from typing import Any

import pytest

from cnvh.cli import main

from .files import totals, unit, write_csv, write_parquet, write_xlsx

UNITS = [
    unit("a", "59.11", 1000.0, employment=10),
    unit("b", "5912", None, output=500.0, intermediate_consumption=300.0, employment=4),
    unit("c", "5610", 400.0, employment=20),
    unit("d", "4100", 9000.0, employment=90),
]
# film: 600 + 200 = 800, tv: 400, food: 100; total 1,300 of a GRDP of 13,000
EXPECTED = {"film": 800.0, "tv": 400.0, "food": 100.0, None: 1300.0}
WRITERS = {"csv": write_csv, "xlsx": write_xlsx, "parquet": write_parquet}


def estimate(
    capsys: pytest.CaptureFixture[str],
    scope: str | Path,
    data: Path,
    totals_file: Path,
    *options: str | Path,
    data_option: str = "--units",
) -> str:
    """Runs the command as a person would and returns what it printed."""
    arguments = ["estimate", "--scope", scope, data_option, data, "--totals", totals_file, *options]
    assert main([str(argument) for argument in arguments]) == 0
    return capsys.readouterr().out


def as_json(output: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(output)
    return document


def values(document: dict[str, Any]) -> dict[str | None, float]:
    return {row["sector"]: row["value_added"] for row in document["rows"]}


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "parquet"])
def test_estimate_from_each_file_format(
    tmp_path: Path, scope_file: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    units = WRITERS[fmt](tmp_path / f"units.{fmt}", UNITS)
    totals_file = totals(tmp_path / "totals.csv", {2023: 13_000.0})
    document = as_json(estimate(capsys, scope_file, units, totals_file, "--format", "json"))
    assert set(document) == {"scope", "unit", "rows", "provenance"}
    assert document["unit"] == "million VND"
    assert values(document) == pytest.approx(EXPECTED)
    total = next(row for row in document["rows"] if row["sector"] is None)
    assert total["share"] == pytest.approx(0.1)
    assert total["employment"] == pytest.approx(10 + 4 + 5)
    [source] = [i for i in document["provenance"]["inputs"] if i["role"] == "units"]
    assert source["format"] == fmt and re.fullmatch("blake3:[0-9a-f]{64}", source["checksum"])
    assert document["provenance"]["pass_database"]["name"] == "duckdb"


def test_vietnamese_headers_and_a_title_row_in_excel(
    tmp_path: Path, scope_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        {
            "Mã đơn vị": "a",
            "Năm": 2023,
            "Mã ngành": "5911",
            "Địa bàn": "00001",
            "Giá trị tăng thêm (triệu đồng)": 1000,
            "Số lao động": 10,
        }
    ]
    units = write_xlsx(
        tmp_path / "bao-cao.xlsx",
        rows,
        title_rows=["BÁO CÁO DOANH NGHIỆP NĂM 2023", "Đơn vị: triệu đồng"],
    )
    totals_file = write_csv(tmp_path / "tong.csv", [{"Năm": 2023, "GRDP": 10_000}])
    lines = estimate(capsys, scope_file, units, totals_file, "--format", "csv").splitlines()
    assert lines[0].startswith("year,sector,area,value_added,share")
    assert "2023,,,1000.0,0.1,10.0,1.0,,,,million VND" in lines


def test_aggregates_by_code(
    tmp_path: Path, scope_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    aggregates = write_csv(
        tmp_path / "agg.csv",
        [
            {"year": 2023, "code": "5911", "value_added": 500, "establishments": 4},
            {"year": 2023, "code": "5610", "value_added": 800, "establishments": 10},
        ],
    )
    totals_file = totals(tmp_path / "totals.csv", {2023: 10_000.0})
    document = as_json(
        estimate(
            capsys,
            scope_file,
            aggregates,
            totals_file,
            "--format",
            "json",
            data_option="--aggregates",
        )
    )
    total = next(row for row in document["rows"] if row["sector"] is None)
    assert total["value_added"] == pytest.approx(500 + 800 * 0.25)
    assert total["establishments"] == pytest.approx(4 + 10 * 0.25)
    assert total["employment"] is None


def test_table_output_to_a_file_in_english(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    units = write_csv(tmp_path / "units.csv", [unit("a", "7310", 250.0)])
    totals_file = totals(tmp_path / "totals.csv", {2023: 10_000.0})
    output = tmp_path / "out.txt"
    assert (
        estimate(capsys, "hanoi-plan", units, totals_file, "--lang", "en", "--output", output) == ""
    )
    text = output.read_text(encoding="utf-8")
    assert "Advertising" in text and "2.50%" in text and "million VND" in text


@pytest.mark.parametrize(
    ("lang", "value", "share"), [("vi", "1.340,0", "1,34%"), ("en", "1,340.0", "1.34%")]
)
def test_table_numbers_in_the_readers_style(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, value: str, share: str
) -> None:
    units = write_csv(tmp_path / "units.csv", [unit("a", "7310", 1340.0, employment=1200)])
    totals_file = totals(tmp_path / "totals.csv", {2023: 100_000.0})
    text = estimate(capsys, "hanoi-plan", units, totals_file, "--lang", lang)
    [total] = [line for line in text.splitlines() if "Tổng" in line or "Total" in line]
    assert value in total and share in total
    assert ("1.200" if lang == "vi" else "1,200") in total  # employment, no decimals


def test_years_and_breakdown_options(
    tmp_path: Path, scope_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        unit("a", "5912", 10.0, year=2022, area="W1"),
        unit("a", "5912", 20.0, year=2023, area="W2"),
    ]
    units = write_csv(tmp_path / "units.csv", rows)
    totals_file = totals(tmp_path / "totals.csv", {2022: 100.0, 2023: 100.0})
    document = as_json(
        estimate(
            capsys,
            scope_file,
            units,
            totals_file,
            "--years",
            "2023",
            "--by",
            "area",
            "--format",
            "json",
        )
    )
    assert [(r["year"], r["sector"], r["area"], r["value_added"]) for r in document["rows"]] == [
        (2023, None, None, 20.0),
        (2023, None, "W2", 20.0),
    ]


def test_data_coded_in_vsic_2025_is_converted_to_the_scopes_classification(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    units = write_csv(
        tmp_path / "units.csv",
        [
            unit("g", "5821", 300.0, classification="VSIC2025"),  # video games, VSIC 2025
            unit("f", "5912", 50.0),  # the default: the scope's VSIC 2018
        ],
    )
    totals_file = totals(tmp_path / "totals.csv", {2023: 10_000.0})
    document = as_json(estimate(capsys, "hanoi-plan", units, totals_file, "--format", "json"))
    assert values(document)["software_games"] == pytest.approx(300.0)  # 5821 -> 5820 (2018)
    assert values(document)["cinema"] == pytest.approx(50.0)
    assert "VSIC2025->VSIC2018" in document["provenance"]["code_crosswalks"]


def test_a_users_code_crosswalk(
    tmp_path: Path, scope_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    crosswalk = write_csv(
        tmp_path / "cw.csv",
        [
            {"from_code": "5999", "to_code": "5911", "weight": 0.5},
            {"from_code": "5999", "to_code": "5610", "weight": 0.5},
        ],
    )
    units = write_csv(tmp_path / "units.csv", [unit("x", "5999", 100.0)])
    totals_file = totals(tmp_path / "totals.csv", {2023: 10_000.0})
    document = as_json(
        estimate(
            capsys,
            scope_file,
            units,
            totals_file,
            "--data-classification",
            "VSIC2025",
            "--code-crosswalk",
            crosswalk,
            "--format",
            "json",
        )
    )
    assert values(document) == pytest.approx({"film": 30.0, "tv": 20.0, "food": 12.5, None: 62.5})


def test_bad_input_exits_with_a_bilingual_message(
    tmp_path: Path, scope_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    units = write_csv(tmp_path / "units.csv", [unit("a", "5912", "12,5")])
    code = main(
        [
            "estimate",
            "--scope",
            str(scope_file),
            "--units",
            str(units),
            "--totals",
            str(tmp_path / "missing.csv"),
            "--by",
            "ward",
        ]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert "Không tính theo 'ward' được" in err and "Cannot break down by 'ward'" in err


def test_missing_options_are_named(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["estimate", "--scope", "hanoi-plan"]) == 2
    err = capsys.readouterr().err
    assert "Thiếu tùy chọn --totals" in err and "Missing option --units / --aggregates" in err


def test_an_unknown_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["estimate", "--colour", "red"])
    assert stop.value.code == 2
    assert "Tùy chọn không hợp lệ" in capsys.readouterr().err


def refused(capsys: pytest.CaptureFixture[str], *arguments: str | Path) -> str:
    """Runs the command; asserts it stopped with an error and printed no result."""
    assert main([str(argument) for argument in arguments]) != 0
    captured = capsys.readouterr()
    assert "NaN" not in captured.out and "Infinity" not in captured.out
    assert '"rows"' not in captured.out
    return captured.err


@pytest.mark.parametrize("written", ["NaN", "Infinity", "-inf", "1e308", "123456789012345678901"])
def test_numbers_the_import_refuses_are_refused(
    tmp_path: Path, scope_file: Path, capsys: pytest.CaptureFixture[str], written: str
) -> None:
    units = write_csv(tmp_path / "units.csv", [*UNITS, unit("e", "5912", written)])
    grdp = totals(tmp_path / "totals.csv", {2023: 13_000.0})
    said = refused(
        capsys,
        "estimate",
        "--scope",
        scope_file,
        "--units",
        units,
        "--totals",
        grdp,
        "--format",
        "json",
    )
    assert f"units.csv, row 6, column value_added: '{written}' cannot be used" in said
    assert "more than 20 digits before the decimal point" in said


def test_a_grdp_of_infinity_is_refused(
    tmp_path: Path, scope_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    units = write_csv(tmp_path / "units.csv", UNITS)
    grdp = write_csv(tmp_path / "totals.csv", [{"year": 2023, "grdp": "inf"}])
    said = refused(capsys, "estimate", "--scope", scope_file, "--units", units, "--totals", grdp)
    assert "totals.csv, row 2, column grdp: 'inf' cannot be used" in said


@pytest.mark.parametrize("which", ["units", "scope", "totals"])
def test_a_file_with_a_header_only_is_refused(
    tmp_path: Path, scope_file: Path, capsys: pytest.CaptureFixture[str], which: str
) -> None:
    files = {
        "units": write_csv(tmp_path / "units.csv", UNITS),
        "scope": scope_file,
        "totals": totals(tmp_path / "totals.csv", {2023: 13_000.0}),
    }
    header = files[which].read_text(encoding="utf-8").splitlines()[0]
    empty = tmp_path / f"empty-{which}.csv"
    empty.write_text(header + "\n", encoding="utf-8")
    files[which] = empty
    said = refused(
        capsys,
        "estimate",
        "--scope",
        files["scope"],
        "--units",
        files["units"],
        "--totals",
        files["totals"],
    )
    assert f"empty-{which}.csv: The file has no data rows" in said


def _units_provenance(document: dict[str, Any]) -> tuple[object, object]:
    [source] = [i for i in document["provenance"]["inputs"] if i["role"] == "units"]
    return source["checksum_computed"], document["provenance"]["unit_year_check"]


def test_a_second_estimate_on_the_same_files_uses_the_record(
    tmp_path: Path, scope_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    units = write_parquet(tmp_path / "units.parquet", UNITS)
    totals_file = totals(tmp_path / "totals.csv", {2023: 13_000.0})
    record = tmp_path / "record"
    run = ("--checked-files", record, "--format", "json")

    first = as_json(estimate(capsys, scope_file, units, totals_file, *run))
    again = as_json(estimate(capsys, scope_file, units, totals_file, *run))

    assert _units_provenance(first) == (True, "checked")
    assert _units_provenance(again) == (False, "recorded")
    assert values(again) == values(first) == pytest.approx(EXPECTED)
    assert len(list(record.glob("*.json"))) == 2  # the units and the totals


def test_no_record_reads_every_file_in_full_each_time(
    tmp_path: Path, scope_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    units = write_parquet(tmp_path / "units.parquet", UNITS)
    totals_file = totals(tmp_path / "totals.csv", {2023: 13_000.0})
    record = tmp_path / "record"
    run = ("--checked-files", record, "--no-record", "--format", "json")

    estimate(capsys, scope_file, units, totals_file, *run)
    again = as_json(estimate(capsys, scope_file, units, totals_file, *run))

    assert _units_provenance(again) == (True, "checked")
    assert not record.exists()


def test_a_record_that_cannot_be_written_costs_nothing_but_time(
    tmp_path: Path, scope_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    units = write_parquet(tmp_path / "units.parquet", UNITS)
    totals_file = totals(tmp_path / "totals.csv", {2023: 13_000.0})
    not_a_folder = tmp_path / "record"
    not_a_folder.write_text("a file where the folder should be")
    run = ("--checked-files", not_a_folder, "--format", "json")

    estimate(capsys, scope_file, units, totals_file, *run)
    again = as_json(estimate(capsys, scope_file, units, totals_file, *run))

    assert _units_provenance(again) == (True, "checked")
    assert values(again) == pytest.approx(EXPECTED)


def test_the_record_is_kept_with_the_persons_caches(monkeypatch: pytest.MonkeyPatch) -> None:
    from cnvh.stats.command import default_checked_files

    monkeypatch.delenv("CNVH_CHECKED_FILES_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/srv/cache")
    assert default_checked_files() == Path("/srv/cache/cnvh/checked-files")
    monkeypatch.setenv("CNVH_CHECKED_FILES_DIR", "/data/checked")
    assert default_checked_files() == Path("/data/checked")
