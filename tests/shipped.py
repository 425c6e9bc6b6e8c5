"""The rows the migrations ship (procedures, clearance rules, IP step durations, OCOP
schemes, the bright spots' rubric, the monitoring report's sections), put back after a
transactional test has emptied every table, as a fresh database has them."""

import importlib

from django.apps import apps

# The migration function that ships the rows, by the model that shows whether they are there.
SHIPPED = [
    ("procedures", "0002_shipped", "ship", "LegalProcedure"),
    ("events", "0002_shipped_rules", "ship", "ClearanceRule"),
    ("enterprises", "0002_ip_step_durations", "add_rows", "IPStepDuration"),
    ("crafts", "0002_shipped", "ship", "OcopScheme"),
    ("brightspots", "0002_shipped_rubric", "install", "Rubric"),
    ("unesco", "0002_sections", "add_sections", "ReportSection"),
]


def ship_missing_rows() -> None:
    for app, migration, function, model in SHIPPED:
        if not apps.get_model(app, model).objects.exists():
            module = importlib.import_module(f"cnvh.{app}.migrations.{migration}")
            getattr(module, function)(apps, None)
