from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CraftsConfig(AppConfig):
    name = "cnvh.crafts"
    label = "crafts"
    verbose_name = _("Handicrafts, craft villages and OCOP")

    def ready(self) -> None:
        # Registers the registry's permission rules, and its counts as plan measures.
        from cnvh.crafts import permissions  # noqa: F401
        from cnvh.crafts.measures import MEASURES
        from cnvh.plan import registry_measures

        registry_measures.register(*MEASURES)
