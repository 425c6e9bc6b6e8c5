"""Reporting periods and progress reports.

A report moves draft → submitted → approved, or submitted → returned (with a
reason) → submitted again. Once approved it is locked: the model refuses to
save a change to it, whatever the caller.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cnvh.plan.models.agencies import Agency
from cnvh.plan.models.plans import Task


class ReportingPeriodQuerySet(models.QuerySet["ReportingPeriod"]):
    def past_due(self, today: date) -> "ReportingPeriodQuerySet":
        """The periods `is_past_due` on `today`, asked of the database."""
        return self.filter(due_on__lt=today)


class ReportingPeriod(models.Model):
    class Kind(models.TextChoices):
        QUARTER = "quarter", _("Quarter")
        HALF = "half", _("Half-year")
        YEAR = "year", _("Year")

    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveSmallIntegerField(_("number"), default=1)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    due_on = models.DateField(_("reports due on"))
    history = HistoricalRecords()

    objects = ReportingPeriodQuerySet.as_manager()

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["starts_on", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "year", "number"], name="period_unique")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        if self.kind == self.Kind.QUARTER:
            return _("Q%(number)s/%(year)s") % {"number": self.number, "year": self.year}
        if self.kind == self.Kind.HALF:
            return _("H%(number)s/%(year)s") % {"number": self.number, "year": self.year}
        return _("Year %(year)s") % {"year": self.year}

    def is_past_due(self, today: date) -> bool:
        """Its reports were due before `today`: one not yet submitted is late (the
        "overdue" of reminders and an officer's work), a task's own due date aside."""
        return self.due_on < today

    def overlaps(self, starts_on: date, ends_on: date) -> bool:
        return self.starts_on <= ends_on and starts_on <= self.ends_on


class ReportLockedError(Exception):
    """An approved report was about to be changed."""


class ProgressReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned")
        APPROVED = "approved", _("Approved")

    task = models.ForeignKey(Task, models.PROTECT, related_name="reports", verbose_name=_("task"))
    period = models.ForeignKey(
        ReportingPeriod, models.PROTECT, related_name="reports", verbose_name=_("period")
    )
    agency = models.ForeignKey(
        Agency, models.PROTECT, related_name="reports", verbose_name=_("reporting agency")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    task_status = models.CharField(
        _("task status"),
        max_length=16,
        choices=Task.Status.choices,
        default=Task.Status.IN_PROGRESS,
    )
    percent_done = models.PositiveSmallIntegerField(_("percent done"), default=0)
    narrative = models.TextField(_("narrative"), blank=True)
    return_reason = models.TextField(_("reason for return"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    first_submitted_at = models.DateTimeField(_("first submitted"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["-period__starts_on", "task__group__number", "task__code"]
        constraints = [
            models.UniqueConstraint(fields=["task", "period"], name="report_unique_task_period")
        ]
        # The approval queue: reports of one status, oldest submission first (a city
        # has ten thousand reports a few years in, a few hundred waiting).
        indexes = [models.Index(fields=["status", "submitted_at"], name="report_status_submitted")]

    def __str__(self) -> str:
        return f"{self.task.code} {self.period.label}"

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            stored = type(self).objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if stored == self.Status.APPROVED:
                raise ReportLockedError(str(self))
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def editable(self) -> bool:
        return self.status in {self.Status.DRAFT, self.Status.RETURNED}

    def on_time(self) -> bool | None:
        """Whether the first submission came by the period's due date (its end, local time)."""
        if self.first_submitted_at is None:
            return None
        return timezone.localdate(self.first_submitted_at) <= self.period.due_on


class ReportValue(models.Model):
    """A number a report gives for one of the task's indicators."""

    report = models.ForeignKey(
        ProgressReport, models.CASCADE, related_name="values", verbose_name=_("report")
    )
    indicator = models.ForeignKey(
        "plan.Indicator", models.PROTECT, related_name="report_values", verbose_name=_("indicator")
    )
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=4)
    note = models.CharField(_("note"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reported value")
        verbose_name_plural = _("reported values")
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="value_unique_indicator")
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} = {self.value}"


def evidence_path(instance: "Evidence", filename: str) -> str:
    # The stored name is ours, never the uploader's: no path tricks, no clashes.
    return f"evidence/{instance.report_id}/{instance.sha256[:16]}{instance.extension}"


class Evidence(models.Model):
    report = models.ForeignKey(
        ProgressReport, models.CASCADE, related_name="evidence", verbose_name=_("report")
    )
    file = models.FileField(_("file"), upload_to=evidence_path, max_length=255)
    original_name = models.CharField(_("original file name"), max_length=255)
    extension = models.CharField(_("extension"), max_length=8)
    size = models.PositiveIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["uploaded_at"]

    def __str__(self) -> str:
        return self.original_name
