"""A model or bright spot, what it achieved year by year, and where it was taken up.

A model is hosted by an agency, an enterprise (one identity: its tax code), an
organisation or a person. Its recognition comes from a decision on a nomination
(`rounds`); its status here is set only by the workflow, which keeps the history.
"""

from functools import cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from stdnum.exceptions import ValidationError as NumberError
from stdnum.vn import mst

from cnvh.estimates.models import in_language
from cnvh.plan.limits import check_year
from cnvh.plan.models import Agency, Task
from cnvh.stats.scope import load_scope

# The plan's own sectors: a model belongs to one of them.
SECTOR_SCOPE = "hanoi-plan"


@cache
def _sectors() -> tuple[tuple[str, str, str], ...]:
    scope = load_scope(SECTOR_SCOPE)
    ordered = sorted(scope.sectors.items(), key=lambda item: item[1].order)
    return tuple((key, sector.title_vi, sector.title_en) for key, sector in ordered)


def sector_choices() -> list[tuple[str, str]]:
    return [(key, in_language(vi, en)) for key, vi, en in _sectors()]


def sector_title(key: str) -> str:
    return dict(sector_choices()).get(key, key)


class Level(models.TextChoices):
    """The levels the plan names for its models."""

    CITY = "city", _("City")
    DEPARTMENT = "department", _("Department or branch")
    WARD = "ward", _("Ward or commune")
    ENTERPRISE = "enterprise", _("Enterprise")
    ORGANISATION = "organisation", _("Organisation")
    INDIVIDUAL = "individual", _("Individual")


class BrightSpot(models.Model):
    class HostKind(models.TextChoices):
        AGENCY = "agency", _("Agency")
        ENTERPRISE = "enterprise", _("Enterprise")
        ORGANISATION = "organisation", _("Organisation")
        PERSON = "person", _("Person")

    class Status(models.TextChoices):
        NOMINATED = "nominated", _("Nominated")
        RECOGNISED = "recognised", _("Recognised")
        NOT_RECOGNISED = "not_recognised", _("Not recognised")
        REVOKED = "revoked", _("Recognition revoked")

    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    sector = models.CharField(_("sector"), max_length=64)
    host_kind = models.CharField(_("host"), max_length=16, choices=HostKind.choices)
    host_agency = models.ForeignKey(
        Agency,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_models",
        verbose_name=_("host agency"),
    )
    host_tax_code = models.CharField(
        _("host's tax code"),
        max_length=14,
        blank=True,
        help_text=_("Enterprise code (tax code): 10 digits, or 13 for a branch."),
    )
    host_name = models.CharField(
        _("host's name"),
        max_length=255,
        blank=True,
        help_text=_("Enterprise, organisation or person."),
    )
    ward = models.ForeignKey(
        Agency,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="models_in_ward",
        limit_choices_to={"kind__in": [Agency.Kind.WARD, Agency.Kind.COMMUNE]},
        verbose_name=_("ward or commune"),
    )
    start_year = models.PositiveSmallIntegerField(_("start year"), validators=[check_year])
    task = models.ForeignKey(
        Task,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="bright_spots",
        verbose_name=_("plan task"),
    )
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.NOMINATED
    )
    recognised_until = models.DateField(_("recognised until"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("created by")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("model or bright spot")
        verbose_name_plural = _("models and bright spots")
        ordering = ["name_vi", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_language(self.name_vi, self.name_en)

    @property
    def sector_title(self) -> str:
        return sector_title(self.sector)

    @property
    def host(self) -> str:
        if self.host_kind == self.HostKind.AGENCY and self.host_agency:
            return self.host_agency.name
        return self.host_name

    def clean(self) -> None:
        if self.sector and self.sector not in dict(sector_choices()):
            raise ValidationError({"sector": _("Choose one of the plan's sectors.")})
        self._check_host()

    def _check_host(self) -> None:
        if self.host_kind == self.HostKind.AGENCY:
            if self.host_agency_id is None:
                raise ValidationError({"host_agency": _("Choose the agency that hosts the model.")})
            return
        if not self.host_name.strip():
            raise ValidationError({"host_name": _("Write the host's name.")})
        if self.host_kind == self.HostKind.ENTERPRISE:
            try:
                self.host_tax_code = mst.validate(self.host_tax_code)
            except NumberError as error:
                raise ValidationError(
                    {
                        "host_tax_code": _(
                            "%(code)s is not a valid enterprise code: write its 10 digits"
                            " (or 13 for a branch) as on the business registration."
                        )
                        % {"code": self.host_tax_code or "—"}
                    }
                ) from error


class Result(models.Model):
    """A measurable result of a model in a year, as its host reported it."""

    spot = models.ForeignKey(
        BrightSpot, models.CASCADE, related_name="results", verbose_name=_("model")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=[check_year])
    indicator = models.CharField(_("indicator"), max_length=255)
    unit = models.CharField(_("unit"), max_length=32)
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=4)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")
        ordering = ["spot", "year", "indicator"]
        constraints = [
            models.UniqueConstraint(
                fields=["spot", "year", "indicator"], name="brightspot_result_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}: {self.value} {self.unit}"


class Replication(models.Model):
    """A model taken up elsewhere: in a ward or by an agency."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        UNDER_WAY = "under_way", _("Under way")
        IN_PLACE = "in_place", _("In place")
        STOPPED = "stopped", _("Stopped")

    spot = models.ForeignKey(
        BrightSpot, models.CASCADE, related_name="replications", verbose_name=_("model")
    )
    target = models.ForeignKey(
        Agency, models.PROTECT, related_name="replications", verbose_name=_("taken up by")
    )
    started_on = models.DateField(_("started on"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    results = models.TextField(_("results"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("replication")
        verbose_name_plural = _("replications")
        ordering = ["spot", "started_on", "pk"]

    def __str__(self) -> str:
        return f"{self.spot} → {self.target}"


class FollowUp(models.Model):
    """What happened to a recognition after it was granted: re-assessed, extended or
    revoked, each by its own decision."""

    class Kind(models.TextChoices):
        REASSESSED = "reassessed", _("Re-assessed")
        EXTENDED = "extended", _("Extended")
        REVOKED = "revoked", _("Revoked")

    spot = models.ForeignKey(
        BrightSpot, models.CASCADE, related_name="follow_ups", verbose_name=_("model")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    number = models.CharField(_("decision number"), max_length=64)
    decided_on = models.DateField(_("decision date"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    reasons = models.TextField(_("reasons"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("follow-up decision")
        verbose_name_plural = _("follow-up decisions")
        ordering = ["spot", "decided_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}"
