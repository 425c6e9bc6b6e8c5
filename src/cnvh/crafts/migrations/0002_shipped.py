"""The shipped recognition thresholds and OCOP scoring scheme."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import migrations

from cnvh.crafts.shipped import BANDS, SCHEME, THRESHOLDS


def ship(apps: Any, schema_editor: Any) -> None:
    threshold_model = apps.get_model("crafts", "RecognitionThreshold")
    scheme_model = apps.get_model("crafts", "OcopScheme")
    band_model = apps.get_model("crafts", "OcopBand")
    for criterion, minimum, basis, valid_from in THRESHOLDS:
        threshold_model.objects.update_or_create(
            criterion=criterion,
            valid_from=date.fromisoformat(valid_from),
            defaults={"minimum": Decimal(minimum), "legal_basis": basis},
        )
    values = {**SCHEME, "valid_from": date.fromisoformat(str(SCHEME["valid_from"]))}
    scheme, _ = scheme_model.objects.update_or_create(
        legal_basis=values.pop("legal_basis"), valid_from=values.pop("valid_from"), defaults=values
    )
    for stars, points, certified, level, unconfirmed in BANDS:
        band_model.objects.update_or_create(
            scheme=scheme,
            stars=stars,
            defaults={
                "min_points": Decimal(points),
                "certified": certified,
                "deciding_level": level,
                "unconfirmed": unconfirmed,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("crafts", "0001_initial")]

    operations = [migrations.RunPython(ship, migrations.RunPython.noop)]
