"""Support programmes and the cases of the enterprises they support, shaped like grants:
received → assessment → decision → amount granted → disbursements → report → outcome."""

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cnvh.enterprises.models.register import Enterprise
from cnvh.language import pick
from cnvh.plan.models import Agency


def money(label: Any, **options: bool) -> "models.DecimalField[Decimal | None, Decimal | None]":
    """An amount in whole VND."""
    return models.DecimalField(label, max_digits=18, decimal_places=0, **options)  # type: ignore[arg-type]


class ProgrammeKind(models.TextChoices):
    INNOVATION = "innovation", _("Innovation")
    TECHNOLOGY_TRANSFER = "technology_transfer", _("Technology transfer")
    DIGITAL = "digital", _("Digital transformation")
    STANDARDS = "standards", _("Standards and management systems")
    PRODUCTIVITY = "productivity", _("Productivity tools")
    GEOGRAPHICAL_INDICATION = "gi", _("Geographical indications")
    TRACEABILITY = "traceability", _("Traceability")
    IP = "ip", _("Intellectual property and trademarks")
    TRADE_PROMOTION = "trade_promotion", _("Trade promotion")
    OTHER = "other", _("Other")


class Programme(models.Model):
    code = models.SlugField(_("code"), max_length=32, unique=True)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=24, choices=ProgrammeKind.choices)
    owner = models.ForeignKey(
        Agency, models.PROTECT, related_name="support_programmes", verbose_name=_("owner agency")
    )
    legal_basis = models.CharField(_("legal basis"), max_length=255, blank=True)
    eligibility = models.TextField(_("eligibility"), blank=True)
    is_open = models.BooleanField(_("open to applications"), default=True)
    publishes_grants = models.BooleanField(
        _("publishes its grants"),
        default=False,
        help_text=_(
            "Its approved cases are listed on the public page of granted support: the"
            " enterprise, the amount granted and the decision (never a personal number)."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("support programme")
        verbose_name_plural = _("support programmes")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return pick(self.name_vi, self.name_en)


class ProgrammeBudget(models.Model):
    programme = models.ForeignKey(Programme, models.CASCADE, related_name="budgets")
    year = models.PositiveSmallIntegerField(_("year"))
    amount = money(_("budget (VND)"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("budget of a year")
        verbose_name_plural = _("budgets by year")
        ordering = ["programme", "year"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "year"], name="programme_budget_year")
        ]

    def __str__(self) -> str:
        return f"{self.programme_id} {self.year}"


class CaseStage(models.TextChoices):
    RECEIVED = "received", _("Received")
    ASSESSMENT = "assessment", _("Under assessment")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")
    REPORTED = "reported", _("Report received")


class SupportCase(models.Model):
    enterprise = models.ForeignKey(
        Enterprise, models.PROTECT, related_name="cases", verbose_name=_("enterprise")
    )
    programme = models.ForeignKey(
        Programme, models.PROTECT, related_name="cases", verbose_name=_("programme")
    )
    stage = models.CharField(
        _("stage"), max_length=12, choices=CaseStage.choices, default=CaseStage.RECEIVED
    )
    received_on = models.DateField(_("received on"))
    amount_requested = money(_("amount requested (VND)"))
    decided_on = models.DateField(_("decision date"), null=True, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=64, blank=True)
    refusal_reason = models.TextField(_("reason for refusal"), blank=True)
    amount_granted = money(_("amount granted (VND)"), null=True, blank=True)
    report_due_on = models.DateField(_("report due on"), null=True, blank=True)
    report_received_on = models.DateField(_("report received on"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    internal_note = models.TextField(_("internal note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("support case")
        verbose_name_plural = _("support cases")
        ordering = ["-received_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["enterprise", "programme"], name="one_case_a_programme")
        ]

    def __str__(self) -> str:
        return f"{self.enterprise} — {self.programme.code}"

    def disbursed(self) -> Decimal:
        total = self.disbursements.aggregate(total=Sum("amount"))["total"]
        return total or Decimal(0)


class Review(models.Model):
    """An assessor's score and comment: internal, never shown to the enterprise."""

    case = models.ForeignKey(SupportCase, models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(_("score (0–100)"))
    comment = models.TextField(_("comment"), blank=True)
    made_at = models.DateTimeField(_("made at"), auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["made_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(score__lte=100), name="review_score_range")
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.score}"


class Disbursement(models.Model):
    case = models.ForeignKey(SupportCase, models.PROTECT, related_name="disbursements")
    paid_on = models.DateField(_("paid on"))
    amount = money(_("amount (VND)"))
    note = models.CharField(_("note"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("disbursement")
        verbose_name_plural = _("disbursements")
        ordering = ["paid_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="disbursement_positive")
        ]

    def __str__(self) -> str:
        return f"{self.paid_on:%d/%m/%Y} {self.amount}"
