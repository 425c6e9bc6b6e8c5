"""SQL expressions that read a source's columns the same way everywhere.

Spreadsheets and CSV files arrive as text; Parquet files arrive typed. The
expressions here turn either into numbers, years and codes, and say which cells
could not be read, so the main query and the checks agree on what a cell means.
"""

from dataclasses import dataclass

from .numbers import LARGEST
from .sources import Source

MIN_YEAR, MAX_YEAR = 1900, 2200


@dataclass(frozen=True)
class Dialect:
    """The few expressions whose SQL differs between DuckDB and PostgreSQL; everything
    else the pass over the data writes is common to both (see postgres.py)."""

    double: str = "DOUBLE"
    try_double: str = "TRY_CAST({} AS DOUBLE)"
    try_integer: str = "TRY_CAST({} AS INTEGER)"
    not_finite: str = "NOT isfinite({})"


DUCKDB = Dialect()


class Columns:
    def __init__(self, source: Source, dialect: Dialect = DUCKDB) -> None:
        self.source = source
        self.dialect = dialect

    def has(self, column: str) -> bool:
        return self.source.has(column)

    def number(self, column: str) -> str:
        if not self.has(column):
            return f"CAST(NULL AS {self.dialect.double})"
        if self.source.is_numeric(column):
            return f"CAST({column} AS {self.dialect.double})"
        return self.dialect.try_double.format(f"trim({column})")

    def unreadable_number(self, column: str) -> str | None:
        """True for a filled cell that is not a finite number; None when no cell can be."""
        if not self.has(column):
            return None
        if self.source.is_numeric(column):
            facts = self.source.facts.get(column)
            if (facts and facts.finite) or self._integer(column):
                return None
            return self.dialect.not_finite.format(column)
        return (
            f"({column} IS NOT NULL AND trim({column}) <> '' "
            f"AND {self.dialect.try_double.format(f'trim({column})')} IS NULL)"
        )

    def out_of_range(self, column: str) -> str | None:
        """True for a number that reads but breaks the rule of cnvh.stats.numbers: NaN,
        infinity, 1e308. None when no cell can, by the file's statistics. (NaN compares
        above every number, in DuckDB and PostgreSQL alike, so `abs(x) < bound` is false
        for it.)"""
        if not self.has(column):
            return None
        if self.source.is_numeric(column):
            if self._proven_in_range(column):
                return None
            size = f"abs({self.number(column)}) >= {LARGEST:.0f}"
            if self._integer(column):
                return size
            # NaN and infinity in a typed column are unreadable_number's.
            return f"(NOT {self.dialect.not_finite.format(column)} AND {size})"
        else:
            number = self.dialect.try_double.format(f"trim({column})")
        return f"({number} IS NOT NULL AND NOT coalesce(abs({number}) < {LARGEST:.0f}, false))"

    def _proven_in_range(self, column: str) -> bool:
        facts = self.source.facts.get(column)
        if not (facts and facts.finite):
            return False
        low, high = facts.min_number, facts.max_number
        return low is not None and high is not None and low > -LARGEST and high < LARGEST

    def below(self, column: str, bound: float, inclusive: bool) -> str | None:
        """True where the number is below `bound` (or at it, if inclusive); None when the
        file's statistics prove no value is."""
        if not self.has(column):
            return None
        facts = self.source.facts.get(column)
        if facts and facts.min_number is not None and facts.finite:
            low = facts.min_number
            if low > bound or (low == bound and not inclusive):
                return None
        return f"{self.number(column)} {'<=' if inclusive else '<'} {bound}"

    def always_present(self, column: str) -> bool:
        """Every row has a finite number in the column, by the file's statistics."""
        facts = self.source.facts.get(column)
        return bool(facts and facts.never_null and (facts.finite or self._integer(column)))

    def _integer(self, column: str) -> bool:
        return self.source.columns[column].upper() in {"TINYINT", "SMALLINT", "INTEGER", "BIGINT"}

    def year(self) -> str:
        facts = self.source.facts.get("year")
        proven = facts and facts.at_least(MIN_YEAR) and facts.at_most(MAX_YEAR)
        if proven and facts and facts.never_null and self._integer("year"):
            return "year"
        raw = self.dialect.try_integer.format(
            "year" if self.source.is_numeric("year") else "trim(year)"
        )
        return f"(CASE WHEN {raw} BETWEEN {MIN_YEAR} AND {MAX_YEAR} THEN {raw} END)"

    def bad_year(self) -> str | None:
        year = self.year()
        return None if year == "year" else f"{year} IS NULL"

    def text(self, column: str) -> str:
        if not self.has(column):
            return "CAST(NULL AS VARCHAR)"
        kind = self.source.columns[column].upper()
        if self._typed_text(column):
            # Typed files are written by programs, not typed by hand: trimming or even
            # comparing ten million ids would cost a third of the pass over the data.
            return column
        if kind.startswith(("DOUBLE", "FLOAT", "DECIMAL")):
            # A code typed as a number: 5911.0 means "5911", 59.11 means "59.11".
            return (
                f"CASE WHEN {column} = floor({column}) THEN CAST(CAST({column} AS BIGINT) "
                f"AS VARCHAR) ELSE CAST({column} AS VARCHAR) END"
            )
        return f"NULLIF(trim(CAST({column} AS VARCHAR)), '')"

    def _typed_text(self, column: str) -> bool:
        kind = self.source.columns[column].upper()
        return kind == "VARCHAR" and self.source.file_format == "parquet"

    def blank(self, column: str) -> str | None:
        """True where the column has no value; None when no row can lack one."""
        if self.has(column) and self._typed_text(column):
            facts = self.source.facts.get(column)
            if facts and facts.never_blank:
                return None
            return f"({column} IS NULL OR {column} = '')"
        return f"{self.text(column)} IS NULL"

    def weight(self) -> str:
        return f"coalesce({self.number('weight')}, 1.0)"
