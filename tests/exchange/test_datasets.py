"""Datasets: the demo's files imported (CSV, Parquet, and the units as a workbook) give
canonical Parquet files from which the engine computes the same estimate as from the
files themselves, under every shipped definition, by sector and by ward through the
area crosswalk."""

import csv
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pytest
import xlsxwriter

from cnvh import cli
from cnvh.exchange import service
from cnvh.exchange.models import Dataset, ImportRecord
from cnvh.stats import EstimateOptions, estimate, load_scope, shipped_scopes
from cnvh.stats.checked import file_checksum

from .files import totals_csv, write_csv

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    assert cli.main(["demo-data", "--units", "1500", "--seed", "3", "--output", str(folder)]) == 0
    return folder


def as_workbook(source: Path, target: Path) -> Path:
    """The demo's units as a statistician's workbook: numbers as numbers, ids as text."""
    book = xlsxwriter.Workbook(str(target), {"constant_memory": True})
    sheet = book.add_worksheet("units")
    with source.open(encoding="utf-8") as handle:
        for line, row in enumerate(csv.reader(handle)):
            for column, cell in enumerate(row):
                if line and 4 <= column <= 9 and cell:
                    sheet.write_number(line, column, float(cell))
                elif cell:
                    sheet.write_string(line, column, cell)
    book.close()
    return target


def figures(result: Any) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    return {
        (row.year, row.sector, row.area): (row.value_added, row.share, row.employment)
        for row in result.rows
    }


def assert_same(stored: Any, original: Any, rel: float = 1e-12) -> None:
    ours, theirs = figures(stored), figures(original)
    assert ours.keys() == theirs.keys()
    for key, values in theirs.items():
        for mine, expected in zip(ours[key], values, strict=True):
            if expected is None:
                assert mine is None, key
            else:
                assert mine == pytest.approx(expected, rel=rel, abs=1e-9), key


def test_the_canonical_files_give_the_estimates_of_the_originals(
    imported: Callable[..., ImportRecord], demo: Path
) -> None:
    units = imported(demo / "units.csv", "units").dataset
    totals = imported(demo / "totals.csv", "totals").dataset
    crosswalk = imported(demo / "area-crosswalk.csv", "area_crosswalk").dataset
    assert units.columns["value_added"].startswith("DECIMAL(")  # exact, not a double
    assert units.checksum == file_checksum(units.path)
    with duckdb.connect() as con:
        sources = con.execute(
            f"SELECT count(*), min(source_row), max(source_row) FROM '{units.path}'"
        ).fetchone()
    assert sources == (units.rows, 2, units.rows + 1)  # every record names its CSV line
    for scope in shipped_scopes():
        options = EstimateOptions(by=("sector", "area"), area_crosswalk=crosswalk.path)
        original = estimate(
            load_scope(scope),
            units=demo / "units.csv",
            totals=demo / "totals.csv",
            options=EstimateOptions(
                by=("sector", "area"), area_crosswalk=demo / "area-crosswalk.csv"
            ),
        )
        stored = estimate(load_scope(scope), units=units.path, totals=totals.path, options=options)
        assert_same(stored, original, rel=1e-13)


def test_parquet_and_workbook_imports_give_the_same_data(
    imported: Callable[..., ImportRecord], demo: Path, tmp_path: Path
) -> None:
    from_csv = imported(demo / "units.csv", "units").dataset
    from_parquet = imported(demo / "units.parquet", "units").dataset
    workbook = imported(as_workbook(demo / "units.csv", tmp_path / "units.xlsx"), "units")
    assert workbook.status == ImportRecord.Status.IMPORTED, workbook.problems
    totals = demo / "totals.csv"
    original = estimate(load_scope("hanoi-plan"), units=demo / "units.csv", totals=totals)
    for dataset in (from_csv, from_parquet, workbook.dataset):
        assert dataset.rows == from_csv.rows
        # Excel keeps 15 significant digits of the weights: the same to 1e-12.
        result = estimate(load_scope("hanoi-plan"), units=dataset.path, totals=totals)
        assert_same(result, original)


def test_a_dataset_is_never_changed(imported: Callable[..., ImportRecord], demo: Path) -> None:
    dataset = imported(demo / "totals.csv", "totals").dataset
    dataset.rows = 1
    with pytest.raises(ValueError, match="never changed"):
        dataset.save()
    assert Dataset.objects.get(pk=dataset.pk).rows == 7


def test_an_estimate_from_datasets_names_them_in_its_provenance(
    imported: Callable[..., ImportRecord], demo: Path, statistician: Any
) -> None:
    units = imported(demo / "units.csv", "units")
    totals = imported(demo / "totals.csv", "totals")
    run = service.start_estimate(
        statistician,
        "fcs-core",
        units_dataset_id=units.dataset.pk,
        totals_dataset_id=totals.dataset.pk,
        label="from imports",
    )
    assert run.status == "done", run.problems
    stored = run.estimate
    assert stored is not None
    assert (stored.scope_key, stored.revision, stored.label) == ("fcs-core", 1, "from imports")
    listed = {item["role"]: item for item in stored.provenance["datasets"]}
    assert listed["units"]["import"] == units.pk
    assert listed["units"]["file_sha256"] == units.sha256
    assert listed["units"]["dataset_checksum"] == units.dataset.checksum
    assert listed["totals"]["imported_by"] == statistician.get_username()
    inputs = {item["role"]: item for item in stored.provenance["inputs"]}
    assert inputs["units"]["checksum"] == units.dataset.checksum  # it read the canonical file
    assert stored.provenance["estimate_run"] == run.pk
    # The import checked the file it wrote: the estimate took its word for it.
    assert (inputs["units"]["checksum_computed"], inputs["units"]["checked_by"]) == (
        False,
        "import",
    )
    assert stored.provenance["unit_year_check"] == "recorded"
    original = estimate(
        load_scope("fcs-core"), units=demo / "units.csv", totals=demo / "totals.csv"
    )
    rows = {(r.year, r.sector, r.area): r.value_added for r in stored.rows.all()}
    for row in original.rows:
        assert rows[(row.year, row.sector, row.area)] == pytest.approx(row.value_added, rel=1e-13)


def test_a_dataset_file_touched_after_its_import_is_checked_again(
    imported: Callable[..., ImportRecord], demo: Path, statistician: Any
) -> None:
    """Written again, byte for byte, with its old modification time: nothing proves it is
    the file the import checked, so the estimate reads and checks it in full."""
    units = imported(demo / "units.csv", "units").dataset
    totals = imported(demo / "totals.csv", "totals").dataset
    before = units.path.stat()
    units.path.write_bytes(units.path.read_bytes())
    os.utime(units.path, ns=(before.st_atime_ns, before.st_mtime_ns))

    run = service.start_estimate(
        statistician, "fcs-core", units_dataset_id=units.pk, totals_dataset_id=totals.pk
    )

    assert run.status == "done", run.problems
    assert run.estimate is not None
    provenance = run.estimate.provenance
    stated = next(item for item in provenance["inputs"] if item["role"] == "units")
    assert (stated["checksum"], stated["checksum_computed"]) == (units.checksum, True)
    assert provenance["unit_year_check"] == "checked"


def test_aggregates_a_scope_and_a_code_crosswalk_from_files(
    imported: Callable[..., ImportRecord], statistician: Any, tmp_path: Path
) -> None:
    """Code-level aggregates in VSIC 2025, the statistician's own definition, and their
    crosswalk to VSIC 2018: the estimate from the datasets is the engine's from the
    files (and, by hand: 5821 is all games, 7310 all advertising; 1,000 + 300 of 100,000)."""
    aggregates = write_csv(
        tmp_path / "tong-hop.csv",
        ["Năm", "Mã ngành", "Giá trị tăng thêm", "Hệ thống ngành"],
        [[2024, "5821", "1000", "VSIC2025"], [2024, "7310", "300", "VSIC2025"]],
    )
    scope = write_csv(
        tmp_path / "Phạm vi thử.csv",
        ["code", "sector", "share", "sector_title_vi", "sector_title_en"],
        [
            ["5820", "games", "1", "Trò chơi", "Games"],
            ["7310", "advertising", "1", "Quảng cáo", "Advertising"],
        ],
    )
    crosswalk = write_csv(
        tmp_path / "chuyen-ma.csv",
        ["from_code", "to_code", "weight"],
        [["5821", "5820", "1"], ["7310", "7310", "1"]],
    )
    totals = totals_csv(tmp_path / "tong.csv")
    records = {
        kind: imported(path, kind)
        for kind, path in (
            ("aggregates", aggregates),
            ("scope", scope),
            ("code_crosswalk", crosswalk),
            ("totals", totals),
        )
    }
    assert all(r.status == "imported" for r in records.values()), [
        r.problems for r in records.values()
    ]
    run = service.start_estimate(
        statistician,
        "",
        scope_dataset_id=records["scope"].dataset.pk,
        aggregates_dataset_id=records["aggregates"].dataset.pk,
        totals_dataset_id=records["totals"].dataset.pk,
        code_crosswalk_dataset_id=records["code_crosswalk"].dataset.pk,
    )
    assert run.status == "done", run.problems
    assert run.estimate is not None
    key = f"import-{records['scope'].pk}-pham-vi-thu"
    assert run.estimate.scope_key == key  # never a shipped scope's revisions
    original = estimate(
        load_scope(scope),
        aggregates=aggregates,
        totals=totals,
        options=EstimateOptions(code_crosswalk=crosswalk),
    )
    stored = {(r.year, r.sector, r.area): r.value_added for r in run.estimate.rows.all()}
    assert stored == {(r.year, r.sector, r.area): r.value_added for r in original.rows}
    assert stored[(2024, None, None)] == pytest.approx(1300.0)
    assert stored[(2024, "games", None)] == pytest.approx(1000.0)
