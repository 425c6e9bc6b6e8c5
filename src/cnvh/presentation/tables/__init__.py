"""Tables as files: the rows a page shows, as CSV or XLSX.

A table is built once (`Table`, by the functions the page itself uses) and written
in either format by `table_response`, so both files hold the same rows and the same
numbers at full precision, and both neutralise text a spreadsheet would run.
"""

from cnvh.presentation.tables.respond import table_response
from cnvh.presentation.tables.table import Column, Table, columns

__all__ = ["Column", "Table", "columns", "table_response"]
