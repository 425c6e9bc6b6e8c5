"""CSV files in UTF-8 with and without Excel's byte-order mark and in Windows-1258,
delimited by commas or semicolons, with title lines above the table."""

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from cnvh.exchange.engine_inputs.columns import role_columns
from cnvh.exchange.models import ImportRecord
from cnvh.exchange.reading import Limits, ProblemLog, read_file
from cnvh.exchange.reading.text import decode

from .files import UNITS, VIETNAMESE_HEADER, windows_1258, write_csv

UNITS_COLUMNS = role_columns("units")


def read(path: Path) -> tuple:
    problems = ProblemLog(path.name)
    return read_file(path, path.name, UNITS_COLUMNS, problems, limits=Limits()), problems


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1258"])
def test_vietnamese_headers_in_each_encoding(tmp_path: Path, encoding: str) -> None:
    path = write_csv(
        tmp_path / "units.csv",
        VIETNAMESE_HEADER,
        UNITS,
        encoding=encoding,
        above=["Báo cáo doanh nghiệp năm 2024", ""],
    )
    if encoding == "cp1258":
        assert b"\xd2" in path.read_bytes() or b"\xec" in path.read_bytes()  # tone marks apart
    reading, problems = read(path)
    assert not problems, problems.items
    assert reading.facts["encoding"] == encoding
    assert reading.facts["header_rows"] == [3]
    assert [row.number for row in reading.rows] == [4, 5, 6, 7]
    assert reading.rows[0].values["unit_id"] == "A"
    assert reading.rows[3].values["weight"] == Decimal(2)
    header = next(column.header for column in reading.columns if column.name == "code")
    assert header == "Mã ngành"  # composed (NFC), whatever the file wrote


def test_windows_1258_text_reads_as_the_same_words() -> None:
    written = windows_1258("Hà Nội, Thủ công mỹ nghệ")
    assert b"N\xf4\xf2i" in written  # ô, then the dot below as a character of its own
    decoded = decode(written)
    assert decoded is not None
    assert (decoded.encoding, decoded.content) == ("cp1258", "Hà Nội, Thủ công mỹ nghệ")


def test_semicolons_and_vietnamese_numbers(tmp_path: Path) -> None:
    path = tmp_path / "units.csv"
    path.write_text(
        "unit_id;year;code;value_added\nA;2024;5911;1.234.567,5\nB;2024;5911;2.500\n",
        encoding="utf-8",
    )
    reading, problems = read(path)
    assert not problems
    assert reading.facts["delimiter"] == ";"
    values = [row.values["value_added"] for row in reading.rows]
    assert values == [Decimal("1234567.5"), Decimal(2500)]


def test_a_quoted_field_over_two_lines_keeps_the_line_numbers_right(tmp_path: Path) -> None:
    path = tmp_path / "units.csv"
    path.write_text(
        'unit_id,year,code,value_added,stratum\nA,2024,5911,1,"two\nlines"\nB,x,5911,2,\n',
        encoding="utf-8",
    )
    reading, problems = read(path)
    assert [row.number for row in reading.rows] == [2, 4]
    assert reading.rows[0].values["stratum"] == "two\nlines"
    assert problems.items[0]["row"] == 4
    assert problems.items[0]["what_en"] == "'x' is not a number"


@pytest.mark.django_db
def test_each_encoding_imports_the_same_dataset(
    imported: Callable[..., ImportRecord], tmp_path: Path
) -> None:
    checksums = set()
    for encoding in ("utf-8", "utf-8-sig", "cp1258"):
        path = write_csv(
            tmp_path / f"units-{encoding}.csv", VIETNAMESE_HEADER, UNITS, encoding=encoding
        )
        record = imported(path, "units")
        assert record.status == ImportRecord.Status.IMPORTED
        assert record.details["encoding"] == encoding
        checksums.add(record.dataset.checksum)
    # The canonical file holds the data, not the way the file was written.
    assert len(checksums) == 1
