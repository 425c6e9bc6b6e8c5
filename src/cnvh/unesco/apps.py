from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnescoConfig(AppConfig):
    name = "cnvh.unesco"
    label = "unesco"
    verbose_name = _("UNESCO City of Design, training and dissemination")

    def ready(self) -> None:
        # Registers the registry's permission rules.
        from cnvh.unesco import permissions  # noqa: F401
