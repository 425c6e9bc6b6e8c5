"""Nomination rounds and the assessment of their nominations.

A round assesses on one version of a rubric, fixed when the round is made: a rubric
in use is never edited (a new version is made instead), so a round is always read
with the weights it was scored on. Scores are typed by council members; the weighted
score and the ranking are computed (`cnvh.brightspots.ranking`), never stored.
"""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cnvh.brightspots.models.spots import BrightSpot, Level
from cnvh.estimates.models import in_language
from cnvh.plan.models import Agency

# The scales a rubric may score on (0 to the top score); ten unless the rubric says.
SCALES = (5, 10, 100)


class Rubric(models.Model):
    """One version of the assessment rubric; its criteria's weights sum to 1."""

    code = models.SlugField(_("code"), max_length=32)
    version = models.PositiveSmallIntegerField(_("version"))
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    adopted_on = models.DateField(_("adopted on"))
    top_score = models.PositiveSmallIntegerField(
        _("scale"),
        choices=[(top, f"0–{top}") for top in SCALES],
        default=10,
        help_text=_("Each criterion is scored from 0 to this number."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rubric")
        verbose_name_plural = _("rubrics")
        ordering = ["code", "version"]
        constraints = [
            models.UniqueConstraint(fields=["code", "version"], name="rubric_unique_version")
        ]

    def __str__(self) -> str:
        return f"{self.name} v{self.version}"

    @property
    def name(self) -> str:
        return in_language(self.name_vi, self.name_en)

    @property
    def in_use(self) -> bool:
        return self.rounds.exists()

    def check_weights(self) -> None:
        total = sum((criterion.weight for criterion in self.criteria.all()), Decimal(0))
        if total != 1:
            raise ValidationError(
                _(
                    "The weights of rubric %(rubric)s sum to %(total)s: they must sum to 1."
                    " Change the weights before using it."
                )
                % {"rubric": self, "total": total.normalize()}
            )


class Criterion(models.Model):
    rubric = models.ForeignKey(
        Rubric, models.CASCADE, related_name="criteria", verbose_name=_("rubric")
    )
    position = models.PositiveSmallIntegerField(_("position"))
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    guidance_vi = models.TextField(_("guidance (Vietnamese)"), blank=True)
    guidance_en = models.TextField(_("guidance (English)"), blank=True)
    weight = models.DecimalField(
        _("weight"),
        max_digits=5,
        decimal_places=4,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(1))],
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["rubric", "position"]
        constraints = [
            models.UniqueConstraint(fields=["rubric", "position"], name="criterion_unique_position")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_language(self.name_vi, self.name_en)

    @property
    def guidance(self) -> str:
        return in_language(self.guidance_vi, self.guidance_en)

    def clean(self) -> None:
        if self.rubric_id and self.rubric.in_use:
            raise ValidationError(
                _("This rubric version is used by a round: make a new version to change it.")
            )


class Round(models.Model):
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    opens_on = models.DateField(_("nominations open on"))
    closes_on = models.DateField(_("nominations close on"))
    nominator_kinds = models.JSONField(
        _("who may nominate"),
        default=list,
        help_text=_("Officers and leaders of agencies of these kinds may nominate."),
    )
    rubric = models.ForeignKey(
        Rubric, models.PROTECT, related_name="rounds", verbose_name=_("rubric")
    )
    council = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="CouncilSeat",
        related_name="council_rounds",
        verbose_name=_("council"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nomination round")
        verbose_name_plural = _("nomination rounds")
        ordering = ["-opens_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")), name="round_dates"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_language(self.name_vi, self.name_en)

    def is_open(self, day: date | None = None) -> bool:
        today = day or timezone.localdate()
        return self.opens_on <= today <= self.closes_on

    def clean(self) -> None:
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError(
                {"closes_on": _("The round closes before it opens: check both dates.")}
            )
        unknown = sorted(set(self.nominator_kinds or []) - set(Agency.Kind.values))
        if unknown:
            raise ValidationError({"nominator_kinds": _("Unknown kinds of agency.")})


class CouncilSeat(models.Model):
    """A member of a round's assessment council."""

    round = models.ForeignKey(Round, models.CASCADE, related_name="seats")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    chairs = models.BooleanField(_("chairs the council"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("council seat")
        verbose_name_plural = _("council seats")
        constraints = [
            models.UniqueConstraint(fields=["round", "member"], name="council_unique_member")
        ]

    def __str__(self) -> str:
        return f"{self.round}: {self.member}"


class Nomination(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        SCREENED_IN = "screened_in", _("Admitted for assessment")
        SCREENED_OUT = "screened_out", _("Not admitted")
        RECOGNISED = "recognised", _("Recognised")
        REJECTED = "rejected", _("Rejected")

    round = models.ForeignKey(
        Round, models.PROTECT, related_name="nominations", verbose_name=_("round")
    )
    spot = models.ForeignKey(
        BrightSpot, models.PROTECT, related_name="nominations", verbose_name=_("model")
    )
    agency = models.ForeignKey(
        Agency, models.PROTECT, related_name="+", verbose_name=_("nominating agency")
    )
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("nominated by")
    )
    submitted_at = models.DateTimeField(_("submitted at"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SUBMITTED
    )
    screening_note = models.TextField(_("screening note"), blank=True)
    site_visit_on = models.DateField(_("site visit"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["round", "submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "spot"], name="nomination_once_per_round")
        ]

    def __str__(self) -> str:
        return f"{self.spot} ({self.round})"


class Score(models.Model):
    """One council member's score of one criterion for one nomination, on the scale of
    the criterion's rubric."""

    nomination = models.ForeignKey(
        Nomination, models.CASCADE, related_name="scores", verbose_name=_("nomination")
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("member")
    )
    criterion = models.ForeignKey(
        Criterion, models.PROTECT, related_name="+", verbose_name=_("criterion")
    )
    score = models.DecimalField(
        _("score"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(max(SCALES)))],
    )
    comment = models.TextField(_("comment"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["nomination", "member", "criterion__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["nomination", "member", "criterion"], name="score_once_per_criterion"
            )
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"

    def clean(self) -> None:
        top = self.criterion.rubric.top_score if self.criterion_id else None
        if top is not None and self.score is not None and self.score > top:
            raise ValidationError(
                {
                    "score": _("%(criterion)s: score from 0 to %(top)s, the rubric's scale.")
                    % {"criterion": self.criterion, "top": top}
                }
            )


def evidence_path(instance: "EvidenceFile", filename: str) -> str:
    # Our own name from the nomination and the content, never the uploader's.
    return f"brightspots/{instance.nomination_id}/{instance.sha256}{instance.extension}"


class EvidenceFile(models.Model):
    nomination = models.ForeignKey(
        Nomination, models.CASCADE, related_name="evidence", verbose_name=_("nomination")
    )
    file = models.FileField(_("file"), upload_to=evidence_path)
    original_name = models.CharField(_("file name"), max_length=255)
    extension = models.CharField(max_length=8)
    size = models.PositiveIntegerField(_("size"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["nomination", "uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.original_name


class Decision(models.Model):
    """The decision on a nomination: recognised (with its level and validity), or
    rejected with its reasons."""

    class Outcome(models.TextChoices):
        RECOGNISED = "recognised", _("Recognised")
        REJECTED = "rejected", _("Rejected")

    nomination = models.OneToOneField(
        Nomination, models.PROTECT, related_name="decision", verbose_name=_("nomination")
    )
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices)
    number = models.CharField(_("decision number"), max_length=64, blank=True)
    decided_on = models.DateField(_("decision date"))
    level = models.CharField(_("level"), max_length=16, choices=Level.choices, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    reasons = models.TextField(_("reasons"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["decided_on", "pk"]

    def __str__(self) -> str:
        return f"{self.number or self.get_outcome_display()} ({self.decided_on:%d/%m/%Y})"
