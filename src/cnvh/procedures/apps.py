from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    name = "cnvh.procedures"
    label = "procedures"
    verbose_name = _("Procedures and working days")

    def ready(self) -> None:
        # Registers the procedures' permission rules, and forgets the working calendar
        # whenever a day swap is saved or deleted.
        from cnvh.procedures import deadlines, permissions  # noqa: F401

        deadlines.connect_invalidation()
