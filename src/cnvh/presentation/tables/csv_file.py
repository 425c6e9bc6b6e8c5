"""Tables as CSV files a spreadsheet opens correctly.

- UTF-8 with a byte-order mark: Excel otherwise reads Vietnamese as mojibake.
- Figures at full precision, never rounded: the file is for further work, and the
  one rule that rounds figures for reading is `cnvh.presentation.formatting`.
- The unit is in the column header, so a column cannot lose it.
- Text cells that a spreadsheet would run as a formula (starting with = + - @, or a
  tab or carriage return that hides one) get a leading apostrophe. Numbers are left
  alone: a negative value is a number, not a formula.

The same tables download as XLSX too (`cnvh.presentation.tables`): `requested_format`
reads which, and `looks_like_formula` is the one rule both formats neutralise by.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.http import HttpRequest, HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
TABLE_FORMATS = ("csv", "xlsx")


def wants_csv(request: HttpRequest) -> bool:
    return request.GET.get("format") == "csv"


def requested_format(request: HttpRequest) -> str | None:
    """The format asked for when the page's table is wanted as a file: ?format=csv or xlsx."""
    chosen = request.GET.get("format")
    return chosen if chosen in TABLE_FORMATS else None


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def neutralised(value: object) -> str:
    """A text cell a spreadsheet will not run as a formula: a leading apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if looks_like_formula(text) else text


def cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)  # the shortest text that reads back as the same float
    if isinstance(value, int | Decimal):
        return str(value)
    return neutralised(value)


def csv_response(
    filename: str, header: Sequence[object], rows: Iterable[Sequence[object]]
) -> HttpResponse:
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([cell(name) for name in header])
    for row in rows:
        writer.writerow([cell(value) for value in row])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
