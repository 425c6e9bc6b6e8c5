"""Notices of views coming due or overdue, made by the daily `cnvh events-remind`."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cnvh.events.models.clearances import Clearance


class ClearanceNotice(models.Model):
    """One person told once of one view's deadline. The due day is part of the notice:
    an event moved to new days gives its views a new due day, and a new notice."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("View due soon")
        OVERDUE = "overdue", _("View overdue")
        ESCALATED = "escalated", _("Overdue view escalated")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="clearance_notices",
        verbose_name=_("user"),
    )
    clearance = models.ForeignKey(
        Clearance, models.CASCADE, related_name="notices", verbose_name=_("clearance")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    due_on = models.DateField(_("due on"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed = models.BooleanField(_("e-mailed"), default=False)

    class Meta:
        verbose_name = _("notice of a view's deadline")
        verbose_name_plural = _("notices of views' deadlines")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "clearance", "kind", "due_on"], name="clearance_notice_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.clearance}"
