from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "cnvh.ops"
    label = "ops"
    verbose_name = "Operations"
