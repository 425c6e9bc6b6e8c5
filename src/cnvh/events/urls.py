"""The events register's pages: working pages behind a login, the calendar public."""

from django.urls import path

from cnvh.events.views import clashes, indicators, public, rules, venues, work

urlpatterns = [
    path("events/", work.event_list, name="events-list"),
    path("events/new/", work.event_new, name="events-new"),
    path("events/indicators/", indicators.indicators_page, name="events-indicators"),
    path("events/rules/", rules.rule_list, name="events-rules"),
    path("events/rules/new/", rules.rule_edit, name="events-rule-new"),
    path("events/rules/<int:pk>/edit/", rules.rule_edit, name="events-rule-edit"),
    path("events/venues/", venues.venue_list, name="events-venues"),
    path("events/venues/new/", venues.venue_edit, name="events-venue-new"),
    path("events/venues/<int:pk>/", venues.venue_detail, name="events-venue"),
    path("events/venues/<int:pk>/edit/", venues.venue_edit, name="events-venue-edit"),
    path("events/views/", clashes.clearance_queue, name="events-queue"),
    path("events/clashes/<int:pk>/resolve/", clashes.clash_resolve, name="events-clash-resolve"),
    path("events/<int:pk>/", work.event_detail, name="events-detail"),
    path("events/<int:pk>/step/", work.event_step, name="events-step"),
    path("events/<int:pk>/incomplete/", work.event_incomplete, name="events-incomplete"),
    path("events/<int:pk>/call-off/", work.event_call_off, name="events-call-off"),
    path("events/<int:pk>/move/", clashes.event_move, name="events-move"),
    path("events/<int:pk>/decide/", work.event_decide, name="events-decide"),
    path("events/<int:pk>/report/", work.event_report, name="events-report"),
    path("events/views/<int:pk>/answer/", work.clearance_answer, name="events-answer"),
    path("calendar/", public.calendar, name="events-calendar"),
    path("calendar/week/", public.calendar_week, name="events-calendar-week"),
    path("calendar/map/", public.calendar_map, name="events-calendar-map"),
    path("calendar/events.ics", public.calendar_ics, name="events-ics"),
    path("calendar/wards/<slug:code>.ics", public.ward_ics, name="events-ward-ics"),
    path("calendar/sectors/<slug:key>.ics", public.sector_ics, name="events-sector-ics"),
    path("calendar/<int:pk>/", public.public_event, name="events-public"),
]
