from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CraftsConfig(AppConfig):
    name = "cnvh.crafts"
    label = "crafts"
    verbose_name = _("Handicrafts, craft villages and OCOP")

    def ready(self) -> None:
        # Registers the registry's permission rules.
        from cnvh.crafts import permissions  # noqa: F401
