"""Who may do what, and what they are told.

A person's role is held in an agency: an officer of ward X, the coordinator of
the Department of Culture and Sports. One person may hold several.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cnvh.plan.models.agencies import Agency
from cnvh.plan.models.plans import Task
from cnvh.plan.models.reports import ProgressReport, ReportingPeriod


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    COORDINATOR = "coordinator", _("City coordinator")
    LEADER = "leader", _("Leader")
    OFFICER = "officer", _("Agency officer")
    STATISTICIAN = "statistician", _("Statistician")


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    agency = models.ForeignKey(
        Agency, models.PROTECT, related_name="memberships", verbose_name=_("agency")
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "agency", "role"], name="membership_unique_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.agency}"


class Notification(models.Model):
    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Report due within 7 days")
        OVERDUE = "overdue", _("Report overdue")
        RETURNED = "returned", _("Report returned")
        SUBMITTED = "submitted", _("Report waiting for approval")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="notifications",
        verbose_name=_("user"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    task = models.ForeignKey(Task, models.CASCADE, related_name="+", verbose_name=_("task"))
    period = models.ForeignKey(
        ReportingPeriod, models.CASCADE, related_name="+", verbose_name=_("period")
    )
    report = models.ForeignKey(
        ProgressReport,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("report"),
    )
    # A return can happen more than once; the stamp tells the occasions apart.
    occasion = models.CharField(_("occasion"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed = models.BooleanField(_("e-mailed"), default=False)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind", "task", "period", "occasion"],
                name="notification_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.task.code} {self.period.label}"


class LoginAttempt(models.Model):
    """Failed logins, kept to slow down guessing (across all app processes)."""

    username = models.CharField(_("user name"), max_length=150, db_index=True)
    address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("failed login")
        verbose_name_plural = _("failed logins")

    def __str__(self) -> str:
        return f"{self.username} {self.at:%Y-%m-%d %H:%M}"
