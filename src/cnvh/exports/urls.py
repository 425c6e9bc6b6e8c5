from django.urls import URLPattern, URLResolver, include, path

urlpatterns: list[URLPattern | URLResolver] = [
    # The plan's periodic report: the page, XLSX and PDF.
    path("", include("cnvh.exports.periodic.urls")),
]
