from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BrightSpotsConfig(AppConfig):
    name = "cnvh.brightspots"
    label = "brightspots"
    verbose_name = _("Models and bright spots")

    def ready(self) -> None:
        # Registers the registry's permission rules, its import kind of models, and its
        # counts as plan measures.
        from cnvh.brightspots import permissions  # noqa: F401
        from cnvh.brightspots.imports import ModelKind
        from cnvh.brightspots.measures import MEASURES
        from cnvh.exchange import registry
        from cnvh.plan import registry_measures

        registry.register([ModelKind()])
        registry_measures.register(*MEASURES)
