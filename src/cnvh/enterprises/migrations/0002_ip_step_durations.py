"""The legal durations of the IP office's steps, as rows a coordinator can edit and end
when the law changes (Law on Intellectual Property 50/2005/QH11, as amended in 2022)."""

from datetime import date
from typing import Any

from django.db import migrations

LAW = "Luật Sở hữu trí tuệ 50/2005/QH11 (sửa đổi 2022), Điều 119"
# kind, step, months, unconfirmed
ROWS = [
    ("trademark", "formality", 1, False),
    ("trademark", "publication", 2, False),
    ("trademark", "examination", 9, False),
    ("trademark", "validity", 120, False),
    ("design", "formality", 1, False),
    ("design", "publication", 2, False),
    ("design", "examination", 7, True),
    ("design", "validity", 60, False),
    ("gi_use", "formality", 1, True),
    ("gi_use", "publication", 2, True),
    ("gi_use", "examination", 6, False),
]


def add_rows(apps: Any, schema_editor: Any) -> None:
    duration = apps.get_model("enterprises", "IPStepDuration")
    for kind, step, months, unconfirmed in ROWS:
        duration.objects.get_or_create(
            kind=kind,
            step=step,
            valid_from=date(2006, 7, 1),
            defaults={"months": months, "legal_basis": LAW, "unconfirmed": unconfirmed},
        )


class Migration(migrations.Migration):
    dependencies = [("enterprises", "0001_initial")]
    operations = [migrations.RunPython(add_rows, migrations.RunPython.noop)]
