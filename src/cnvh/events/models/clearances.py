"""The views the agencies give on events: which agency is asked on which events (dated
rules the coordinator edits), each agency's answer, and every step of an event's file."""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cnvh.estimates.models import in_language
from cnvh.events.models.register import Event, Status
from cnvh.plan.models import Agency


class ClearanceRule(models.Model):
    """Which agency must give its view on which events: editable, dated data."""

    class Reviewer(models.TextChoices):
        AGENCY = "agency", _("A named agency")
        VENUE_WARD = "venue_ward", _("The ward of the venue")
        HERITAGE_MANAGER = "heritage_manager", _("The manager of the heritage site")

    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    reviewer = models.CharField(_("who gives a view"), max_length=24, choices=Reviewer.choices)
    agency = models.ForeignKey(
        Agency,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="clearance_rules",
        verbose_name=_("agency"),
    )
    kinds = models.JSONField(
        _("kinds of event"), default=list, blank=True, help_text=_("Empty: every kind.")
    )
    min_attendance = models.PositiveIntegerField(
        _("from an expected attendance of"), null=True, blank=True
    )
    heritage_sites_only = models.BooleanField(_("only at heritage sites"), default=False)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("clearance rule")
        verbose_name_plural = _("clearance rules")
        ordering = ["valid_from", "pk"]

    def __str__(self) -> str:
        return in_language(self.name_vi, self.name_en)


class Clearance(models.Model):
    """One agency's view on one event, due by a day counted from the procedure."""

    class Answer(models.TextChoices):
        PENDING = "pending", _("Waiting for the view")
        AGREE = "agree", _("Agrees")
        CONDITIONS = "conditions", _("Agrees with conditions")
        OBJECT = "object", _("Objects")

    event = models.ForeignKey(
        Event, models.CASCADE, related_name="clearances", verbose_name=_("event")
    )
    agency = models.ForeignKey(
        Agency, models.PROTECT, related_name="clearances", verbose_name=_("agency")
    )
    rule = models.ForeignKey(
        ClearanceRule, models.PROTECT, null=True, blank=True, verbose_name=_("rule")
    )
    requested_on = models.DateField(_("asked on"))
    due_on = models.DateField(_("due on"))
    answer = models.CharField(
        _("answer"), max_length=16, choices=Answer.choices, default=Answer.PENDING
    )
    reasons = models.TextField(_("reasons and conditions"), blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("clearance")
        verbose_name_plural = _("clearances")
        ordering = ["due_on", "agency__name_vi"]
        constraints = [
            models.UniqueConstraint(fields=["event", "agency"], name="clearance_one_per_agency")
        ]

    def __str__(self) -> str:
        return f"{self.event} / {self.agency}"

    @property
    def pending(self) -> bool:
        return self.answer == self.Answer.PENDING

    def overdue_on(self, today: date) -> bool:
        return self.pending and today > self.due_on

    @property
    def on_time(self) -> bool | None:
        if self.answered_on is None:
            return None
        return self.answered_on <= self.due_on


class Transition(models.Model):
    """One step of an event's workflow: from, to, when, by whom, and why."""

    event = models.ForeignKey(
        Event, models.CASCADE, related_name="transitions", verbose_name=_("event")
    )
    from_status = models.CharField(_("from"), max_length=16, choices=Status.choices, blank=True)
    to_status = models.CharField(_("to"), max_length=16, choices=Status.choices)
    on = models.DateField(_("date"))
    at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("event step")
        verbose_name_plural = _("event steps")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.event}: {self.from_status} → {self.to_status}"
