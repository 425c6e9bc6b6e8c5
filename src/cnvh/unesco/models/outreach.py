"""Training, cooperation and dissemination activities, from the city down to the
communes, with who took part by sex and role."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cnvh.estimates.models import in_language
from cnvh.plan.models import Agency, Task


class Outreach(models.Model):
    class Kind(models.TextChoices):
        TRAINING = "training", _("Training course")
        CONFERENCE = "conference", _("Conference or workshop")
        EXCHANGE = "exchange", _("International exchange")
        MOU = "mou", _("Memorandum of understanding")
        DISSEMINATION = "dissemination", _("Dissemination session")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=500)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    organiser = models.ForeignKey(
        Agency, models.PROTECT, related_name="unesco_outreach", verbose_name=_("organiser")
    )
    partner_country = models.CharField(_("partner country"), max_length=255, blank=True)
    partner_city = models.CharField(_("partner city"), max_length=255, blank=True)
    sector = models.CharField(_("sector"), max_length=255, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    budget = models.DecimalField(
        _("budget (VND)"), max_digits=18, decimal_places=0, null=True, blank=True
    )
    task = models.ForeignKey(
        Task,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="unesco_outreach",
        verbose_name=_("plan task"),
    )
    outputs = models.TextField(_("outputs"), blank=True)
    reach = models.PositiveIntegerField(
        _("reach"),
        null=True,
        blank=True,
        help_text=_("People reached beyond the participants (audience, online views)."),
    )
    recorded_by = models.ForeignKey(
        "auth.User", models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("training, cooperation or dissemination activity")
        verbose_name_plural = _("training, cooperation and dissemination activities")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="outreach_dates_in_order"
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0),
                name="outreach_budget_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_language(self.title_vi, self.title_en)

    @property
    def level(self) -> str:
        """City, department, ward or commune: the level of the organiser."""
        return str(self.organiser.get_kind_display())

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError(
                {"ends_on": _("The activity ends before it starts: check both dates.")}
            )


class Participants(models.Model):
    """How many women and men of one role took part."""

    class Role(models.TextChoices):
        OFFICIALS = "officials", _("Officials and civil servants")
        CREATIVES = "creatives", _("Artists, designers and creative workers")
        ENTERPRISES = "enterprises", _("Enterprises and craftspeople")
        RESIDENTS = "residents", _("Residents, students and others")

    outreach = models.ForeignKey(
        Outreach, models.CASCADE, related_name="participants", verbose_name=_("activity")
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    women = models.PositiveIntegerField(_("women"), default=0)
    men = models.PositiveIntegerField(_("men"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("participants")
        verbose_name_plural = _("participants")
        ordering = ["outreach", "role"]
        constraints = [
            models.UniqueConstraint(fields=["outreach", "role"], name="participants_one_per_role")
        ]

    def __str__(self) -> str:
        return f"{self.outreach_id} {self.role}: {self.women} + {self.men}"
