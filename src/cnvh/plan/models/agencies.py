"""Agencies: the bodies that lead, coordinate and report on the plan.

Administrative units change (the district level ended on 2025-07-01), so an
agency has the dates it existed; a former district stays, with its history,
for the reports it made.
"""

from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cnvh.estimates.models import in_language


class Agency(models.Model):
    class Kind(models.TextChoices):
        CITY_COMMITTEE = "city", _("City People's Committee")
        DEPARTMENT = "department", _("Department")
        WARD = "ward", _("Ward")
        COMMUNE = "commune", _("Commune")
        DISTRICT = "district", _("District (until 2025-06-30)")
        OTHER = "other", _("Other body")

    code = models.SlugField(_("code"), max_length=32, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    short_name = models.CharField(_("short name"), max_length=64, blank=True)
    # GSO code of the administrative unit the agency governs (wards, districts).
    unit_code = models.CharField(_("administrative unit code"), max_length=8, blank=True)
    parent = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent"),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["kind", "name_vi"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_language(self.name_vi, self.name_en)

    @property
    def label(self) -> str:
        return self.short_name or self.name

    def exists_on(self, day: date) -> bool:
        starts = self.valid_from is None or self.valid_from <= day
        ends = self.valid_to is None or day <= self.valid_to
        return starts and ends

    @property
    def is_current(self) -> bool:
        return self.exists_on(date.today())
