"""The cultural events register: places, events and the clearances the agencies give.

An event is filed under the legal procedure in force on its filing date
(`cnvh.procedures`); the agencies that must give their view are chosen by
`ClearanceRule` rows (kind, expected attendance, venue), never by code. Every step of
the workflow (`cnvh.events.workflow`) is kept as a `Transition`, and every row's
history by simple-history.
"""

from datetime import date

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

# The plan's own scope names the sectors an event serves.
SECTOR_SCOPE = "hanoi-plan"


def sector_choices() -> list[tuple[str, str]]:
    scope = load_scope(SECTOR_SCOPE)
    ordered = sorted(scope.sectors.items(), key=lambda item: item[1].order)
    return [(key, in_language(sector.title_vi, sector.title_en)) for key, sector in ordered]


# An event's kinds: those the procedures know (a banner is not an event), and others.
KIND_CHOICES = [(code, label) for code, label in EventKind.choices if code != EventKind.BANNER]
KIND_CHOICES.append(("other", _("Other")))


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
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


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


# The statuses in which an event goes ahead (counted as held once past).
GOING_AHEAD = (Status.APPROVED, Status.DEEMED_ACCEPTED, Status.PUBLISHED)
HELD_STATUSES = (Status.HELD, Status.REPORTED)
PUBLIC_STATUSES = (Status.PUBLISHED, Status.HELD, Status.REPORTED)


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
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

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
