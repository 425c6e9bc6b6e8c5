from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [
    # Tables as CSV and XLSX; open data with its catalogue.
    path("", include("cnvh.exports.downloads.urls")),
    path("", include("cnvh.exports.opendata_urls")),
    # The plan's periodic report: the page, XLSX and PDF.
    path("", include("cnvh.exports.periodic.urls")),
]
