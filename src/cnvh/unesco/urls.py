"""The UNESCO registry's pages: a login, then each checks its permission."""

from django.urls import path

from cnvh.unesco.views import outreach, records, reports, sections

urlpatterns = [
    path("unesco/", records.overview, name="unesco-overview"),
    path("unesco/commitments/", records.commitment_list, name="unesco-commitments"),
    path("unesco/commitments/new/", records.commitment_edit, name="unesco-commitment-new"),
    path("unesco/commitments/<int:pk>/", records.commitment_detail, name="unesco-commitment"),
    path(
        "unesco/commitments/<int:pk>/edit/",
        records.commitment_edit,
        name="unesco-commitment-edit",
    ),
    path(
        "unesco/commitments/<int:commitment>/activities/new/",
        records.activity_edit,
        name="unesco-activity-new",
    ),
    path(
        "unesco/activities/download/", records.activity_download, name="unesco-activities-download"
    ),
    path("unesco/activities/<int:pk>/edit/", records.activity_edit, name="unesco-activity-edit"),
    path("unesco/network/", records.network, name="unesco-network"),
    path("unesco/network/new/", records.participation_edit, name="unesco-participation-new"),
    path(
        "unesco/network/<int:pk>/edit/",
        records.participation_edit,
        name="unesco-participation-edit",
    ),
    path("unesco/outreach/", outreach.outreach_list, name="unesco-outreach"),
    path("unesco/outreach/new/", outreach.outreach_edit, name="unesco-outreach-new"),
    path("unesco/outreach/<int:pk>/", outreach.outreach_detail, name="unesco-outreach-detail"),
    path("unesco/outreach/<int:pk>/edit/", outreach.outreach_edit, name="unesco-outreach-edit"),
    path("unesco/reports/", reports.report_list, name="unesco-reports"),
    path("unesco/reports/<int:pk>/", reports.report_detail, name="unesco-report"),
    path(
        "unesco/reports/<int:pk>/sections/<int:section>/",
        reports.section_edit,
        name="unesco-report-section",
    ),
    path("unesco/reports/<int:pk>/submit/", reports.report_submit, name="unesco-report-submit"),
    path("unesco/reports/<int:pk>/return/", reports.report_return, name="unesco-report-return"),
    path("unesco/reports/<int:pk>/approve/", reports.report_approve, name="unesco-report-approve"),
    path(
        "unesco/reports/<int:pk>/download/", reports.report_download, name="unesco-report-download"
    ),
    path("unesco/sections/", sections.section_list, name="unesco-sections"),
    path("unesco/sections/new/", sections.section_edit, name="unesco-section-new"),
    path("unesco/sections/<int:pk>/edit/", sections.section_edit, name="unesco-section-edit"),
]
