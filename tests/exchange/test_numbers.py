"""Numbers and dates as people write them, read exactly (no Django needed)."""

import datetime
from decimal import Decimal

import pytest

from cnvh.exchange.kinds import Column
from cnvh.exchange.reading import cell_values, dates, numbers
from cnvh.exchange.reading.problems import ProblemLog

AMOUNT = Column("amount", "decimal", True, (), "Số tiền", "Amount")
COUNT = Column("count", "integer", False, (), "Số lượng", "Count")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234.567,5", "1234567.5"),
        ("1,234,567.5", "1234567.5"),
        ("1234567.5", "1234567.5"),
        ("1234567,5", "1234567.5"),
        ("1 234 567,5", "1234567.5"),
        ("-1.234,25", "-1234.25"),
        ("(2.500,5)", "-2500.5"),
        ("12,5%", "0.125"),
        ("1.5E+07", "15000000"),
        ("0,500", "0.5"),
        ("0.500", "0.5"),
        ("1667.083", "1667.083"),
    ],
)
def test_a_number_that_says_how_it_is_written(text: str, expected: str) -> None:
    written = numbers.written(text)
    assert written.kind != "ambiguous"
    assert numbers.value(written, "vi") == numbers.value(written, "en") == Decimal(expected)


def test_values_are_exact_decimals_never_rounded_through_floats() -> None:
    value = numbers.value(numbers.written("0,1"), "vi") + numbers.value(
        numbers.written("0,2"), "vi"
    )
    assert value == Decimal("0.3")
    assert numbers.value(numbers.written("12345678901234567890,123"), "vi") == Decimal(
        "12345678901234567890.123"
    )


def test_a_spreadsheet_number_is_what_excel_shows() -> None:
    assert numbers.from_float(0.1 + 0.2) == Decimal("0.3")
    assert numbers.from_float(1667.083) == Decimal("1667.083")
    assert numbers.from_float(2024.0) == Decimal(2024)


def read_column(texts: list[str], others: set[str], delimiter: str | None = None) -> tuple:
    found = cell_values.NumberCells.of(texts)
    choice = cell_values.choose_style(found, others, delimiter)
    problems = ProblemLog("f.csv")
    values = cell_values.convert(
        AMOUNT, texts, list(range(2, 2 + len(texts))), problems, choice, found
    )
    return values, choice, problems


def test_an_ambiguous_number_is_read_the_way_its_column_is_written() -> None:
    values, choice, problems = read_column(["1.234", "2.345.678,5"], set())
    assert values == [Decimal(1234), Decimal("2345678.5")]
    assert not problems
    assert choice.note is not None
    assert "'1.234'" in choice.note[1] and "1234" in choice.note[1]
    assert "2.345.678,5" in choice.note[1]  # the cell that decided it

    values, choice, _ = read_column(["1.234", "1667.5"], set())
    assert values == [Decimal("1.234"), Decimal("1667.5")]
    assert choice.note is not None and "1.234" in choice.note[1]


def test_else_the_way_the_other_columns_are_written_else_the_delimiter() -> None:
    values, choice, _ = read_column(["1.234"], {"en"})
    assert values == [Decimal("1.234")]
    assert choice.note is not None and "other columns" in choice.note[1]

    values, choice, _ = read_column(["1.234"], set(), delimiter=";")
    assert values == [Decimal(1234)]
    assert choice.note is not None and "';'" in choice.note[1]

    values, choice, _ = read_column(["1.234"], set())
    assert values == [Decimal(1234)]  # the Vietnamese way, said so
    assert choice.note is not None and "Vietnamese way is the default" in choice.note[1]


def test_a_column_mixing_both_ways_cannot_read_its_ambiguous_cells() -> None:
    values, _, problems = read_column(["1.234", "1.234.567,5", "1,234,567.5"], set())
    assert values == [None, Decimal("1234567.5"), Decimal("1234567.5")]
    assert problems.total == 1
    problem = problems.items[0]
    assert (problem["row"], problem["column"]) == (2, "amount")
    assert "'1.234' could be 1234 or 1.234" in problem["what_en"]
    assert "'1.234' có thể là 1234 hay 1.234" in problem["what_vi"]
    assert "1234" in problem["fix_en"] and "1,234" in problem["fix_vi"]


def test_a_whole_number_column_reads_either_separator_as_thousands() -> None:
    found = cell_values.NumberCells.of(["1.234", "1,234", "2024.0", "12.5"])
    problems = ProblemLog("f.csv")
    values = cell_values.convert(
        COUNT,
        ["1.234", "1,234", "2024.0", "12.5"],
        [2, 3, 4, 5],
        problems,
        cell_values.choose_style(found, set(), None),
        found,
    )
    assert values == [1234, 1234, 2024, None]
    assert problems.items[0]["what_en"] == "'12.5' is not a whole number"


def test_a_dash_in_a_number_column_means_no_figure() -> None:
    values, _, problems = read_column(["-", "5"], set())
    assert values == [None, Decimal(5)]
    assert problems.items[0]["what_en"] == "Empty cell in a required column"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("05/03/2024", datetime.date(2024, 3, 5)),
        ("5/3/2024", datetime.date(2024, 3, 5)),
        ("05-03-2024", datetime.date(2024, 3, 5)),
        ("2024-03-05", datetime.date(2024, 3, 5)),
        ("2024-03-05 00:00:00", datetime.date(2024, 3, 5)),
        (45356, datetime.date(2024, 3, 5)),
        (45356.0, datetime.date(2024, 3, 5)),
        ("45356", datetime.date(2024, 3, 5)),
        (datetime.datetime(2024, 3, 5, 0, 0), datetime.date(2024, 3, 5)),
        ("31/02/2024", None),
        ("2024", None),
        (2024, None),
        ("hôm qua", None),
    ],
)
def test_dates_day_first_iso_and_excel_serials(cell: object, expected: object) -> None:
    assert dates.from_cell(cell) == expected
