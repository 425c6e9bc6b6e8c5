"""The enterprise register: one row per tax code, with the sectors its codes fall in."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cnvh.enterprises import identity
from cnvh.enterprises.wards import ward_name
from cnvh.language import pick


class LegalForm(models.TextChoices):
    ENTERPRISE = "enterprise", _("Enterprise")
    COOPERATIVE = "cooperative", _("Cooperative")
    HOUSEHOLD = "household", _("Household business")
    CRAFT_GROUP = "craft_group", _("Craft-village producer group")
    ARTISAN = "artisan", _("Individual artisan")


# Household businesses and individuals are known by their personal number since
# 2025-07-01; enterprises and cooperatives by a tax code of their own.
PERSONAL_FORMS = frozenset({LegalForm.HOUSEHOLD, LegalForm.ARTISAN})
TAX_CODE_FORMS = frozenset({LegalForm.ENTERPRISE, LegalForm.COOPERATIVE})


class Size(models.TextChoices):
    """Decree 80/2021/NĐ-CP's sizes of enterprise."""

    MICRO = "micro", _("Micro")
    SMALL = "small", _("Small")
    MEDIUM = "medium", _("Medium")
    LARGE = "large", _("Large")


class Status(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    DISSOLVED = "dissolved", _("Dissolved")


class Enterprise(models.Model):
    tax_code = models.CharField(
        _("tax code"),
        max_length=13,
        unique=True,
        help_text=_("10 digits, 13 for a branch, or the 12-digit personal number."),
    )
    parent = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="branches",
        verbose_name=_("parent enterprise"),
    )
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    legal_form = models.CharField(_("legal form"), max_length=16, choices=LegalForm.choices)
    main_vsic = models.CharField(_("main VSIC code"), max_length=5, blank=True)
    other_vsic = models.JSONField(_("other VSIC codes"), default=list, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    ward_code = models.CharField(_("ward or commune"), max_length=5, blank=True)
    former_ward_code = models.CharField(
        _("former commune"),
        max_length=5,
        blank=True,
        help_text=_("The code written before 1 July 2025, converted to today's unit."),
    )
    size = models.CharField(_("size"), max_length=8, choices=Size.choices, blank=True)
    founded_on = models.DateField(_("founding date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ACTIVE
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("enterprise")
        verbose_name_plural = _("registered enterprises")
        ordering = ["name_vi", "tax_code"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return pick(self.name_vi, self.name_en)

    @property
    def is_personal(self) -> bool:
        return identity.is_personal(self.tax_code)

    @property
    def key(self) -> str:
        """What its page's address holds: the tax code, never a personal number."""
        return f"h{self.pk}" if self.is_personal else self.tax_code

    @property
    def shown_code(self) -> str:
        return identity.shown(self.tax_code)

    @property
    def codes(self) -> list[str]:
        return [code for code in [self.main_vsic, *self.other_vsic] if code]

    @property
    def ward(self) -> str:
        return ward_name(self.ward_code) if self.ward_code else ""

    def clean(self) -> None:
        self.tax_code = identity.compact(self.tax_code)
        found = identity.problem(self.tax_code)
        if found is not None:
            raise ValidationError(
                {
                    "tax_code": pick(
                        f"{found.what_vi} {found.fix_vi}", f"{found.what_en} {found.fix_en}"
                    )
                }
            )
        if self.is_personal and self.legal_form in TAX_CODE_FORMS:
            raise ValidationError(
                {"tax_code": _("An enterprise or a cooperative has a tax code of its own.")}
            )
        if not self.is_personal and self.legal_form in PERSONAL_FORMS:
            raise ValidationError(
                {
                    "tax_code": _(
                        "A household business or an artisan is known by the personal number."
                    )
                }
            )
        if self.founded_on and self.founded_on > timezone.localdate():
            raise ValidationError({"founded_on": _("The founding date is in the future.")})


class EnterpriseSector(models.Model):
    """A sector one of the enterprise's codes falls in under a scope: derived from the
    codes by the engine's matching each time they are saved (`register.refresh_sectors`)."""

    enterprise = models.ForeignKey(Enterprise, models.CASCADE, related_name="sectors")
    scope_key = models.CharField(_("scope"), max_length=64)
    code = models.CharField(_("VSIC code"), max_length=5)
    sector = models.CharField(_("sector"), max_length=64)
    share = models.DecimalField(_("share"), max_digits=7, decimal_places=6)

    class Meta:
        verbose_name = _("sector of an enterprise")
        verbose_name_plural = _("sectors of enterprises")
        ordering = ["scope_key", "sector", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["enterprise", "scope_key", "code", "sector"], name="enterprise_sector_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.scope_key}:{self.sector} {self.code}"
