from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnterprisesConfig(AppConfig):
    name = "cnvh.enterprises"
    label = "enterprises"
    verbose_name = _("Enterprises and support")

    def ready(self) -> None:
        # Registers the permission rules, and the import kinds of the register and of the
        # investment projects.
        from cnvh.enterprises import permissions  # noqa: F401
        from cnvh.enterprises.imports import EnterpriseKind
        from cnvh.enterprises.investment.imports import ProjectImportKind
        from cnvh.exchange import registry

        registry.register([EnterpriseKind(), ProjectImportKind()])

        # Their support counts as plan measures.
        from cnvh.enterprises.measures import MEASURES
        from cnvh.plan import registry_measures

        registry_measures.register(*MEASURES)
