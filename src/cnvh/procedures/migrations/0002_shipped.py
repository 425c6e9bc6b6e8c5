"""The shipped legal procedures and the announced day swaps for 2024–2026."""

from datetime import date
from typing import Any

from django.db import migrations

from cnvh.procedures.shipped import ADJUSTMENTS, DOCUMENTS, PROCEDURES


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def ship(apps: Any, schema_editor: Any) -> None:
    document_model = apps.get_model("plan", "LegalDocument")
    procedure_model = apps.get_model("procedures", "LegalProcedure")
    adjustment_model = apps.get_model("procedures", "CalendarAdjustment")
    documents = {}
    for fields in DOCUMENTS:
        values = {**fields, "issued_on": _day(fields["issued_on"])}
        number = values.pop("number")
        documents[number], _ = document_model.objects.get_or_create(number=number, defaults=values)
    for fields in PROCEDURES:
        values = {
            **fields,
            "valid_from": _day(fields["valid_from"]),
            "valid_to": _day(fields["valid_to"]),
        }
        values["legal_document"] = documents[values.pop("document")]
        procedure_model.objects.update_or_create(
            code=values.pop("code"), valid_from=values.pop("valid_from"), defaults=values
        )
    for day, kind, reason_vi, reason_en, basis, unconfirmed in ADJUSTMENTS:
        adjustment_model.objects.update_or_create(
            date=_day(day),
            defaults={
                "kind": kind,
                "reason_vi": reason_vi,
                "reason_en": reason_en,
                "legal_basis": basis,
                "unconfirmed": unconfirmed,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("procedures", "0001_initial"), ("plan", "0005_imported_values")]

    operations = [migrations.RunPython(ship, migrations.RunPython.noop)]
