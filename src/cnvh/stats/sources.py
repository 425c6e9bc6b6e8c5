"""Reading a user's file (CSV, XLSX or Parquet) into DuckDB under canonical column names.

Each input becomes a view with the canonical columns of its role plus `__row`, the
row number a person sees in the file (the spreadsheet row, or the record number in
a Parquet file), so that every problem can say where it is.
"""

import csv
import itertools
import shutil
import tempfile
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb

from . import sql
from .checked import Checked, Fingerprint, start_checksum
from .columns import MONEY, ROLES, Role, canonical_column
from .facts import ColumnFacts, parquet_facts
from .money import canonical_unit, split_header_unit, unit_key
from .problems import ProblemList
from .zips import zip_problem

HEADER_SEARCH_ROWS = 30
_NUMERIC_TYPES = (
    "TINYINT",
    "SMALLINT",
    "INTEGER",
    "BIGINT",
    "HUGEINT",
    "FLOAT",
    "DOUBLE",
    "DECIMAL",
    "UTINYINT",
    "USMALLINT",
    "UINTEGER",
    "UBIGINT",
)


@dataclass
class Source:
    role: Role
    path: Path
    view: str
    columns: dict[str, str]  # canonical name -> DuckDB type
    header_unit: str | None
    checksum: Future[str]
    size: int
    file_format: str
    temporary: list[Path] = field(default_factory=list)
    facts: dict[str, ColumnFacts] = field(default_factory=dict)  # Parquet statistics
    # The file as it was before it was read, and what the record of checked files
    # (checked.py) held of it, if anything: its checksum then is the recorded one.
    fingerprint: Fingerprint | None = None
    checked: Checked | None = None

    @property
    def label(self) -> str:
        return self.path.name

    def remove_temporary_files(self) -> None:
        for folder in self.temporary:
            shutil.rmtree(folder, ignore_errors=True)

    def has(self, column: str) -> bool:
        return column in self.columns

    def is_numeric(self, column: str) -> bool:
        return self.columns[column].upper().startswith(_NUMERIC_TYPES)

    def describe(self) -> dict[str, object]:
        return {
            "role": self.role.name,
            "file": self.path.name,
            "path": str(self.path),
            "format": self.file_format,
            "bytes": self.size,
            "checksum": self.checksum.result(),
            # Read in full by this estimate, or taken from the record of checked files.
            "checksum_computed": self.checked is None,
            **(self.checked.describe() if self.checked else {}),
        }


def read_source(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    role_name: str,
    problems: ProblemList,
    checksum: "Future[str] | None" = None,
) -> Source | None:
    """Opens `path` as the input `role_name`; returns None after recording problems.
    `checksum`: the file's, when known; else it is computed while the file is read."""
    role = ROLES[role_name]
    label = path.name
    if not path.is_file():
        problems.add("file_missing", file=str(path))
        return None
    suffix = path.suffix.lower()
    readers = {".parquet": _read_parquet, ".csv": _read_csv, ".txt": _read_csv, ".tsv": _read_csv}
    readers |= dict.fromkeys((".xlsx", ".xlsm", ".xls", ".ods"), _read_spreadsheet)
    if suffix not in readers:
        problems.add("file_format", file=label, suffix=suffix or "?")
        return None
    try:
        source = readers[suffix](con, path, role, problems, checksum)
        if source is not None and not _has_rows(con, source):
            # A header and nothing under it: an estimate of nothing, which would look
            # like a result. The import refuses such a file too.
            problems.add("empty_file", file=label)
            source.remove_temporary_files()
            return None
    except (duckdb.Error, UnicodeDecodeError, ValueError, OSError) as error:
        problems.add("file_unreadable", file=label, detail=str(error).splitlines()[0])
        return None
    return source


def _has_rows(con: duckdb.DuckDBPyConnection, source: Source) -> bool:
    return con.execute(f"SELECT 1 FROM {source.view} LIMIT 1").fetchone() is not None


def _map_headers(
    headers: list[str], role: Role, label: str, problems: ProblemList
) -> tuple[dict[str, str], str | None]:
    """Header as written -> canonical column, for the columns this role knows."""
    mapping: dict[str, str] = {}
    units: set[str] = set()
    for header in headers:
        base, unit = split_header_unit(header)
        name = canonical_column(base)
        if name is None:
            name = canonical_column(header)
            unit = None
        if name is None or name not in role.known:
            continue
        if name in mapping.values():
            problems.add("duplicate_column", file=label, column=name)
            continue
        mapping[header] = name
        if unit and name in MONEY:
            units.add(unit)
    if len(units) > 1:
        problems.add("mixed_units_in_file", file=label, value=", ".join(sorted(units)))
    missing = [name for name in role.required if name not in mapping.values()]
    for name in missing:
        problems.add("missing_column", file=label, column=name)
    if role.name == "units" and not _has_money(set(mapping.values())):
        problems.add("missing_money_columns", file=label)
    return mapping, (units.pop() if len(units) == 1 else None)


def _has_money(columns: set[str]) -> bool:
    derived = {"output", "intermediate_consumption"} <= columns
    return derived or bool({"value_added", "revenue"} & columns)


def _hits(cells: list[str], role: Role) -> int:
    names = {canonical_column(split_header_unit(cell)[0]) for cell in cells if cell}
    return len(names & set(role.known))


def _find_header(rows: list[list[str]], role: Role) -> int:
    """The first row that names at least two of the role's columns (title rows above
    a table are common in administrative spreadsheets)."""
    needed = min(2, len(role.required))
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if _hits(cells, role) >= needed:
            return index
    return 0


def _create_view(
    con: duckdb.DuckDBPyConnection,
    view: str,
    relation_sql: str,
    mapping: dict[str, str],
    row_expression: str,
) -> dict[str, str]:
    selected = ", ".join(f"{sql.identifier(header)} AS {name}" for header, name in mapping.items())
    con.execute(
        f"CREATE OR REPLACE VIEW {view} AS "
        f"SELECT {selected}, {row_expression} AS __row FROM {relation_sql}"
    )
    described = con.execute(f"DESCRIBE {view}").fetchall()
    return {str(name): str(kind) for name, kind, *_ in described if name != "__row"}


def _view_name(role: Role) -> str:
    return f"src_{role.name}"


def _read_parquet(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    role: Role,
    problems: ProblemList,
    checksum: "Future[str] | None",
) -> Source | None:
    relation = f"read_parquet({sql.literal(str(path))}, file_row_number = true)"
    headers = [
        str(row[0])
        for row in con.execute(f"DESCRIBE SELECT * FROM {relation}").fetchall()
        if row[0] != "file_row_number"
    ]
    mapping, unit = _map_headers(headers, role, path.name, problems)
    if problems:
        return None
    view = _view_name(role)
    columns = _create_view(con, view, relation, mapping, "file_row_number + 1")
    checksum = checksum or start_checksum(path)
    source = Source(role, path, view, columns, unit, checksum, path.stat().st_size, "parquet")
    source.facts = parquet_facts(con, str(path), mapping)
    return source


def _sniff_lines(path: Path) -> tuple[list[list[str]], str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        head = list(itertools.islice(handle, HEADER_SEARCH_ROWS))
    sample = "".join(head)
    delimiter = max([",", ";", "\t", "|"], key=sample.count)
    rows = list(csv.reader(head, delimiter=delimiter))
    return rows, delimiter


def _read_csv(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    role: Role,
    problems: ProblemList,
    checksum: "Future[str] | None",
    row_column: bool = False,
    file_format: str = "csv",
    checksum_of: Path | None = None,
) -> Source | None:
    original = checksum_of or path
    rows, delimiter = _sniff_lines(path)
    header_index = _find_header(rows, role)
    headers = rows[header_index] if rows else []
    mapping, unit = _map_headers(headers, role, original.name, problems)
    if not row_column:
        _check_widths(path, delimiter, header_index, headers, original.name, problems)
    if problems:
        return None
    table = f"raw_{role.name}"
    con.execute(
        f"CREATE OR REPLACE TABLE {table} AS SELECT * FROM read_csv("
        f"{sql.literal(str(path))}, delim = {sql.literal(delimiter)}, header = true, "
        f"skip = {header_index}, all_varchar = true, quote = '\"', escape = '\"', "
        "null_padding = true)"
    )
    if row_column:
        mapping = {header: name for header, name in mapping.items() if header != "__row"}
        row_expression = "CAST(__row AS BIGINT)"
    else:
        row_expression = f"rowid + {header_index + 2}"
    view = _view_name(role)
    columns = _create_view(con, view, table, mapping, row_expression)
    return Source(
        role,
        original,
        view,
        columns,
        unit,
        checksum or start_checksum(original),
        original.stat().st_size,
        file_format,
    )


def _check_widths(
    path: Path,
    delimiter: str,
    header_index: int,
    headers: list[str],
    label: str,
    problems: ProblemList,
) -> None:
    """A row with more cells than the header has a separator inside a cell (1.234.567,5
    unquoted in a comma-separated file): its values would be read into the wrong
    columns, or cut (1,234,567), even when the cell pushed out is an empty one. Rows
    are numbered as the engine numbers them: the file's records from 1."""
    width = len(headers)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        records = csv.reader(handle, delimiter=delimiter)
        for number, cells in enumerate(records, start=1):
            if number > header_index + 1 and len(cells) > width:
                problems.add(
                    "too_many_cells", file=label, row=number, count=len(cells), width=width
                )


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value).strip()


def _sheet_rows(workbook: Any) -> list[list[Any]]:
    """The first sheet that holds something."""
    sheet_rows: list[list[Any]] = []
    for name in workbook.sheet_names:
        sheet_rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        if any(any(cell not in (None, "") for cell in row) for row in sheet_rows):
            break
    return sheet_rows


def _written(params: dict[str, object]) -> dict[str, object]:
    """A zip problem's figures as the engine's messages write them (1,024.0)."""
    return {
        name: f"{value:,.0f}"
        if name == "ratio"
        else f"{value:,.1f}"
        if isinstance(value, float)
        else value
        for name, value in params.items()
    }


def _read_spreadsheet(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    role: Role,
    problems: ProblemList,
    checksum: "Future[str] | None",
) -> Source | None:
    from python_calamine import CalamineError, CalamineWorkbook

    if path.suffix.lower() in {".xlsx", ".xlsm", ".ods"}:
        # Before the reader opens it: a zip bomb, or a file that is no zip at all.
        found = zip_problem(path)
        if found is not None:
            code, params = found
            problems.add(code, file=path.name, **_written(params))
            return None
    try:
        sheet_rows = _sheet_rows(CalamineWorkbook.from_path(str(path)))
    except CalamineError as error:
        # A damaged or mislabelled workbook (no _rels, not an Excel file at all).
        problems.add("file_unreadable", file=path.name, detail=str(error).splitlines()[0][:200])
        return None
    texts = [[_cell_text(cell) for cell in row] for row in sheet_rows]
    header_index = _find_header(texts, role)
    if not texts:
        problems.add("empty_file", file=path.name)
        return None
    folder = Path(tempfile.mkdtemp(prefix="cnvh-sheet-"))
    flat = folder / f"{role.name}.csv"
    with flat.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([*texts[header_index], "__row"])
        for offset, row in enumerate(texts[header_index + 1 :], start=header_index + 2):
            if any(row):
                writer.writerow([*row, offset])
    source = _read_csv(
        con, flat, role, problems, checksum, row_column=True, file_format="xlsx", checksum_of=path
    )
    if source:
        source.temporary.append(folder)
    return source


def declared_unit(
    con: duckdb.DuckDBPyConnection, source: Source, problems: ProblemList
) -> str | None:
    """The money unit a file states, in a `unit` column or in its money headers."""
    labels = [source.header_unit] if source.header_unit else []
    if source.has("unit"):
        rows = con.execute(
            f"SELECT DISTINCT trim(CAST(unit AS VARCHAR)) FROM {source.view} "
            "WHERE unit IS NOT NULL AND trim(CAST(unit AS VARCHAR)) <> ''"
        ).fetchall()
        labels += [canonical_unit(str(row[0])) for row in rows]
    units = {unit_key(label): label for label in labels}
    if len(units) > 1:
        problems.add(
            "mixed_units_in_file", file=source.label, value=", ".join(sorted(units.values()))
        )
        return None
    return next(iter(units.values()), None)
