"""The clearance rules that need no agency named: the venue's ward gives its view on
every event, the heritage site's manager on every event held at one. Rules naming an
agency (police, fire, transport, culture) are added where those agencies are kept."""

from typing import Any

from django.db import migrations

RULES = [
    {
        "name_vi": "Ý kiến của UBND phường, xã nơi tổ chức",
        "name_en": "View of the ward or commune where the event is held",
        "reviewer": "venue_ward",
        "heritage_sites_only": False,
    },
    {
        "name_vi": "Ý kiến của đơn vị quản lý di tích",
        "name_en": "View of the heritage site's manager",
        "reviewer": "heritage_manager",
        "heritage_sites_only": True,
    },
]


def ship(apps: Any, schema_editor: Any) -> None:
    rule = apps.get_model("events", "ClearanceRule")
    for fields in RULES:
        rule.objects.create(valid_from="2018-10-15", **fields)


def unship(apps: Any, schema_editor: Any) -> None:
    apps.get_model("events", "ClearanceRule").objects.filter(agency__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]
    operations = [migrations.RunPython(ship, unship)]
