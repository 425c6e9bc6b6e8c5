"""Clashes between events: two events the detector (`cnvh.events.clashes`) found too
close in place and time, which rule found them and when, and how the authority
resolved the clash (a note, who, when). A clash is never deleted: a resolved one stays,
with its history, and the same two events clashing again make a new one."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cnvh.events.models.register import Event
from cnvh.plan.models import Agency


class ClashRule(models.TextChoices):
    SAME_VENUE = "same_venue", _("Same venue at overlapping times")
    NEARBY = "nearby", _("Another event nearby on the same day")
    WARD_CROWD = "ward_crowd", _("Too many people expected in one ward on one day")
    CITY_WIDE = "city_wide", _("During a city-wide event")


class Clash(models.Model):
    event = models.ForeignKey(
        Event,
        models.CASCADE,
        related_name="clashes",
        verbose_name=_("event filed or moved"),
    )
    other = models.ForeignKey(
        Event,
        models.CASCADE,
        related_name="clashes_with",
        verbose_name=_("event it clashes with"),
    )
    rule = models.CharField(_("rule"), max_length=16, choices=ClashRule.choices)
    day = models.DateField(_("first day in common"))
    # A yearly event is checked in its next years too: the year of the occurrence that
    # clashes, empty when the clash is on the dates as filed.
    occurrence_year = models.PositiveSmallIntegerField(
        _("year of the later occurrence"), null=True, blank=True
    )
    distance_metres = models.PositiveIntegerField(_("distance (m)"), null=True, blank=True)
    ward = models.ForeignKey(
        Agency,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ward or commune"),
    )
    attendance = models.PositiveIntegerField(
        _("expected in the ward that day"), null=True, blank=True
    )
    found_on = models.DateField(_("found on"))
    found_at = models.DateTimeField(_("found at"), auto_now_add=True)
    found_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("found at the step of"),
    )
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("resolved by"),
    )
    resolution = models.TextField(_("how it was resolved"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("clash")
        verbose_name_plural = _("clashes")
        ordering = ["found_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(event=models.F("other")), name="clash_two_events"),
            models.UniqueConstraint(
                fields=["event", "other", "rule"],
                condition=Q(resolved_on__isnull=True, occurrence_year__isnull=True),
                name="clash_open_once",
            ),
            models.UniqueConstraint(
                fields=["event", "other", "rule", "occurrence_year"],
                condition=Q(resolved_on__isnull=True, occurrence_year__isnull=False),
                name="clash_open_once_a_year",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} / {self.other} ({self.get_rule_display()})"

    @property
    def is_open(self) -> bool:
        return self.resolved_on is None

    def other_than(self, event: Event) -> Event:
        """The event of the pair that is not `event`."""
        return self.other if self.event_id == event.pk else self.event
