"""Stored estimates.

An estimate is kept exactly as the engine produced it: full float precision,
the scope it was computed under, and its provenance. Nothing here is ever
updated or deleted by the code; a new run of the same scope is a new revision.
"""

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cnvh.language import pick


def in_language(vi: str, en: str, language: str | None = None) -> str:
    """Pick the Vietnamese or English text for `language` (default: the active one)."""
    return pick(vi, en, language)


class Estimate(models.Model):
    scope_key = models.CharField(_("scope"), max_length=64)
    scope_version = models.CharField(_("scope version"), max_length=64)
    scope_title_vi = models.CharField(_("scope title (Vietnamese)"), max_length=255)
    scope_title_en = models.CharField(_("scope title (English)"), max_length=255)
    classification = models.CharField(_("classification"), max_length=64)
    scope_checksum = models.CharField(_("scope checksum"), max_length=128)
    unit = models.CharField(_("unit"), max_length=64)
    sectors = models.JSONField(_("sectors"), default=dict, encoder=DjangoJSONEncoder)
    provenance = models.JSONField(_("provenance"), default=dict, encoder=DjangoJSONEncoder)
    synthetic = models.BooleanField(_("synthetic data"), default=False)
    label = models.CharField(_("label"), max_length=255, blank=True)
    revision = models.PositiveIntegerField(_("revision"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("estimate")
        verbose_name_plural = _("estimates")
        ordering = ["scope_key", "-revision"]
        constraints = [
            models.UniqueConstraint(
                fields=["scope_key", "revision"], name="estimate_unique_scope_revision"
            )
        ]

    def __str__(self) -> str:
        return f"{self.scope_key} r{self.revision}"

    @property
    def scope_title(self) -> str:
        return in_language(self.scope_title_vi, self.scope_title_en)

    def sector_title(self, key: str) -> str:
        titles = self.sectors.get(key) or {}
        return in_language(titles.get("title_vi", ""), titles.get("title_en", "")) or key

    def years(self) -> list[int]:
        return sorted(set(self.rows.values_list("year", flat=True)))


# A scope's total before its sectors and the city before its wards, on every database:
# PostgreSQL sorts NULL last, SQLite first.
TOTALS_FIRST = (F("sector").asc(nulls_first=True), F("area").asc(nulls_first=True))


class EstimateRow(models.Model):
    """One cell: year × sector (None = scope total) × area (None = whole city)."""

    estimate = models.ForeignKey(Estimate, models.PROTECT, related_name="rows")
    year = models.IntegerField(_("year"))
    # NULL, not "", marks the total, exactly as the engine's None does.
    sector = models.CharField(_("sector"), max_length=64, null=True, blank=True)  # noqa: DJ001
    area = models.CharField(_("area"), max_length=64, null=True, blank=True)  # noqa: DJ001
    value_added = models.FloatField(_("value added"))
    share = models.FloatField(_("share of GRDP"), null=True, blank=True)
    employment = models.FloatField(_("employment"), null=True, blank=True)
    establishments = models.FloatField(_("establishments"), null=True, blank=True)
    employment_share = models.FloatField(_("share of employment"), null=True, blank=True)
    share_ci_low = models.FloatField(_("share CI low"), null=True, blank=True)
    share_ci_high = models.FloatField(_("share CI high"), null=True, blank=True)

    class Meta:
        verbose_name = _("estimate row")
        verbose_name_plural = _("estimate rows")
        ordering = ["year", "sector", "area"]
        indexes = [models.Index(fields=["estimate", "year"], name="estimaterow_estimate_year")]

    def __str__(self) -> str:
        return f"{self.year} {self.sector or '*'} {self.area or '*'}"


class EstimateReplicates(models.Model):
    """The bootstrap's replicates of the whole city's shares of GRDP (every year, the
    total and each sector), kept so that a figure derived from the shares later (the
    road's projected share) gets its interval from the same replicates, as the engine
    gives it. Apart from the estimate, which every list reads: these are only read by
    the road, and weigh some 100 KiB (200 replicates × 7 years × 10 sectors × 8 bytes)."""

    estimate = models.OneToOneField(
        Estimate, models.PROTECT, related_name="replicates", verbose_name=_("estimate")
    )
    confidence = models.FloatField(_("confidence level"))
    # [[year, sector or null], ...]: the column of each share in `shares`.
    keys = models.JSONField(_("rows"))
    # float64, little-endian, replicates × keys, row after row.
    shares = models.BinaryField(_("shares of GRDP"))

    class Meta:
        verbose_name = _("bootstrap replicates")
        verbose_name_plural = _("bootstrap replicates")

    def __str__(self) -> str:
        return f"{self.estimate} ×{len(self.shares) // (8 * max(len(self.keys), 1))}"


class Publication(models.Model):
    """An estimate made public. The estimate itself stays untouched; the public
    sees, per scope, the latest revision that has a publication."""

    estimate = models.OneToOneField(
        Estimate, models.PROTECT, related_name="publication", verbose_name=_("estimate")
    )
    published_at = models.DateTimeField(_("published"), auto_now_add=True)
    published_by = models.ForeignKey(
        "auth.User",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def __str__(self) -> str:
        return f"{self.estimate} {self.published_at:%Y-%m-%d}"


class PublicationChange(models.Model):
    """One change to what the public sees of a definition: a revision published,
    withdrawn, or an earlier one put back. Kept for good, with who, when and why."""

    class Action(models.TextChoices):
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")
        RESTORED = "restored", _("Earlier revision restored")

    estimate = models.ForeignKey(
        Estimate, models.PROTECT, related_name="publication_changes", verbose_name=_("estimate")
    )
    scope_key = models.CharField(_("scope"), max_length=64)
    action = models.CharField(_("action"), max_length=16, choices=Action.choices)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    changed_by = models.ForeignKey(
        "auth.User",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("publication change")
        verbose_name_plural = _("publication changes")
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.estimate} {self.action} {self.changed_at:%Y-%m-%d}"
