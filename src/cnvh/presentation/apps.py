from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PresentationConfig(AppConfig):
    name = "cnvh.presentation"
    verbose_name = _("Presentation")

    def ready(self) -> None:
        # The public pages' cache is renewed when what they show is saved.
        from cnvh.presentation import page_cache

        page_cache.connect()
