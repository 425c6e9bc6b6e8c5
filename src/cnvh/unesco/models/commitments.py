"""What Hanoi committed to as a UNESCO City of Design (2019), what was done for each
commitment, and its part in the Network's own life."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cnvh.brightspots.models import BrightSpot
from cnvh.estimates.models import in_language
from cnvh.events.models import Event
from cnvh.plan.limits import check_year
from cnvh.plan.models import Agency, Task


class Commitment(models.Model):
    """A commitment of the 2019 application or of a later report."""

    class Scope(models.TextChoices):
        LOCAL = "local", _("Local")
        INTERNATIONAL = "international", _("International")

    code = models.SlugField(_("code"), max_length=32, unique=True)
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=500)
    title_en = models.CharField(_("title (English)"), max_length=500)
    scope = models.CharField(_("local or international"), max_length=16, choices=Scope.choices)
    source = models.CharField(
        _("committed in"),
        max_length=255,
        help_text=_("The application or report that made the commitment."),
    )
    lead_agency = models.ForeignKey(
        Agency, models.PROTECT, related_name="unesco_commitments", verbose_name=_("lead agency")
    )
    partners = models.CharField(_("partners"), max_length=500, blank=True)
    budget = models.DecimalField(
        _("planned budget (VND)"), max_digits=18, decimal_places=0, null=True, blank=True
    )
    first_year = models.PositiveSmallIntegerField(
        _("first year"),
        null=True,
        blank=True,
        validators=[check_year],
        help_text=_("The period the commitment covers; its activities fall in it."),
    )
    last_year = models.PositiveSmallIntegerField(
        _("last year"), null=True, blank=True, validators=[check_year]
    )
    tasks = models.ManyToManyField(
        Task, blank=True, related_name="unesco_commitments", verbose_name=_("plan tasks")
    )
    history = HistoricalRecords(m2m_fields=[tasks])

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0),
                name="commitment_budget_not_negative",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def title(self) -> str:
        return in_language(self.title_vi, self.title_en)

    def covers(self, year: int) -> bool:
        """The year falls in the commitment's period (an open end covers any year)."""
        return (self.first_year is None or self.first_year <= year) and (
            self.last_year is None or year <= self.last_year
        )

    def period(self) -> str:
        return f"{self.first_year or '…'}–{self.last_year or '…'}"

    def clean(self) -> None:
        if self.first_year and self.last_year and self.last_year < self.first_year:
            raise ValidationError(
                {"last_year": _("The last year comes before the first: check both years.")}
            )
        if self.pk is None:
            return
        for activity in self.activities.all():
            if not (self.covers(activity.starts_on.year) and self.covers(activity.ends_on.year)):
                raise ValidationError(
                    {
                        "first_year": _(
                            "The activity “%(activity)s” (%(starts)s–%(ends)s) would fall"
                            " outside the period %(period)s: widen the period or move the"
                            " activity."
                        )
                        % {
                            "activity": activity.title,
                            "starts": f"{activity.starts_on:%d/%m/%Y}",
                            "ends": f"{activity.ends_on:%d/%m/%Y}",
                            "period": self.period(),
                        }
                    }
                )


class CommitmentActivity(models.Model):
    """Something done for a commitment, with the cities it was done with."""

    commitment = models.ForeignKey(
        Commitment, models.PROTECT, related_name="activities", verbose_name=_("commitment")
    )
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=500)
    title_en = models.CharField(_("title (English)"), max_length=500)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    partner_cities = models.CharField(
        _("partner cities"),
        max_length=500,
        blank=True,
        help_text=_("Cities of the Network taking part, separated by semicolons."),
    )
    partner_countries = models.CharField(
        _("partner countries"), max_length=500, blank=True, help_text=_("Separated by semicolons.")
    )
    sdg_targets = models.CharField(
        _("SDG targets"), max_length=255, blank=True, help_text=_("For example 11.4; 8.3")
    )
    outputs_vi = models.TextField(_("outputs (Vietnamese)"), blank=True)
    outputs_en = models.TextField(_("outputs (English)"), blank=True)
    budget_spent = models.DecimalField(
        _("budget spent (VND)"), max_digits=18, decimal_places=0, default=Decimal(0)
    )
    events = models.ManyToManyField(
        Event,
        blank=True,
        related_name="unesco_activities",
        verbose_name=_("events"),
        help_text=_("Cultural events of the register held for this activity."),
    )
    bright_spots = models.ManyToManyField(
        BrightSpot,
        blank=True,
        related_name="unesco_activities",
        verbose_name=_("models"),
        help_text=_("Models and bright spots this activity built or spread."),
    )
    history = HistoricalRecords(m2m_fields=[events, bright_spots])

    class Meta:
        verbose_name = _("commitment activity")
        verbose_name_plural = _("commitment activities")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="activity_dates_in_order"
            ),
            models.CheckConstraint(
                condition=Q(budget_spent__gte=0), name="activity_spent_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_language(self.title_vi, self.title_en)

    @property
    def outputs(self) -> str:
        return in_language(self.outputs_vi, self.outputs_en)

    @property
    def inter_city(self) -> bool:
        """Done with at least one other city of the Network."""
        return bool(self.partner_cities.strip())

    def clean(self) -> None:
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError(
                {"ends_on": _("The activity ends before it starts: check both dates.")}
            )
        if self.commitment_id is None:
            return
        commitment = self.commitment
        for name in ("starts_on", "ends_on"):
            day = getattr(self, name)
            if day and not commitment.covers(day.year):
                raise ValidationError(
                    {
                        name: _(
                            "%(day)s falls outside the commitment's period %(period)s: date"
                            " the activity within it, or widen the commitment's period."
                        )
                        % {"day": f"{day:%d/%m/%Y}", "period": commitment.period()}
                    }
                )


class NetworkParticipation(models.Model):
    """Hanoi's part in the Network's life: annual conferences, working groups."""

    class Kind(models.TextChoices):
        CONFERENCE_ATTENDED = "conference_attended", _("Annual conference attended")
        CONFERENCE_HOSTED = "conference_hosted", _("Annual conference hosted")
        SUBNETWORK = "subnetwork", _("Subnetwork or working group meeting")
        CONTRIBUTION = "contribution", _("Other contribution to the Network")

    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=500)
    title_en = models.CharField(_("title (English)"), max_length=500)
    held_on = models.DateField(_("date"))
    place = models.CharField(_("city and country"), max_length=255, blank=True)
    contribution_vi = models.TextField(_("contribution (Vietnamese)"), blank=True)
    contribution_en = models.TextField(_("contribution (English)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("participation in the Network")
        verbose_name_plural = _("participation in the Network")
        ordering = ["held_on", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_language(self.title_vi, self.title_en)

    @property
    def contribution(self) -> str:
        return in_language(self.contribution_vi, self.contribution_en)
