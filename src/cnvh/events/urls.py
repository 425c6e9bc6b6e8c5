"""The events register's pages: working pages behind a login, the calendar public."""

from django.urls import path

from cnvh.events.views import indicators, public, rules, work

urlpatterns = [
    path("events/", work.event_list, name="events-list"),
    path("events/new/", work.event_new, name="events-new"),
    path("events/indicators/", indicators.indicators_page, name="events-indicators"),
    path("events/rules/", rules.rule_list, name="events-rules"),
    path("events/rules/new/", rules.rule_edit, name="events-rule-new"),
    path("events/rules/<int:pk>/edit/", rules.rule_edit, name="events-rule-edit"),
    path("events/<int:pk>/", work.event_detail, name="events-detail"),
    path("events/<int:pk>/step/", work.event_step, name="events-step"),
    path("events/<int:pk>/incomplete/", work.event_incomplete, name="events-incomplete"),
    path("events/<int:pk>/decide/", work.event_decide, name="events-decide"),
    path("events/<int:pk>/report/", work.event_report, name="events-report"),
    path("events/views/<int:pk>/answer/", work.clearance_answer, name="events-answer"),
    path("calendar/", public.calendar, name="events-calendar"),
    path("calendar/events.ics", public.calendar_ics, name="events-ics"),
    path("calendar/<int:pk>/", public.public_event, name="events-public"),
]
