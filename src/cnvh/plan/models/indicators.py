"""Indicators and their targets.

An indicator's values come from one place, stated on the indicator: a stored
estimate of the engine (a measure of one scope, optionally one sector), a measure a
registry registers (`cnvh.plan.registry_measures`), the numbers in approved progress
reports, or a statistical table published by others and imported (`ImportedValue`).
Values are never typed into the indicator itself, so every value can be traced to its
source.
"""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cnvh.estimates.models import in_language
from cnvh.plan import registry_measures
from cnvh.plan.models.plans import LegalDocument


class Indicator(models.Model):
    class Source(models.TextChoices):
        ESTIMATE = "estimate", _("Estimate of the statistics engine")
        REGISTRY = "registry", _("Count in a registry")
        REPORTS = "reports", _("Values in approved progress reports")
        IMPORTED = "imported", _("Values from an imported statistical table")

    class Measure(models.TextChoices):
        SHARE = "share", _("Share of GRDP")
        VALUE_ADDED = "value_added", _("Value added")
        EMPLOYMENT = "employment", _("Employment")
        EMPLOYMENT_SHARE = "employment_share", _("Share of employment")
        ESTABLISHMENTS = "establishments", _("Establishments")

    class Aggregation(models.TextChoices):
        SUM = "sum", _("Sum over the year's reports")
        LATEST = "latest", _("Latest report of the year")
        CUMULATIVE = "cumulative", _("Running total of all reports to the year's end")

    class Direction(models.TextChoices):
        INCREASE = "increase", _("Higher is better")
        DECREASE = "decrease", _("Lower is better")

    code = models.SlugField(_("code"), max_length=32, unique=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    definition_vi = models.TextField(_("definition (Vietnamese)"), blank=True)
    definition_en = models.TextField(_("definition (English)"), blank=True)
    unit = models.CharField(_("unit"), max_length=32)
    source = models.CharField(_("source"), max_length=16, choices=Source.choices)
    scope_key = models.CharField(_("scope"), max_length=64, blank=True)
    measure = models.CharField(_("measure"), max_length=24, choices=Measure.choices, blank=True)
    sector = models.CharField(_("sector"), max_length=64, blank=True)
    # The key of a measure a registry registers (`cnvh.plan.registry_measures`).
    registry = models.CharField(
        _("registry"),
        max_length=registry_measures.KEY_LENGTH,
        choices=registry_measures.choices,
        blank=True,
    )
    aggregation = models.CharField(
        _("aggregation"), max_length=12, choices=Aggregation.choices, default=Aggregation.SUM
    )
    disaggregations = models.JSONField(_("disaggregations"), default=list, blank=True)
    direction = models.CharField(
        _("direction"), max_length=8, choices=Direction.choices, default=Direction.INCREASE
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    # Empty: the baseline is the indicator's own value in the baseline year.
    baseline_value = models.DecimalField(
        _("baseline value"), max_digits=20, decimal_places=6, null=True, blank=True
    )
    published = models.BooleanField(_("published"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def name(self) -> str:
        return in_language(self.name_vi, self.name_en)

    @property
    def definition(self) -> str:
        return in_language(self.definition_vi, self.definition_en)


class Target(models.Model):
    indicator = models.ForeignKey(
        Indicator, models.CASCADE, related_name="targets", verbose_name=_("indicator")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=6)
    document = models.ForeignKey(
        LegalDocument, models.PROTECT, null=True, blank=True, verbose_name=_("set by")
    )
    note_vi = models.CharField(_("note (Vietnamese)"), max_length=500, blank=True)
    note_en = models.CharField(_("note (English)"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="target_unique_year")
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.year}: {self.value}"

    @property
    def note(self) -> str:
        return in_language(self.note_vi, self.note_en)

    @property
    def decimal(self) -> Decimal:
        return Decimal(self.value)
