"""The periodic reports page and its downloads: GET only, for members."""

from django.urls import path

from cnvh.exports.periodic import views

urlpatterns = [
    path("exports/periodic/", views.periodic_reports, name="exports-periodic"),
    path("exports/periodic/report.xlsx", views.periodic_xlsx, name="exports-periodic-xlsx"),
    path("exports/periodic/report.pdf", views.periodic_pdf, name="exports-periodic-pdf"),
]
