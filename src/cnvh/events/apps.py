from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "cnvh.events"
    label = "events"
    verbose_name = _("Cultural events")

    def ready(self) -> None:
        # Registers the events' permission rules, the import kind of event files, and
        # their counts as plan measures.
        from cnvh.events import permissions  # noqa: F401
        from cnvh.events.imports import EventKind
        from cnvh.events.measures import MEASURES
        from cnvh.exchange import registry
        from cnvh.plan import registry_measures

        registry.register([EventKind()])
        registry_measures.register(*MEASURES)
