"""An imported value's source in words, for files that list values with their source."""

from django.utils.translation import gettext

from cnvh.plan.models import ImportedValue


def imported_source_text(value: ImportedValue) -> str:
    record = value.record
    return gettext("import #%(number)s: %(file)s, row %(row)s, SHA-256 %(sha256)s") % {
        "number": record.pk,
        "file": record.file_name,
        "row": value.row,
        "sha256": record.sha256,
    }
