"""OCOP ratings: the scoring scheme and its star bands as dated rows, and each
product's ratings from proposal to decision, expiry or re-rating."""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cnvh.crafts.models.products import Product


class Level(models.TextChoices):
    CITY = "city", _("City")
    NATIONAL = "national", _("National")


class OcopScheme(models.Model):
    """One version of the OCOP scoring rules: the points of each part, how long a
    certificate lasts and how early re-rating is flagged."""

    legal_basis = models.CharField(_("legal basis"), max_length=255)
    max_a = models.DecimalField(
        _("part A maximum (product and community)"), max_digits=5, decimal_places=2
    )
    max_b = models.DecimalField(_("part B maximum (marketing)"), max_digits=5, decimal_places=2)
    max_c = models.DecimalField(_("part C maximum (quality)"), max_digits=5, decimal_places=2)
    validity_months = models.PositiveSmallIntegerField(_("certificate valid (months)"))
    notice_months = models.PositiveSmallIntegerField(
        _("re-rating flagged (months before expiry)"), default=6
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("OCOP scoring scheme")
        verbose_name_plural = _("OCOP scoring schemes")
        ordering = ["valid_from"]

    def __str__(self) -> str:
        return f"{self.legal_basis} ({self.valid_from:%d/%m/%Y})"

    @property
    def max_total(self) -> Decimal:
        return self.max_a + self.max_b + self.max_c

    def clean(self) -> None:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError(
                {"valid_to": _("The end of validity is before its start: check both dates.")}
            )

    @classmethod
    def in_force(cls, on: date) -> "OcopScheme | None":
        return (
            cls.objects.filter(valid_from__lte=on)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
            .order_by("-valid_from")
            .first()
        )


class OcopBand(models.Model):
    """The points from which a product gets a number of stars, and who decides it."""

    scheme = models.ForeignKey(
        OcopScheme, models.CASCADE, related_name="bands", verbose_name=_("scheme")
    )
    stars = models.PositiveSmallIntegerField(_("stars"))
    min_points = models.DecimalField(_("from points"), max_digits=5, decimal_places=2)
    certified = models.BooleanField(_("certified"), default=True)
    deciding_level = models.CharField(
        _("deciding level"), max_length=16, choices=Level.choices, default=Level.CITY
    )
    unconfirmed = models.BooleanField(_("unconfirmed"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("OCOP star band")
        verbose_name_plural = _("OCOP star bands")
        ordering = ["scheme", "min_points"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "stars"], name="crafts_band_unique_stars")
        ]

    def __str__(self) -> str:
        return f"{self.stars}★ ≥ {self.min_points}"


class OcopRating(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        SCORED = "scored", _("Scored by the council")
        DECIDED = "decided", _("Decided")
        EXPIRED = "expired", _("Expired")
        RERATED = "rerated", _("Re-rated")

    product = models.ForeignKey(
        Product, models.CASCADE, related_name="ratings", verbose_name=_("product")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PROPOSED
    )
    previous = models.OneToOneField(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="next_rating",
        verbose_name=_("re-rating of"),
    )
    proposed_on = models.DateField(_("proposed on"))
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("proposed by")
    )
    score_a = models.DecimalField(_("part A points"), max_digits=5, decimal_places=2, null=True)
    score_b = models.DecimalField(_("part B points"), max_digits=5, decimal_places=2, null=True)
    score_c = models.DecimalField(_("part C points"), max_digits=5, decimal_places=2, null=True)
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("scored by"),
    )
    stars = models.PositiveSmallIntegerField(_("stars"), null=True)
    level = models.CharField(_("rating level"), max_length=16, choices=Level.choices, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=64, blank=True)
    decision_date = models.DateField(_("decision date"), null=True)
    expires_on = models.DateField(_("expires on"), null=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("OCOP rating")
        verbose_name_plural = _("OCOP ratings")
        ordering = ["-proposed_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.product} {self.proposed_on:%d/%m/%Y}"

    @property
    def total(self) -> Decimal | None:
        if self.score_a is None or self.score_b is None or self.score_c is None:
            return None
        return self.score_a + self.score_b + self.score_c
