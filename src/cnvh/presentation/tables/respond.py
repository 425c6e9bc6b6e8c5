"""A table as the HTTP response of a download."""

from django.http import HttpResponse

from cnvh.presentation.tables import xlsx
from cnvh.presentation.tables.csv_file import csv_response
from cnvh.presentation.tables.table import Table


def table_response(table: Table, file_format: str) -> HttpResponse:
    """`table` as "csv" or "xlsx"; any other format is a programming error."""
    if file_format == "csv":
        return csv_response(f"{table.name}.csv", table.header, table.rows)
    if file_format != "xlsx":
        raise ValueError(f"unknown table format {file_format!r}")
    response = HttpResponse(xlsx.workbook(table), content_type=xlsx.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{table.name}.xlsx"'
    return response
