"""The record of checked files: a file found there unchanged is neither hashed again nor
checked again for each unit once a year; a file changed in any way is checked in full,
even when it keeps its size and its modification time."""

import dataclasses
import json
import os
from pathlib import Path

import blake3
import duckdb
import pytest

from cnvh.stats import EstimateOptions, InputError, estimate, load_scope
from cnvh.stats.checked import Checked, CheckedFiles, file_checksum, fingerprint, stated_checksum
from cnvh.stats.integrity import in_strict_order
from cnvh.stats.result import Estimate

from .files import totals, unit, write_csv

GRDP = {2023: 10_000.0}
# Two units of 5912 (film, share 1 in the test scope): 100 + 250 = 350.
UNITS = [unit("U1", "5912", 100.0), unit("U2", "5912", 250.0)]


def _estimate(tmp_path: Path, units: Path, scope_file: Path, record: CheckedFiles) -> Estimate:
    return estimate(
        load_scope(scope_file),
        units=units,
        totals=totals(tmp_path / "t.csv", GRDP),
        options=EstimateOptions(bootstrap=0),
        checked=record,
    )


def _units_input(result: Estimate) -> dict[str, object]:
    return next(i for i in result.provenance["inputs"] if i["role"] == "units")


def _checksum(path: Path) -> str:
    return "blake3:" + blake3.blake3(path.read_bytes()).hexdigest()


def test_a_file_checked_before_is_not_read_again(tmp_path: Path, scope_file: Path) -> None:
    units = write_csv(tmp_path / "u.csv", UNITS)
    record = CheckedFiles(tmp_path / "record")

    first = _estimate(tmp_path, units, scope_file, record)
    again = _estimate(tmp_path, units, scope_file, record)

    assert _units_input(first)["checksum_computed"] is True
    assert first.provenance["unit_year_check"] == "checked"
    stated = _units_input(again)
    assert stated["checksum"] == _checksum(units)
    assert (stated["checksum_computed"], stated["checked_by"]) == (False, "estimate")
    assert again.provenance["unit_year_check"] == "recorded"
    assert again.total(2023).value_added == first.total(2023).value_added == 350.0


def test_a_file_rewritten_with_its_size_and_time_kept_is_checked_again(
    tmp_path: Path, scope_file: Path
) -> None:
    """U2 becomes U1: the same number of bytes, and the old modification time is put
    back; the unit now twice in 2023 must be found."""
    units = write_csv(tmp_path / "u.csv", UNITS)
    record = CheckedFiles(tmp_path / "record")
    _estimate(tmp_path, units, scope_file, record)
    before = units.stat()

    units.write_bytes(units.read_bytes().replace(b"U2,", b"U1,"))
    os.utime(units, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (units.stat().st_size, units.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)

    with pytest.raises(InputError) as error:
        _estimate(tmp_path, units, scope_file, record)
    assert [(p.code, p.row, p.params["unit_id"]) for p in error.value.problems] == [
        ("duplicate_unit_year", 2, "U1")
    ]


def test_a_changed_checksum_is_stated_not_the_recorded_one(
    tmp_path: Path, scope_file: Path
) -> None:
    units = write_csv(tmp_path / "u.csv", UNITS)
    record = CheckedFiles(tmp_path / "record")
    _estimate(tmp_path, units, scope_file, record)
    before = units.stat()

    units.write_bytes(units.read_bytes().replace(b"250", b"205"))
    os.utime(units, ns=(before.st_atime_ns, before.st_mtime_ns))
    result = _estimate(tmp_path, units, scope_file, record)

    stated = _units_input(result)
    assert (stated["checksum"], stated["checksum_computed"]) == (_checksum(units), True)
    assert result.provenance["unit_year_check"] == "checked"
    assert result.total(2023).value_added == 305.0


def test_the_content_sample_alone_catches_a_change(tmp_path: Path) -> None:
    """Where the times cannot be trusted (a file system without ctime, a clock set
    back), a change in the sampled blocks still tells the file apart. Here the record
    is given every property of the new file but its content."""
    path = tmp_path / "u.bin"
    path.write_bytes(bytes(range(256)) * 4096)  # 1 MiB: edges and 16 blocks sampled
    record = CheckedFiles(tmp_path / "record")
    old = fingerprint(path)

    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF  # the last byte: where a Parquet file ends with its footer
    path.write_bytes(bytes(data))
    new = fingerprint(path)
    record.remember(dataclasses.replace(new, sample=old.sample), _checked("a" * 64))

    assert new.sample != old.sample
    assert record.find(new) is None
    assert record.find(dataclasses.replace(new, sample=old.sample)) is not None


def test_a_record_of_another_version_is_not_trusted(tmp_path: Path, scope_file: Path) -> None:
    units = write_csv(tmp_path / "u.csv", UNITS)
    record = CheckedFiles(tmp_path / "record")
    _estimate(tmp_path, units, scope_file, record)
    for entry in (tmp_path / "record").glob("*.json"):
        stored = json.loads(entry.read_text())
        stored["checked"]["cnvh_version"] = "0.0.1"
        entry.write_text(json.dumps(stored))

    result = _estimate(tmp_path, units, scope_file, record)

    assert _units_input(result)["checksum_computed"] is True
    assert result.provenance["unit_year_check"] == "checked"


def _checked(checksum: str) -> Checked:
    return Checked(checksum, True, "estimate", "2025-01-01T00:00:00+00:00")


@pytest.mark.parametrize(
    ("rows", "ordered"),
    [
        ([("a", 2023), ("a", 2024), ("b", 2023)], True),  # by unit, then year
        ([("a", 2023), ("b", 2023), ("a", 2024)], True),  # by year, then unit
        ([("a", 2023), ("a", 2023), ("b", 2023)], False),  # a twice in 2023, side by side
        ([("b", 2023), ("a", 2023), ("b", 2024)], False),  # in neither order
        ([("a", 2023), (None, 2023), ("b", 2023)], False),  # no unit: not in order
        ([("a", 2023), ("b", 2024), ("a", 2023)], False),  # each link in one order or other
    ],
)
def test_rows_in_strict_order_repeat_no_unit_year(
    rows: list[tuple[str | None, int]], ordered: bool
) -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE k (n INTEGER, u VARCHAR, y INTEGER)")
    con.executemany("INSERT INTO k VALUES (?, ?, ?)", [(n, u, y) for n, (u, y) in enumerate(rows)])
    assert in_strict_order(con, "SELECT u, y FROM k ORDER BY n") is ordered


def test_a_sorted_file_with_a_unit_twice_is_caught(tmp_path: Path, scope_file: Path) -> None:
    """In order but for one repeat: the proof fails, and the full check names the row."""
    path = tmp_path / "u.parquet"
    con = duckdb.connect()
    con.execute(f"""
        COPY (
            SELECT printf('U%05d', CASE WHEN i = 5000 THEN 4999 ELSE i END) AS unit_id,
                   2023 AS year, '5912' AS code, 1.0 AS value_added
            FROM range(10000) t(i) ORDER BY i
        ) TO '{path}' (FORMAT parquet)
    """)
    con.close()
    with pytest.raises(InputError) as error:
        _estimate(tmp_path, path, scope_file, CheckedFiles(tmp_path / "record"))
    [problem] = error.value.problems
    assert (problem.code, problem.row, problem.params["unit_id"]) == (
        "duplicate_unit_year",
        5000,
        "U04999",
    )
    assert not list((tmp_path / "record").glob("*.json"))  # a refused file is not recorded


@pytest.mark.parametrize("content", [b"", b"year,grdp\n2023,10000\n", bytes(range(256)) * 4099])
def test_the_checksum_is_the_files_blake3(tmp_path: Path, content: bytes) -> None:
    """Read in pieces, the file gives the digest of its whole content at once."""
    path = tmp_path / "f.bin"
    path.write_bytes(content)
    assert file_checksum(path) == "blake3:" + blake3.blake3(content).hexdigest()


def test_the_checksum_of_nothing_is_blake3s_published_one(tmp_path: Path) -> None:
    path = tmp_path / "empty"
    path.write_bytes(b"")
    assert file_checksum(path) == (
        "blake3:af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262"
    )


def test_an_earlier_estimates_sha256_is_stated_as_such() -> None:
    assert stated_checksum({"checksum": "blake3:" + "ab" * 32}) == "blake3:" + "ab" * 32
    assert stated_checksum({"sha256": "cd" * 32}) == "sha256:" + "cd" * 32
    assert stated_checksum({"role": "units"}) is None
