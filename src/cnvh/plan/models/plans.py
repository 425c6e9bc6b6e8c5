"""Legal documents, the plan, its content groups and its tasks."""

from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cnvh.estimates.models import in_language
from cnvh.plan.models.agencies import Agency


class LegalDocument(models.Model):
    class Kind(models.TextChoices):
        RESOLUTION = "resolution", _("Resolution")
        PLAN = "plan", _("Plan")
        DECISION = "decision", _("Decision")
        DIRECTIVE = "directive", _("Directive")
        DECREE = "decree", _("Decree")
        OTHER = "other", _("Other document")

    number = models.CharField(_("number"), max_length=64, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=500)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    issuer = models.ForeignKey(
        Agency, models.PROTECT, null=True, blank=True, verbose_name=_("issued by")
    )
    issuer_name = models.CharField(_("issuer (if not an agency here)"), max_length=255, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    implements = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, verbose_name=_("implements")
    )
    summary_vi = models.TextField(_("summary (Vietnamese)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    assumption = models.TextField(
        _("demo assumption"), blank=True, help_text=_("What in this record is assumed.")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")
        ordering = ["issued_on", "number"]

    def __str__(self) -> str:
        return self.number

    @property
    def title(self) -> str:
        return in_language(self.title_vi, self.title_en)


class Plan(models.Model):
    code = models.SlugField(_("code"), max_length=32, unique=True)
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=500)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    document = models.ForeignKey(
        LegalDocument, models.PROTECT, null=True, blank=True, verbose_name=_("document")
    )
    owner = models.ForeignKey(Agency, models.PROTECT, verbose_name=_("coordinating agency"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    objectives_vi = models.TextField(_("objectives (Vietnamese)"), blank=True)
    objectives_en = models.TextField(_("objectives (English)"), blank=True)
    assumption = models.TextField(_("demo assumption"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-starts_on"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return in_language(self.title_vi, self.title_en)

    @property
    def objectives(self) -> str:
        return in_language(self.objectives_vi, self.objectives_en)


class ContentGroup(models.Model):
    plan = models.ForeignKey(Plan, models.CASCADE, related_name="groups", verbose_name=_("plan"))
    number = models.PositiveSmallIntegerField(_("number"))
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=500)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("content group")
        verbose_name_plural = _("content groups")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="group_unique_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def title(self) -> str:
        return in_language(self.title_vi, self.title_en)


def is_overdue(status: str, due_on: date, today: date) -> bool:
    """A task is overdue when it is not completed and was due before `today`: the one
    definition, for a task as it stands (`Task.is_overdue`, `TaskQuerySet.overdue`)
    and as it stood at a period's end (the periodic report)."""
    return status != Task.Status.COMPLETED and due_on < today


class TaskQuerySet(models.QuerySet["Task"]):
    def overdue(self, today: date) -> "TaskQuerySet":
        """The tasks `is_overdue` on `today`, asked of the database."""
        return self.exclude(status=Task.Status.COMPLETED).filter(due_on__lt=today)


class Task(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        SUSPENDED = "suspended", _("Suspended")

    class Frequency(models.TextChoices):
        QUARTER = "quarter", _("Quarterly")
        HALF = "half", _("Half-yearly")
        YEAR = "year", _("Yearly")

    group = models.ForeignKey(
        ContentGroup, models.PROTECT, related_name="tasks", verbose_name=_("content group")
    )
    code = models.CharField(_("code"), max_length=16)
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=500)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    description_vi = models.TextField(_("description (Vietnamese)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    lead_agency = models.ForeignKey(
        Agency, models.PROTECT, related_name="led_tasks", verbose_name=_("lead agency")
    )
    coordinating_agencies = models.ManyToManyField(
        Agency,
        blank=True,
        related_name="coordinated_tasks",
        verbose_name=_("coordinating agencies"),
    )
    starts_on = models.DateField(_("starts on"))
    due_on = models.DateField(_("due on"))
    expected_output_vi = models.TextField(_("expected output (Vietnamese)"), blank=True)
    expected_output_en = models.TextField(_("expected output (English)"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.NOT_STARTED
    )
    # Set from the latest approved report; never typed in directly.
    percent_done = models.PositiveSmallIntegerField(_("percent done"), default=0)
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    frequency = models.CharField(
        _("reporting frequency"), max_length=8, choices=Frequency.choices, default=Frequency.QUARTER
    )
    indicators = models.ManyToManyField(
        "plan.Indicator", blank=True, related_name="tasks", verbose_name=_("indicators")
    )
    assumption = models.TextField(_("demo assumption"), blank=True)
    history = HistoricalRecords(m2m_fields=[coordinating_agencies])

    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["group__number", "code"]
        constraints = [models.UniqueConstraint(fields=["group", "code"], name="task_unique_code")]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def title(self) -> str:
        return in_language(self.title_vi, self.title_en)

    @property
    def description(self) -> str:
        return in_language(self.description_vi, self.description_en)

    @property
    def expected_output(self) -> str:
        return in_language(self.expected_output_vi, self.expected_output_en)

    def is_overdue(self, today: date | None = None) -> bool:
        return is_overdue(self.status, self.due_on, today or date.today())

    def agencies(self) -> list[Agency]:
        return [self.lead_agency, *self.coordinating_agencies.all()]
