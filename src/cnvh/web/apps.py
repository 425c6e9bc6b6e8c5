from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "cnvh.web"
    verbose_name = _("Web pages")

    def ready(self) -> None:
        # The public pages' cache is renewed when what they show is saved.
        from cnvh.web import page_cache

        page_cache.connect()
