from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnescoConfig(AppConfig):
    name = "cnvh.unesco"
    label = "unesco"
    verbose_name = _("UNESCO City of Design, training and dissemination")

    def ready(self) -> None:
        # Registers the registry's permission rules, its import kind of activities, and
        # its counts as plan measures.
        from cnvh.exchange import registry
        from cnvh.plan import registry_measures
        from cnvh.unesco import permissions  # noqa: F401
        from cnvh.unesco.imports import OutreachKind
        from cnvh.unesco.measures import MEASURES

        registry.register([OutreachKind()])
        registry_measures.register(*MEASURES)
