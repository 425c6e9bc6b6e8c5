from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanConfig(AppConfig):
    name = "cnvh.plan"
    label = "plan"
    verbose_name = _("Plan")

    def ready(self) -> None:
        # Registers the permission rules with `rules` (one place for every check).
        from cnvh.plan import permissions

        permissions.rules_decide_alone()

        # The plan's data files (agencies, tasks, indicator values) join the imports.
        from cnvh.exchange import registry
        from cnvh.plan.imports import PLAN_KINDS

        registry.register(PLAN_KINDS)

        # The plan's own counts, beside the registries' measures.
        from cnvh.plan import plan_measures, registry_measures

        registry_measures.register(*plan_measures.MEASURES)
