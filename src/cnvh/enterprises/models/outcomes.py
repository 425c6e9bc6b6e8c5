"""Outcomes that can be checked: IP filings followed through the IP office's steps,
with the legal durations of those steps as dated rows; and certifications."""

from itertools import pairwise
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cnvh.enterprises.models.register import Enterprise
from cnvh.enterprises.models.support import SupportCase


class IPKind(models.TextChoices):
    TRADEMARK = "trademark", _("Trademark")
    DESIGN = "design", _("Industrial design")
    GI_USE = "gi_use", _("Authorisation to use a geographical indication")
    COPYRIGHT = "copyright", _("Copyright")


class IPStage(models.TextChoices):
    FILED = "filed", _("Filed")
    FORMALITY_ACCEPTED = "formality_accepted", _("Formality accepted")
    PUBLISHED = "published", _("Published")
    EXAMINATION = "examination", _("Substantive examination")
    GRANTED = "granted", _("Granted")
    REFUSED = "refused", _("Refused")


class IPStep(models.TextChoices):
    """The durations the law sets, each counted from the step before it."""

    FORMALITY = "formality", _("Formality examination (from filing)")
    PUBLICATION = "publication", _("Publication (from formality acceptance)")
    EXAMINATION = "examination", _("Substantive examination (from publication)")
    VALIDITY = "validity", _("Validity (from filing)")


class IPStepDuration(models.Model):
    """How long a step may take by law, for filings made while the row is in force."""

    kind = models.CharField(_("kind of filing"), max_length=16, choices=IPKind.choices)
    step = models.CharField(_("step"), max_length=16, choices=IPStep.choices)
    months = models.PositiveSmallIntegerField(_("months"))
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=255, blank=True)
    unconfirmed = models.BooleanField(_("unconfirmed"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("legal duration of an IP step")
        verbose_name_plural = _("legal durations of IP steps")
        ordering = ["kind", "step", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "step", "valid_from"], name="ip_duration_version"
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="ip_duration_valid_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.step} {self.months}"


# The dates of a filing's steps, in the order the IP office takes them.
IP_DATES = ("filed_on", "formality_accepted_on", "published_on", "examination_from", "decided_on")


def _dates_out_of_order(filing: "IPFiling", name: str, before: str) -> str:
    field, earlier = filing._meta.get_field(name), filing._meta.get_field(before)
    return _("%(field)s: it comes before “%(earlier)s”; correct either date.") % {
        "field": str(field.verbose_name).capitalize(),  # type: ignore[union-attr]
        "earlier": earlier.verbose_name,  # type: ignore[union-attr]
    }


class IPFiling(models.Model):
    enterprise = models.ForeignKey(Enterprise, models.PROTECT, related_name="ip_filings")
    case = models.ForeignKey(
        SupportCase,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="ip_filings",
        verbose_name=_("support case"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=IPKind.choices)
    title = models.CharField(_("object"), max_length=255)
    application_number = models.CharField(_("application number"), max_length=32, unique=True)
    filed_on = models.DateField(_("filing date"))
    stage = models.CharField(
        _("stage"), max_length=20, choices=IPStage.choices, default=IPStage.FILED
    )
    formality_accepted_on = models.DateField(_("formality accepted on"), null=True, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    examination_from = models.DateField(_("examination from"), null=True, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    certificate_number = models.CharField(_("certificate number"), max_length=32, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("IP filing")
        verbose_name_plural = _("IP filings")
        ordering = ["-filed_on", "pk"]

    def __str__(self) -> str:
        return f"{self.application_number} {self.title}"

    def clean(self) -> None:
        errors: dict[str, Any] = {}
        done = [(name, getattr(self, name)) for name in IP_DATES if getattr(self, name)]
        for (before, earlier), (name, later) in pairwise(done):
            if later < earlier:
                errors.setdefault(name, _dates_out_of_order(self, name, before))
        if self.filed_on and self.filed_on > timezone.localdate():
            errors["filed_on"] = _("Filing date: it has not come yet.")
        finished = self.stage in (IPStage.GRANTED, IPStage.REFUSED)
        if finished and not self.decided_on:
            errors.setdefault(
                "decided_on",
                _("Decided on: a granted or refused filing has the date of its decision."),
            )
        if self.stage == IPStage.GRANTED and not self.certificate_number.strip():
            errors["certificate_number"] = _(
                "Certificate number: a granted filing has its certificate."
            )
        if self.expires_on and self.filed_on and self.expires_on < self.filed_on:
            errors["expires_on"] = _("Expires on: it is before the filing date.")
        if errors:
            raise ValidationError(errors)


class Certification(models.Model):
    class Kind(models.TextChoices):
        MANAGEMENT = "management", _("Management system (ISO, TCVN ISO)")
        PRODUCT = "product", _("Product standard (TCVN)")
        EXPORT = "export", _("Export market standard")

    enterprise = models.ForeignKey(Enterprise, models.PROTECT, related_name="certifications")
    case = models.ForeignKey(
        SupportCase,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="certifications",
        verbose_name=_("support case"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    standard = models.CharField(_("standard"), max_length=64)
    number = models.CharField(_("certificate number"), max_length=64)
    issuer = models.CharField(_("issuer"), max_length=255)
    issued_on = models.DateField(_("issued on"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("certification")
        verbose_name_plural = _("certifications")
        ordering = ["-issued_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["issuer", "number"], name="certificate_once")
        ]

    def __str__(self) -> str:
        return f"{self.standard} {self.number}"

    def clean(self) -> None:
        if self.issued_on and self.issued_on > timezone.localdate():
            raise ValidationError({"issued_on": _("Issued on: it has not come yet.")})
        if self.issued_on and self.valid_until and self.valid_until < self.issued_on:
            raise ValidationError(
                {"valid_until": _("Valid until: it is before the date of issue.")}
            )
