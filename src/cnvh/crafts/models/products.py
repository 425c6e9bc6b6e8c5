"""OCOP products, their producers (known by tax code) and the geographical
indications and collective marks they use."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from stdnum.exceptions import ValidationError as NumberError
from stdnum.vn import mst

from cnvh.crafts.models.villages import LOCAL_UNITS, Craft, CraftVillage
from cnvh.estimates.models import in_language
from cnvh.plan.models import Agency


class ProductGroup(models.TextChoices):
    """The six OCOP product groups (Decision 148/QĐ-TTg)."""

    FOOD = "food", _("Food")
    BEVERAGES = "beverages", _("Beverages")
    HERBAL = "herbal", _("Herbal products")
    TEXTILES = "textiles", _("Textiles and garments")
    HANDICRAFTS = "handicrafts", _("Souvenirs, furniture and decoration")
    TOURISM = "tourism", _("Community and rural tourism services")


class ProducerKind(models.TextChoices):
    ENTERPRISE = "enterprise", _("Enterprise")
    COOPERATIVE = "cooperative", _("Cooperative")
    HOUSEHOLD = "household", _("Household business")


def check_tax_code(value: str) -> None:
    """A tax code by the rule of `stdnum.vn.mst`: 10 digits with a check digit, or 13
    for a branch."""
    try:
        mst.validate(value)
    except NumberError as error:
        raise ValidationError(
            _(
                "“%(value)s” is not a valid tax code: write its 10 digits (13 for a branch,"
                " e.g. 0100109106-001) and check the last digit."
            ),
            code="tax_code",
            params={"value": value},
        ) from error


class Mark(models.Model):
    class Kind(models.TextChoices):
        GEOGRAPHICAL_INDICATION = "gi", _("Geographical indication")
        COLLECTIVE = "collective", _("Collective mark")
        CERTIFICATION = "certification", _("Certification mark")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=255)
    registration_number = models.CharField(_("registration number"), max_length=64)
    holder = models.CharField(_("holder"), max_length=255, blank=True)
    granted_on = models.DateField(_("granted on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("geographical indication or mark")
        verbose_name_plural = _("geographical indications and marks")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()} {self.registration_number})"


class Product(models.Model):
    code = models.SlugField(
        _("code"),
        max_length=64,
        unique=True,
        help_text=_("Letters, digits and hyphens: it is the address of the public page."),
    )
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    group = models.CharField(_("OCOP product group"), max_length=16, choices=ProductGroup.choices)
    producer_name = models.CharField(_("producer"), max_length=255)
    producer_kind = models.CharField(
        _("kind of producer"), max_length=16, choices=ProducerKind.choices
    )
    producer_tax_code = models.CharField(
        _("producer's tax code"), max_length=14, validators=[check_tax_code]
    )
    ward = models.ForeignKey(
        Agency,
        models.PROTECT,
        related_name="ocop_products",
        limit_choices_to=LOCAL_UNITS,
        verbose_name=_("ward or commune"),
    )
    village = models.ForeignKey(
        CraftVillage,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="products",
        verbose_name=_("craft village"),
    )
    craft = models.ForeignKey(
        Craft,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="products",
        verbose_name=_("craft"),
    )
    marks = models.ManyToManyField(
        Mark,
        blank=True,
        related_name="products",
        verbose_name=_("geographical indications and marks"),
    )
    history = HistoricalRecords(m2m_fields=[marks])

    class Meta:
        verbose_name = _("OCOP product")
        verbose_name_plural = _("OCOP products")
        ordering = ["name_vi"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        # One spelling per producer: 0100109106-001 and 0100109106001 are one branch.
        self.producer_tax_code = mst.compact(self.producer_tax_code)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def name(self) -> str:
        return in_language(self.name_vi, self.name_en)

    @property
    def tax_code_shown(self) -> str:
        return str(mst.format(self.producer_tax_code))
