"""SQL expressions that read a source's columns the same way everywhere.

Spreadsheets and CSV files arrive as text; Parquet files arrive typed. The
expressions here turn either into numbers, years and codes, and say which cells
could not be read, so the main query and the checks agree on what a cell means.
"""

from .sources import Source

MIN_YEAR, MAX_YEAR = 1900, 2200


class Columns:
    def __init__(self, source: Source) -> None:
        self.source = source

    def has(self, column: str) -> bool:
        return self.source.has(column)

    def number(self, column: str) -> str:
        if not self.has(column):
            return "CAST(NULL AS DOUBLE)"
        if self.source.is_numeric(column):
            return f"CAST({column} AS DOUBLE)"
        return f"TRY_CAST(trim({column}) AS DOUBLE)"

    def unreadable_number(self, column: str) -> str | None:
        """True for a filled cell that is not a number; None when the column is typed."""
        if not self.has(column) or self.source.is_numeric(column):
            return None
        return (
            f"({column} IS NOT NULL AND trim({column}) <> '' "
            f"AND TRY_CAST(trim({column}) AS DOUBLE) IS NULL)"
        )

    def year(self) -> str:
        if self.source.is_numeric("year"):
            raw = "TRY_CAST(year AS INTEGER)"
        else:
            raw = "TRY_CAST(trim(year) AS INTEGER)"
        return f"(CASE WHEN {raw} BETWEEN {MIN_YEAR} AND {MAX_YEAR} THEN {raw} END)"

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

    def blank(self, column: str) -> str:
        """True where the column has no value."""
        if self.has(column) and self._typed_text(column):
            return f"({column} IS NULL OR {column} = '')"
        return f"{self.text(column)} IS NULL"

    def weight(self) -> str:
        return f"coalesce({self.number('weight')}, 1.0)"
