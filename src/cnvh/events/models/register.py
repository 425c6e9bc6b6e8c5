"""The cultural events register: places and events.

An event is filed under the legal procedure in force on its filing date
(`cnvh.procedures`); the agencies that must give their view are chosen by
`ClearanceRule` rows (kind, expected attendance, venue), never by code. Every step of
the workflow (`cnvh.events.workflow`) is kept as a `Transition`, and every row's
history by simple-history.
"""

from datetime import date
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cnvh.calendar import lunar
from cnvh.estimates.models import in_language
from cnvh.plan.models import Agency, Task
from cnvh.procedures.models import EventKind, LegalProcedure
from cnvh.stats.scope import load_scope
from cnvh.stats.text import strip_accents

if TYPE_CHECKING:
    from cnvh.events.models.clearances import Transition

# The plan's own scope names the sectors an event serves.
SECTOR_SCOPE = "hanoi-plan"


def sector_choices() -> list[tuple[str, str]]:
    scope = load_scope(SECTOR_SCOPE)
    ordered = sorted(scope.sectors.items(), key=lambda item: item[1].order)
    return [(key, in_language(sector.title_vi, sector.title_en)) for key, sector in ordered]


# An event's kinds: those the procedures know (a banner is not an event), and others.
KIND_CHOICES = [(code, label) for code, label in EventKind.choices if code != EventKind.BANNER]
KIND_CHOICES.append(("other", _("Other")))


def searchable(text: str) -> str:
    """`text` as searched: without accents, lower case, single spaces."""
    return " ".join(strip_accents(text).casefold().split())


class Venue(models.Model):
    """A place events are held: the ward it lies in, and who manages it if it is a
    heritage site (whose view every event there needs)."""

    name = models.CharField(_("name"), max_length=255)
    ward = models.ForeignKey(
        Agency, models.PROTECT, related_name="venues", verbose_name=_("ward or commune")
    )
    address = models.CharField(_("address"), max_length=255)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    heritage_site = models.BooleanField(_("heritage site"), default=False)
    heritage_manager = models.ForeignKey(
        Agency,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="heritage_venues",
        verbose_name=_("heritage site manager"),
    )
    # Name and address without accents, lower case: a search typed with or without
    # Vietnamese accents finds the venue ("nha hat" finds "Nhà hát Lớn").
    search_text = models.TextField(_("searched text"), blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_text = searchable(f"{self.name} {self.address}")
        super().save(*args, **kwargs)

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class Status(models.TextChoices):
    FILED = "filed", _("Filed")
    INCOMPLETE = "incomplete", _("Incomplete file")
    RESUBMITTED = "resubmitted", _("Resubmitted")
    IN_CLEARANCE = "in_clearance", _("In clearance")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")
    DEEMED_ACCEPTED = "deemed_accepted", _("Deemed accepted (no answer in time)")
    PUBLISHED = "published", _("Published")
    HELD = "held", _("Held")
    REPORTED = "reported", _("Reported after the event")
    CLOSED = "closed", _("Closed")
    POSTPONED = "postponed", _("Postponed")
    SUSPENDED = "suspended", _("Suspended")
    CANCELLED = "cancelled", _("Cancelled")


# The statuses in which an event goes ahead (counted as held once past).
GOING_AHEAD = (Status.APPROVED, Status.DEEMED_ACCEPTED, Status.PUBLISHED)
HELD_STATUSES = (Status.HELD, Status.REPORTED, Status.CLOSED)
PUBLIC_STATUSES = (Status.PUBLISHED, Status.HELD, Status.REPORTED, Status.CLOSED)
# Stopped, with a reason, at any point before the report: the public still sees an event
# it was told of (the calendar and its feed say it is off), never one it was not.
CALLED_OFF = (Status.POSTPONED, Status.SUSPENDED, Status.CANCELLED)


class Event(models.Model):
    class OrganiserKind(models.TextChoices):
        AGENCY = "agency", _("An agency")
        ENTERPRISE = "enterprise", _("An enterprise")
        PERSON = "person", _("A person")

    title_vi = models.CharField(_("title (Vietnamese)"), max_length=255)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    kind = models.CharField(_("kind"), max_length=32, choices=KIND_CHOICES)
    sectors = models.JSONField(_("sectors"), default=list, blank=True)
    organiser_kind = models.CharField(
        _("organiser is"), max_length=16, choices=OrganiserKind.choices
    )
    organiser_agency = models.ForeignKey(
        Agency,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="organised_events",
        verbose_name=_("organising agency"),
    )
    organiser_tax_code = models.CharField(_("enterprise tax code"), max_length=14, blank=True)
    organiser_name = models.CharField(_("organiser's name"), max_length=255, blank=True)
    venue = models.ForeignKey(Venue, models.PROTECT, related_name="events", verbose_name=_("venue"))
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    # Daily hours, when the file gives them: two events at one venue on one day clash
    # only if their hours overlap (no hours: the whole day).
    starts_at = models.TimeField(_("daily from"), null=True, blank=True)
    ends_at = models.TimeField(_("daily until"), null=True, blank=True)
    city_wide = models.BooleanField(
        _("city-wide event"),
        default=False,
        help_text=_("Every event on the same days is flagged as clashing with it."),
    )
    # A festival held on a lunar date: its solar days follow from it each year.
    lunar_day = models.PositiveSmallIntegerField(_("lunar day"), null=True, blank=True)
    lunar_month = models.PositiveSmallIntegerField(_("lunar month"), null=True, blank=True)
    lunar_leap_month = models.BooleanField(_("leap lunar month"), default=False)
    recurs_yearly = models.BooleanField(_("held every year"), default=False)
    expected_attendance = models.PositiveIntegerField(_("expected attendance"))
    actual_attendance = models.PositiveIntegerField(_("actual attendance"), null=True, blank=True)
    budget = models.DecimalField(
        _("budget (VND)"), max_digits=18, decimal_places=0, null=True, blank=True
    )
    budget_sources = models.CharField(_("sources of the budget"), max_length=255, blank=True)
    task = models.ForeignKey(
        Task,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("plan task it serves"),
    )
    description_vi = models.TextField(_("public description (Vietnamese)"), blank=True)
    description_en = models.TextField(_("public description (English)"), blank=True)

    receiving_agency = models.ForeignKey(
        Agency,
        models.PROTECT,
        related_name="received_events",
        verbose_name=_("receiving authority"),
    )
    procedure = models.ForeignKey(
        LegalProcedure, models.PROTECT, related_name="events", verbose_name=_("procedure")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.FILED
    )
    filed_on = models.DateField(_("filing date"))
    filing_deadline = models.DateField(_("last day to file"))
    late_filing = models.BooleanField(_("filed late"), default=False)
    missing = models.TextField(_("what is missing"), blank=True)
    complete_on = models.DateField(_("file complete on"), null=True, blank=True)
    decision_due = models.DateField(_("decision due"), null=True, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=64, blank=True)
    decided_on = models.DateField(_("decision date"), null=True, blank=True)
    decision_reasons = models.TextField(_("reasons"), blank=True)
    report_note = models.TextField(_("report after the event"), blank=True)
    # RFC 5545 SEQUENCE: raised at every change a calendar subscriber should see.
    sequence = models.PositiveIntegerField(_("calendar revision"), default=0)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("filed by")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(starts_at__isnull=True)
                | Q(ends_at__isnull=True)
                | Q(ends_at__gt=models.F("starts_at")),
                name="event_hours_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_language(self.title_vi, self.title_en)

    @property
    def description(self) -> str:
        return in_language(self.description_vi, self.description_en)

    @property
    def organiser(self) -> str:
        if self.organiser_kind == self.OrganiserKind.AGENCY and self.organiser_agency:
            return self.organiser_agency.name
        return self.organiser_name

    @property
    def lunar_start(self) -> lunar.LunarDate:
        """The first day in the lunar calendar (shown beside the solar date)."""
        return lunar.to_lunar(self.starts_on)

    @property
    def lunar_start_shown(self) -> str:
        found = self.lunar_start
        return in_language(lunar.shown_vi(found), lunar.shown_en(found))

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days + 1

    @property
    def daily_attendance(self) -> int:
        """The expected attendance spread evenly over the event's days (rounded up)."""
        return -(-self.expected_attendance // self.days)

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES or (
            self.status in CALLED_OFF and self.published_on is not None
        )

    @property
    def called_off(self) -> bool:
        return self.status in CALLED_OFF

    def stopping_step(self) -> "Transition | None":
        """The step that brought the event to its present status: for a postponed,
        suspended or cancelled one, where it stopped and why."""
        return self.transitions.filter(to_status=self.status).order_by("-pk").first()

    def sector_labels(self) -> list[str]:
        names = dict(sector_choices())
        return [names.get(key, key) for key in self.sectors or []]

    def occurrence_in(self, year: int) -> date | None:
        """The first day of a yearly event in `year`: by its lunar date when it has one."""
        if not self.recurs_yearly:
            return self.starts_on if self.starts_on.year == year else None
        if self.lunar_day and self.lunar_month:
            # The lunar year starts in January or February: its last months may fall
            # in the next solar year, so the one that lands in `year` is looked for.
            for lunar_year in (year, year - 1):
                day = lunar.to_solar(
                    self.lunar_day, self.lunar_month, lunar_year, self.lunar_leap_month
                )
                if day.year == year:
                    return day
            return None
        return self.starts_on.replace(year=year)
