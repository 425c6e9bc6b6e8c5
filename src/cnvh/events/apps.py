from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "cnvh.events"
    label = "events"
    verbose_name = _("Cultural events")

    def ready(self) -> None:
        # Registers the events' permission rules, and the import kind of event files.
        from cnvh.events import permissions  # noqa: F401
        from cnvh.events.imports import EventKind
        from cnvh.exchange import registry

        registry.register([EventKind()])
