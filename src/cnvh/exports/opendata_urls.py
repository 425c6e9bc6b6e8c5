from django.urls import path, register_converter

from cnvh.exports import opendata_views


class OpenDataFormat:
    """The formats of the open data files, in their address: indicators.csv, .json."""

    regex = "csv|json"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(OpenDataFormat, "open_data_format")

# Stable addresses: published in the catalogue and linked to from elsewhere.
urlpatterns = [
    path("open-data/", opendata_views.page, name="open-data"),
    path("open-data/catalog.jsonld", opendata_views.catalogue, name="open-data-catalogue"),
    path(
        "open-data/estimates.<open_data_format:file_format>",
        opendata_views.estimates,
        name="open-data-estimates",
    ),
    path(
        "open-data/indicators.<open_data_format:file_format>",
        opendata_views.indicators,
        name="open-data-indicators",
    ),
]
