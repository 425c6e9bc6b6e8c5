"""Reading files into typed rows: no Django here (see table.py)."""

from .limits import Limits
from .problems import ProblemLog
from .table import ColumnReport, Reading, read_file

__all__ = ["ColumnReport", "Limits", "ProblemLog", "Reading", "read_file"]
