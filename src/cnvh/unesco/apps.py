from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnescoConfig(AppConfig):
    name = "cnvh.unesco"
    label = "unesco"
    verbose_name = _("UNESCO City of Design, training and dissemination")

    def ready(self) -> None:
        # Registers the registry's permission rules, and its counts as plan measures.
        from cnvh.plan import registry_measures
        from cnvh.unesco import permissions  # noqa: F401
        from cnvh.unesco.measures import MEASURES

        registry_measures.register(*MEASURES)
