"""The rows of a CSV file, a spreadsheet's sheet or a Parquet file, numbered as a person
finds them: the CSV line, the spreadsheet row, the Parquet record + 1."""

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from cnvh.stats import sql

from . import cell_values, text
from .headers import SEARCH_ROWS, Matcher, Merge, find
from .limits import Limits
from .problems import Figure, ProblemLog
from .sheets import Workbook, WorkbookError

Numbered = tuple[int, list[Any]]
PARQUET_BATCH = 10_000


@dataclass
class Source:
    head: list[Numbered]  # the first rows, where the header is looked for
    rest: Iterator[Numbered]
    facts: dict[str, Any]
    merges: list[Merge] = field(default_factory=list)
    close: Callable[[], None] = lambda: None


def open_source(
    path: Path,
    file_format: str,
    matcher: Matcher,
    sheet: str | None,
    limits: Limits,
    problems: ProblemLog,
) -> Source | None:
    if file_format == "csv":
        return _csv(path, problems)
    if file_format == "parquet":
        return _parquet(path, limits, problems)
    return _spreadsheet(path, matcher, sheet, limits, problems)


def _split(rows: Iterator[Numbered]) -> tuple[list[Numbered], Iterator[Numbered]]:
    return list(itertools.islice(rows, SEARCH_ROWS)), rows


def _csv(path: Path, problems: ProblemLog) -> Source | None:
    decoded = text.decode(path.read_bytes())
    if decoded is None:
        problems.report("encoding_unknown")
        return None
    delimiter = text.sniff_delimiter(decoded.content)
    rows = text.records(decoded.content, delimiter)
    head, rest = _split(rows)
    facts = {"encoding": decoded.encoding, "delimiter": delimiter}
    return Source(head, rest, facts)


def _spreadsheet(
    path: Path, matcher: Matcher, wanted: str | None, limits: Limits, problems: ProblemLog
) -> Source | None:
    try:
        book = Workbook(path)
        chosen = _choose_sheet(book, matcher, wanted, problems)
    except WorkbookError as error:
        problems.report(error.code, detail=error.detail)
        return None
    if chosen is None:
        book.close()
        return None
    name, height, merges, head, rest = chosen
    if height - 1 > limits.max_rows:
        problems.report("too_many_rows", limit=Figure(limits.max_rows))
        book.close()
        return None
    facts = {"sheet": name, "sheets": book.names}
    return Source(head, rest, facts, merges, book.close)


def _choose_sheet(
    book: Workbook, matcher: Matcher, wanted: str | None, problems: ProblemLog
) -> tuple[str, int, list[Merge], list[Numbered], Iterator[Numbered]] | None:
    """The sheet asked for; else the first whose header names the kind's columns; else
    the first sheet (whose problems are then reported)."""
    if wanted:
        if wanted not in book.names:
            problems.report("no_sheet", sheet=wanted, sheets=", ".join(book.names))
            return None
        names = [wanted]
    else:
        names = book.names
    first = None
    for name in names:
        sheet = book.sheet(name)
        head, rest = _split(sheet.rows())
        texts = [[cell_values.as_text(cell) for cell in cells] for _, cells in head]
        candidate = (name, sheet.height, sheet.merges, head, rest)
        if find(texts, matcher, sheet.merges):
            return candidate
        first = first or candidate
    return first


def _parquet(path: Path, limits: Limits, problems: ProblemLog) -> Source | None:
    con = duckdb.connect()
    literal = sql.literal(path)
    try:
        rows, unpacked = con.execute(
            "SELECT (SELECT coalesce(sum(num_rows), 0) FROM parquet_file_metadata($1)), "
            "(SELECT coalesce(sum(total_uncompressed_size), 0) FROM parquet_metadata($1))",
            [str(path)],
        ).fetchone() or (0, 0)
        if int(rows) > limits.max_rows:
            problems.report("too_many_rows", limit=Figure(limits.max_rows))
            return None
        if int(unpacked) > limits.max_unzipped_bytes:
            size, limit = int(unpacked) / 2**20, limits.max_unzipped_bytes / 2**20
            problems.report("unzipped_too_big", size=Figure(size, 1), limit=Figure(limit, 1))
            return None
        result = con.execute(f"SELECT * FROM read_parquet({literal})")
    except duckdb.Error as error:
        problems.report("unreadable", detail=str(error).splitlines()[0][:200])
        con.close()
        return None
    header = [str(column[0]) for column in result.description or []]
    return Source([(0, header)], _batches(result), {"parquet_rows": int(rows)}, close=con.close)


def _batches(result: duckdb.DuckDBPyConnection) -> Iterator[Numbered]:
    """Records numbered from 1. A double is kept as the shortest decimal that reads back
    as the same double, which is what a program that wrote 1667.083 meant; Excel's
    15-digit rounding (numbers.from_float) is for spreadsheets only."""
    number = 0
    while batch := result.fetchmany(PARQUET_BATCH):
        for record in batch:
            number += 1
            yield number, [Decimal(repr(v)) if type(v) is float else v for v in record]
