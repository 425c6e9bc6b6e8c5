"""The record of every import: who, when, which file, what was understood and the result.

Data saved by an import points back to its record, so any imported figure can be traced
to the file (by checksum) and the person who brought it in.
"""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ImportRecord(models.Model):
    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Uploaded")
        CHECKING = "checking", _("Checking")
        CHECKED = "checked", _("Checked, waiting for confirmation")
        INVALID = "invalid", _("Has problems, nothing saved")
        SAVING = "saving", _("Saving")
        IMPORTED = "imported", pgettext_lazy("import status", "Imported")
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
    # How the file was read (format, encoding, delimiter, sheet, header rows) and how
    # long each step took.
    details = models.JSONField(_("how the file was read"), default=dict, blank=True)
    # All problems found; `problems` lists the first of them.
    problem_count = models.PositiveIntegerField(_("problems found"), default=0)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.file_name} ({self.status})"

    @property
    def in_progress(self) -> bool:
        """Being read, checked or saved: the page follows it."""
        return self.status in {self.Status.UPLOADED, self.Status.CHECKING, self.Status.SAVING}


class Dataset(models.Model):
    """An engine input as imported: its canonical Parquet file (under MEDIA_ROOT),
    written once and never changed; a correction is a new import and a new dataset."""

    kind = models.CharField(_("kind"), max_length=32)
    import_record = models.OneToOneField(
        ImportRecord, models.PROTECT, related_name="dataset", verbose_name=_("import")
    )
    file = models.FileField(_("canonical file"), max_length=255)
    # "blake3:<hex>" (datasets imported before BLAKE3: "sha256:<hex>"), as the
    # estimates that read the file state it.
    checksum = models.CharField(_("checksum of the canonical file"), max_length=80)
    rows = models.PositiveIntegerField(_("rows"))
    years = models.JSONField(_("years"), default=list, blank=True)
    # The unit of its money figures, as the engine names it ("million VND"); empty
    # for inputs without money (scopes, crosswalks).
    unit = models.CharField(_("unit of money"), max_length=64, blank=True)
    columns = models.JSONField(_("columns"), default=dict, blank=True)  # name -> type
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("dataset")
        verbose_name_plural = _("datasets")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.kind} {self.import_record.file_name}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None and not self._state.adding:
            raise ValueError("a dataset is never changed: import a new one")
        super().save(*args, **kwargs)

    @property
    def path(self) -> Path:
        return Path(self.file.path)


class EstimateRun(models.Model):
    """An estimate started from datasets: what it was asked, how far it got, and the
    stored estimate it made."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting for a task worker")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        INVALID = "invalid", _("The data has problems; nothing computed")
        FAILED = "failed", _("Failed, nothing saved")

    scope_key = models.CharField(_("scope"), max_length=64, blank=True)
    scope_dataset = models.ForeignKey(
        Dataset,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("scope from a file"),
    )
    units = models.ForeignKey(
        Dataset,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unit-level data"),
    )
    aggregates = models.ForeignKey(
        Dataset,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("code-level aggregates"),
    )
    totals = models.ForeignKey(
        Dataset, models.PROTECT, related_name="+", verbose_name=_("economy totals")
    )
    area_crosswalk = models.ForeignKey(
        Dataset,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("area crosswalk"),
    )
    code_crosswalk = models.ForeignKey(
        Dataset,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("code crosswalk"),
    )
    by = models.JSONField(_("broken down by"), default=list)
    label = models.CharField(_("label"), max_length=255, blank=True)
    synthetic = models.BooleanField(_("synthetic data"), default=False)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.FloatField(_("progress"), default=0.0)
    stage = models.CharField(_("stage"), max_length=64, blank=True)
    problems = models.JSONField(_("problems"), default=list, blank=True)
    task_id = models.CharField(_("background task"), max_length=64, blank=True)
    # The process running it (host, pid), so that one that died can be told.
    process = models.JSONField(_("process"), default=dict, blank=True)
    estimate = models.ForeignKey(
        "estimates.Estimate",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("estimate"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("started by"),
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("estimate run")
        verbose_name_plural = _("estimate runs")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.scope_key or self.scope_dataset} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.INVALID, self.Status.FAILED}

    def datasets(self) -> dict[str, Dataset]:
        """Role -> dataset, for the roles this run was given."""
        roles = (
            "scope_dataset",
            "units",
            "aggregates",
            "totals",
            "area_crosswalk",
            "code_crosswalk",
        )
        found = {role: getattr(self, role) for role in roles}
        return {role: dataset for role, dataset in found.items() if dataset is not None}
