"""The record of every import: who, when, which file, what was understood and the result.

Data saved by an import points back to its record, so any imported figure can be traced
to the file (by checksum) and the person who brought it in.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRecord(models.Model):
    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Uploaded")
        CHECKING = "checking", _("Checking")
        CHECKED = "checked", _("Checked, waiting for confirmation")
        INVALID = "invalid", _("Has problems, nothing saved")
        SAVING = "saving", _("Saving")
        IMPORTED = "imported", _("Imported")
        FAILED = "failed", _("Failed, nothing saved")

    kind = models.CharField(_("kind"), max_length=32)
    file = models.FileField(_("file"), upload_to="imports/%Y/%m/", max_length=255)
    file_name = models.CharField(_("file name"), max_length=255)
    file_size = models.BigIntegerField(_("file size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    sheet = models.CharField(_("sheet"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.UPLOADED
    )
    # How each column was understood: header as written, canonical name, type, examples.
    columns = models.JSONField(_("columns understood"), default=list, blank=True)
    problems = models.JSONField(_("problems"), default=list, blank=True)
    rows_read = models.PositiveIntegerField(_("rows read"), default=0)
    rows_saved = models.PositiveIntegerField(_("rows saved"), default=0)
    progress = models.FloatField(_("progress"), default=0.0)  # 0..1
    stage = models.CharField(_("stage"), max_length=64, blank=True)
    task_id = models.CharField(_("background task"), max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("imported by"),
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.file_name} ({self.status})"
