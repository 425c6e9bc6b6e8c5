"""Legal procedures with their windows, and the government's announced day swaps."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cnvh.estimates.models import in_language
from cnvh.plan.models import LegalDocument


class EventKind(models.TextChoices):
    """The kinds of event a procedure may apply to: codes shared with the events register."""

    PERFORMANCE = "performance", _("Performance")
    FESTIVAL = "festival", _("Festival")
    ARTS_CONTEST = "arts_contest", _("Performing-arts contest or festival")
    EXHIBITION = "exhibition", _("Exhibition")
    FAIR = "fair", _("Fair")
    FILM_SCREENING = "film_screening", _("Film screening")
    FASHION_SHOW = "fashion_show", _("Fashion show")
    LIGHT_FESTIVAL = "light_festival", _("Light festival")
    BOOK_FAIR = "book_fair", _("Book fair")
    BANNER = "banner", _("Outdoor banner")


class DayUnit(models.TextChoices):
    CALENDAR = "calendar", _("calendar days")
    WORKING = "working", _("working days")


class LegalProcedure(models.Model):
    """One version of a legal procedure: a row per period in force, so that a record
    is judged by the version in force on its filing date."""

    class Level(models.TextChoices):
        CITY = "city", _("City")
        # District-level authorities decided until the 2025 reform (Decree 137/2025/NĐ-CP).
        DISTRICT = "district", _("District (until 30 June 2025)")
        COMMUNE = "commune", _("Commune or ward")

    code = models.SlugField(_("code"), max_length=64)
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255)
    legal_document = models.ForeignKey(
        LegalDocument, models.PROTECT, related_name="procedures", verbose_name=_("legal basis")
    )
    article = models.CharField(_("article"), max_length=64, blank=True)
    applies_to = models.JSONField(
        _("applies to"), default=list, help_text=_("The kinds of event it applies to.")
    )
    lead_time = models.PositiveSmallIntegerField(
        _("lead time"), help_text=_("How long before the event the file must reach the authority.")
    )
    lead_time_unit = models.CharField(
        _("lead time unit"), max_length=16, choices=DayUnit.choices, default=DayUnit.WORKING
    )
    answer_time = models.PositiveSmallIntegerField(
        _("answer time"), help_text=_("How long after filing the authority must answer.")
    )
    answer_time_unit = models.CharField(
        _("answer time unit"), max_length=16, choices=DayUnit.choices, default=DayUnit.WORKING
    )
    silence_is_consent = models.BooleanField(
        _("silence is consent"),
        default=False,
        help_text=_("No answer within the answer time lets the organiser go ahead."),
    )
    deciding_level = models.CharField(_("deciding level"), max_length=16, choices=Level.choices)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(
        _("valid to"), null=True, blank=True, help_text=_("Empty: still in force.")
    )
    unconfirmed = models.BooleanField(
        _("unconfirmed"),
        default=False,
        help_text=_("A fact here could not be checked against the legal text."),
    )
    unconfirmed_note = models.TextField(_("what is unconfirmed"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("legal procedure")
        verbose_name_plural = _("legal procedures")
        ordering = ["code", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="procedure_unique_version"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="procedure_valid_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} ({self.valid_from:%d/%m/%Y})"

    @property
    def name(self) -> str:
        return in_language(self.name_vi, self.name_en)

    def in_force_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def clean(self) -> None:
        if self.valid_from is None or not self.code:
            return  # the field's own error says what to type; nothing to compare yet
        if self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError(
                {"valid_to": _("The end of validity is before its start: check both dates.")}
            )
        unknown = sorted(set(self.applies_to or []) - set(EventKind.values))
        if unknown:
            raise ValidationError(
                {
                    "applies_to": _("Unknown kinds of event: %(kinds)s.")
                    % {"kinds": ", ".join(unknown)}
                }
            )
        self._refuse_overlap()

    def _refuse_overlap(self) -> None:
        """Two versions of one procedure in force on the same day would make the rule
        of a filing ambiguous."""
        others = LegalProcedure.objects.filter(code=self.code).exclude(pk=self.pk)
        if self.valid_to is not None:
            others = others.filter(valid_from__lte=self.valid_to)
        others = others.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=self.valid_from))
        if others.exists():
            raise ValidationError(
                _(
                    "Another version of procedure %(code)s is in force during these dates:"
                    " end it before this one starts."
                )
                % {"code": self.code}
            )


class CalendarAdjustment(models.Model):
    """A day the government made a day off, or a working day, for a given year."""

    class Kind(models.TextChoices):
        DAY_OFF = "day_off", _("extra day off")
        WORKING_DAY = "working_day", _("working day")

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    reason_vi = models.CharField(_("reason (Vietnamese)"), max_length=255)
    reason_en = models.CharField(_("reason (English)"), max_length=255, blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=255, blank=True)
    unconfirmed = models.BooleanField(_("unconfirmed"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("day swap")
        verbose_name_plural = _("day swaps")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.get_kind_display()}"

    @property
    def reason(self) -> str:
        return in_language(self.reason_vi, self.reason_en)
