"""The Membership Monitoring Report: its sections are rows a coordinator edits (the
Network's structure may change), and each report keeps the coordinator's text per
section beside the figures drawn from the records."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cnvh.estimates.models import in_language


class ReportSection(models.Model):
    """A section of the report, in the Network's order."""

    class Content(models.TextChoices):
        """What the draft fills the section with from the records."""

        GENERAL = "general", _("General information and plan indicators")
        NETWORK = "network", _("Participation in the Network")
        LOCAL = "local", _("Local commitments and their activities")
        INTER_CITY = "inter_city", _("Inter-city activities")
        ACTION_PLAN = "action_plan", _("Commitments going on, with their budget")
        TEXT_ONLY = "text_only", _("The coordinator's text only")

    code = models.SlugField(_("code"), max_length=32, unique=True)
    number = models.PositiveSmallIntegerField(_("order"))
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=255)
    title_en = models.CharField(_("title (English)"), max_length=255)
    content = models.CharField(_("filled with"), max_length=16, choices=Content.choices)
    guidance_vi = models.TextField(_("guidance (Vietnamese)"), blank=True)
    guidance_en = models.TextField(_("guidance (English)"), blank=True)
    in_use = models.BooleanField(_("in use"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("report section")
        verbose_name_plural = _("report sections")
        ordering = ["number", "code"]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def title(self) -> str:
        return in_language(self.title_vi, self.title_en)

    @property
    def guidance(self) -> str:
        return in_language(self.guidance_vi, self.guidance_en)


class MonitoringReport(models.Model):
    """The report of a four-year period, from draft to approval."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned")
        APPROVED = "approved", _("Approved")

    first_year = models.PositiveSmallIntegerField(_("first year"))
    last_year = models.PositiveSmallIntegerField(_("last year"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    return_reason = models.TextField(_("reason for return"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership monitoring report")
        verbose_name_plural = _("membership monitoring reports")
        ordering = ["-first_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["first_year", "last_year"], name="monitoring_one_per_period"
            ),
            models.CheckConstraint(
                condition=Q(last_year__gte=models.F("first_year")),
                name="monitoring_years_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_year}–{self.last_year}"

    @property
    def editable(self) -> bool:
        return self.status in {self.Status.DRAFT, self.Status.RETURNED}


class SectionText(models.Model):
    """The coordinator's text of one section of one report, in both languages."""

    report = models.ForeignKey(
        MonitoringReport, models.CASCADE, related_name="texts", verbose_name=_("report")
    )
    section = models.ForeignKey(
        ReportSection, models.PROTECT, related_name="texts", verbose_name=_("section")
    )
    text_vi = models.TextField(_("text (Vietnamese)"), blank=True)
    text_en = models.TextField(_("text (English)"), blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("edited by")
    )
    edited_at = models.DateTimeField(_("edited"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("section text")
        verbose_name_plural = _("section texts")
        constraints = [
            models.UniqueConstraint(fields=["report", "section"], name="section_text_unique")
        ]

    def __str__(self) -> str:
        return f"{self.report} {self.section.code}"

    def text(self, language: str) -> str:
        return self.text_en if language == "en" else self.text_vi
