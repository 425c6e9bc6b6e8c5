from django.urls import path

from cnvh.web.views import (
    agencies,
    boundaries,
    estimates,
    indicators,
    overview,
    provenance,
    publishing,
    road,
)

urlpatterns = [
    path("", overview.overview, name="web-overview"),
    path("road/", road.road_page, name="web-road"),
    path("estimates/", estimates.estimate_list, name="web-estimates"),
    path("estimates/<int:pk>/", estimates.estimate_detail, name="web-estimate"),
    path(
        "estimates/<int:pk>/provenance.json",
        provenance.provenance_json,
        name="web-estimate-provenance-json",
    ),
    path("estimates/<int:pk>/publish/", publishing.review, name="web-estimate-publish"),
    path("estimates/<int:pk>/unpublish/", publishing.unpublish, name="web-estimate-unpublish"),
    path("estimates/<int:pk>/restore/", publishing.restore, name="web-estimate-restore"),
    path("indicators/", indicators.indicator_list, name="web-indicators"),
    path("indicators/<slug:code>/", indicators.indicator_detail, name="web-indicator"),
    path("agencies/", agencies.agency_list, name="web-agencies"),
    path("agencies/<slug:code>/", agencies.agency_detail, name="web-agency"),
    path("boundaries/", boundaries.upload, name="web-boundaries"),
    path("boundaries/wards.geojson", boundaries.geojson, name="web-boundaries-geojson"),
]
