"""Dates as people and spreadsheets write them: dd/mm/yyyy (always day first, as in
Vietnam), yyyy-mm-dd, and Excel's serial numbers (days since 1899-12-30)."""

import datetime
import re
from decimal import Decimal

_DAY_FIRST = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_TIME = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")
EXCEL_EPOCH = datetime.date(1899, 12, 30)
# Serial numbers accepted: 1954-10-05 to 2119-01-08. A bare 2024 in a date column is
# a year typed in the wrong place, not the 16th of July 1905.
SERIALS = range(20_000, 80_000)


def from_serial(serial: float | int | Decimal) -> datetime.date | None:
    whole = int(serial)
    if whole not in SERIALS:
        return None
    return EXCEL_EPOCH + datetime.timedelta(days=whole)


def from_text(text: str) -> datetime.date | None:
    text = _TIME.sub("", text.strip())
    if match := _DAY_FIRST.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    elif text.isdigit() and len(text) == 5:
        return from_serial(int(text))
    else:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def from_cell(cell: object) -> datetime.date | None:
    """A spreadsheet cell or a Parquet value as a date; None when it is not one."""
    if isinstance(cell, datetime.datetime):
        return cell.date()
    if isinstance(cell, datetime.date):
        return cell
    if isinstance(cell, bool):
        return None
    if isinstance(cell, int | float | Decimal):
        return from_serial(cell)
    return from_text(str(cell))


def typed(text: str) -> datetime.date | None:
    """A date a person typed: dd/mm/yyyy (also with "-" or "."), or yyyy-mm-dd; never
    month first, and never a spreadsheet's serial number."""
    text = text.strip()
    if text.isdigit():
        return None
    return from_text(text)
