"""Indicator values imported from statistical tables published by others.

An imported value is never edited: importing the same indicator, year and area again
adds a new value that replaces the old one, which stays with its import record, so a
figure shown today and one shown last year can both be traced to their files.
"""

from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cnvh.plan.models.indicators import Indicator


class ImportedValue(models.Model):
    indicator = models.ForeignKey(
        Indicator,
        models.PROTECT,
        related_name="imported_values",
        verbose_name=_("indicator"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    # GSO code of the administrative unit; empty for the whole city.
    area = models.CharField(_("area"), max_length=8, blank=True)
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=6)
    source = models.CharField(_("published in"), max_length=255, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    record = models.ForeignKey(
        "exchange.ImportRecord",
        models.PROTECT,
        related_name="+",
        verbose_name=_("import"),
    )
    row = models.PositiveIntegerField(_("row in the file"))
    current = models.BooleanField(_("current"), default=True)
    replaces = models.OneToOneField(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="replaced_by",
        verbose_name=_("replaces"),
    )

    class Meta:
        verbose_name = _("imported indicator value")
        verbose_name_plural = _("imported indicator values")
        ordering = ["indicator", "year", "area", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year", "area"],
                condition=Q(current=True),
                name="imported_value_one_current",
            )
        ]
        indexes = [models.Index(fields=["indicator", "current", "year"], name="imported_current")]

    def __str__(self) -> str:
        where = f" {self.area}" if self.area else ""
        return f"{self.indicator_id} {self.year}{where}: {self.value}"

    @property
    def decimal(self) -> Decimal:
        return Decimal(self.value)
