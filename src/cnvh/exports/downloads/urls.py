from django.urls import path, register_converter

from cnvh.exports.downloads import views


class TableFormat:
    """The file formats a table downloads as, in its address: report.csv, report.xlsx."""

    regex = "csv|xlsx"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(TableFormat, "table_format")

urlpatterns = [
    path("exports/", views.downloads, name="exports-tables"),
    path(
        "exports/estimates/<int:pk>.<table_format:file_format>",
        views.estimate_file,
        name="exports-estimate",
    ),
    path(
        "exports/indicators.<table_format:file_format>",
        views.indicators_file,
        name="exports-indicators",
    ),
    path("exports/reports.<table_format:file_format>", views.reports_file, name="exports-reports"),
    path(
        "exports/report-values.<table_format:file_format>",
        views.report_values_file,
        name="exports-report-values",
    ),
]
