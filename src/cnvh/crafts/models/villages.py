"""Crafts, craft villages and artisans, and the recognition thresholds of Decree
52/2018/NĐ-CP kept as dated rows."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cnvh.estimates.models import in_language
from cnvh.plan.models import Agency

# The wards and communes a village or a producer may belong to.
LOCAL_UNITS = Q(kind__in=[Agency.Kind.WARD, Agency.Kind.COMMUNE])


class Craft(models.Model):
    code = models.SlugField(_("code"), max_length=64, unique=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    traditional = models.BooleanField(_("traditional craft"), default=False)
    years_present = models.PositiveSmallIntegerField(
        _("years present locally"), null=True, blank=True
    )
    recognition_number = models.CharField(
        _("recognising decision number"), max_length=64, blank=True
    )
    recognition_date = models.DateField(_("recognising decision date"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("craft")
        verbose_name_plural = _("crafts")
        ordering = ["name_vi"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_language(self.name_vi, self.name_en)


class RecognitionThreshold(models.Model):
    """One version of a recognition criterion's threshold: a village is judged by the
    version in force on the day asked about."""

    class Criterion(models.TextChoices):
        HOUSEHOLD_SHARE = "household_share", _("Share of households in the trade (%)")
        STABLE_YEARS = "stable_years", _("Consecutive years of stable production")
        TRADITION_YEARS = "tradition_years", _("Years a traditional craft has been present")

    criterion = models.CharField(_("criterion"), max_length=32, choices=Criterion.choices)
    minimum = models.DecimalField(_("minimum"), max_digits=8, decimal_places=2)
    legal_basis = models.CharField(_("legal basis"), max_length=255)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("recognition threshold")
        verbose_name_plural = _("recognition thresholds")
        ordering = ["criterion", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["criterion", "valid_from"], name="crafts_threshold_unique_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_criterion_display()} ≥ {self.minimum} ({self.valid_from:%d/%m/%Y})"

    def clean(self) -> None:
        if self.valid_from is None or not self.criterion:
            return  # the field's own error says what to fix
        if self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError(
                {"valid_to": _("The end of validity is before its start: check both dates.")}
            )
        others = RecognitionThreshold.objects.filter(criterion=self.criterion).exclude(pk=self.pk)
        if self.valid_to is not None:
            others = others.filter(valid_from__lte=self.valid_to)
        if others.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from)).exists():
            raise ValidationError(
                _("Another version of this threshold is in force during these dates: end it first.")
            )

    @classmethod
    def in_force(cls, on: date) -> dict[str, "RecognitionThreshold"]:
        rows = cls.objects.filter(valid_from__lte=on).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=on)
        )
        return {row.criterion: row for row in rows}


class CraftVillage(models.Model):
    name = models.CharField(_("name"), max_length=255)
    ward = models.ForeignKey(
        Agency,
        models.PROTECT,
        related_name="craft_villages",
        limit_choices_to=LOCAL_UNITS,
        verbose_name=_("ward or commune"),
    )
    craft = models.ForeignKey(
        Craft, models.PROTECT, related_name="villages", verbose_name=_("craft")
    )
    households_total = models.PositiveIntegerField(_("households"))
    households_in_trade = models.PositiveIntegerField(_("households in the trade"))
    workers = models.PositiveIntegerField(_("workers"), default=0)
    years_stable = models.PositiveSmallIntegerField(
        _("consecutive years of stable production"), default=0
    )
    environment_compliant = models.BooleanField(_("meets the environmental rules"), default=False)
    revenue = models.DecimalField(
        _("annual revenue (VND)"), max_digits=18, decimal_places=0, null=True, blank=True
    )
    recognition_number = models.CharField(
        _("recognition decision number"), max_length=64, blank=True
    )
    recognition_date = models.DateField(_("recognition decision date"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("craft village")
        verbose_name_plural = _("craft villages")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def recognised(self) -> bool:
        return bool(self.recognition_number and self.recognition_date)

    @property
    def traditional(self) -> bool:
        """A craft village with a recognised traditional craft."""
        return self.craft.traditional

    def clean(self) -> None:
        if (
            self.households_total is not None
            and self.households_in_trade is not None
            and self.households_in_trade > self.households_total
        ):
            raise ValidationError(
                {
                    "households_in_trade": _(
                        "More households in the trade than households in the village:"
                        " check both numbers."
                    )
                }
            )
        if bool(self.recognition_number) != bool(self.recognition_date):
            raise ValidationError(_("A recognition decision needs both its number and its date."))


class Artisan(models.Model):
    class Title(models.TextChoices):
        PEOPLES = "peoples", _("People's Artisan")
        MERITORIOUS = "meritorious", _("Meritorious Artisan")
        CITY = "city", _("Hanoi Artisan")
        SKILLED = "skilled", _("Skilled craftsperson")

    name = models.CharField(_("name"), max_length=255)
    craft = models.ForeignKey(
        Craft, models.PROTECT, related_name="artisans", verbose_name=_("craft")
    )
    village = models.ForeignKey(
        CraftVillage,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="artisans",
        verbose_name=_("craft village"),
    )
    title = models.CharField(_("title"), max_length=16, choices=Title.choices)
    recognised_year = models.PositiveSmallIntegerField(_("year recognised"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("artisan")
        verbose_name_plural = _("artisans")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
