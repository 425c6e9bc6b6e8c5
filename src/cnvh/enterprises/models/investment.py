"""Investment projects and programmes of the cultural industries: who invests (an
enterprise of the register or an agency), the decisions that approve them, their
milestones, and the capital planned and disbursed each year from each source.

Every rule that refuses bad input is written once here, in `clean()`, so the pages, the
workflow and the demo all refuse the same things with the same message."""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cnvh.enterprises.models.register import Enterprise
from cnvh.enterprises.models.support import money
from cnvh.enterprises.sectors import PLAN_SCOPE, scope_sectors
from cnvh.enterprises.wards import ward_name, ward_names
from cnvh.language import pick
from cnvh.plan.models import Agency


class CapitalSource(models.TextChoices):
    CITY_BUDGET = "city_budget", _("City budget")
    CENTRAL_BUDGET = "central_budget", _("Central budget")
    PRIVATE = "private", _("Private capital")
    SOCIALISATION = "socialisation", _("Socialised contributions")
    ODA = "oda", _("ODA")
    PPP = "ppp", _("Public–private partnership (PPP)")
    FDI = "fdi", _("Foreign direct investment (FDI)")


class ProjectKind(models.TextChoices):
    PROJECT = "project", _("Project")
    PROGRAMME = "programme", _("Programme")


class ProjectStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    APPROVED = "approved", _("Approved")
    UNDER_WAY = "under_way", _("Under way")
    OPERATING = "operating", _("Operating")
    STALLED = "stalled", _("Stalled")
    CANCELLED = "cancelled", _("Cancelled")


def plan_sectors() -> set[str]:
    """The sectors of the plan's scope, which a project is filed under."""
    return {key for key, _vi, _en in scope_sectors(PLAN_SCOPE)}


def vnd(amount: Decimal | None) -> str:
    """An amount in a message, grouped the Vietnamese way whatever the page: the
    messages name VND, whose amounts are written so in every document."""
    return f"{amount or 0:,.0f}".replace(",", ".")


class InvestmentProject(models.Model):
    # The managing agency's own code for the project: a workbook's rows name their
    # project by it, so importing the file again updates the project.
    code = models.CharField(
        _("project code"),
        max_length=32,
        blank=True,
        help_text=_("The code the managing agency gives the project, e.g. DA-2025-014."),
    )
    name_vi = models.CharField(_("name (Vietnamese)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    kind = models.CharField(
        _("kind"), max_length=12, choices=ProjectKind.choices, default=ProjectKind.PROJECT
    )
    managing_agency = models.ForeignKey(
        Agency,
        models.PROTECT,
        related_name="managed_projects",
        verbose_name=_("managing agency"),
        help_text=_("The agency that follows the project; its officers keep its records."),
    )
    investor_enterprise = models.ForeignKey(
        Enterprise,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="investment_projects",
        verbose_name=_("investor (enterprise)"),
    )
    investor_agency = models.ForeignKey(
        Agency,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="invested_projects",
        verbose_name=_("investor (agency)"),
    )
    sector = models.CharField(_("sector"), max_length=64, blank=True)
    ward_code = models.CharField(_("ward or commune"), max_length=5, blank=True)
    location = models.CharField(_("location"), max_length=255, blank=True)
    total_capital = money(_("total investment (VND)"))
    principle_decision_number = models.CharField(
        _("decision in principle: number"), max_length=64, blank=True
    )
    principle_decided_on = models.DateField(_("decision in principle: date"), null=True, blank=True)
    investment_decision_number = models.CharField(
        _("decision of investment: number"), max_length=64, blank=True
    )
    investment_decided_on = models.DateField(
        _("decision of investment: date"), null=True, blank=True
    )
    starts_on = models.DateField(_("planned start"), null=True, blank=True)
    ends_on = models.DateField(_("planned completion"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ProjectStatus.choices, default=ProjectStatus.PROPOSED
    )
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("investment project")
        verbose_name_plural = _("investment projects")
        ordering = ["name_vi", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(investor_enterprise__isnull=True, investor_agency__isnull=False)
                | Q(investor_enterprise__isnull=False, investor_agency__isnull=True),
                name="project_one_investor",
            ),
            models.CheckConstraint(
                condition=Q(total_capital__gte=0), name="project_total_not_negative"
            ),
            models.UniqueConstraint(
                fields=["code"], condition=~Q(code=""), name="project_code_once"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return pick(self.name_vi, self.name_en)

    @property
    def investor(self) -> Enterprise | Agency | None:
        return self.investor_enterprise or self.investor_agency

    @property
    def ward(self) -> str:
        return ward_name(self.ward_code) if self.ward_code else ""

    def planned(self) -> Decimal:
        return self.capital.aggregate(total=Sum("planned"))["total"] or Decimal(0)

    def disbursed(self) -> Decimal:
        return self.capital.aggregate(total=Sum("disbursed"))["total"] or Decimal(0)

    def clean(self) -> None:
        errors: dict[str, object] = {}
        if self.code:
            self.code = self.code.strip()
            if InvestmentProject.objects.filter(code=self.code).exclude(pk=self.pk).exists():
                errors["code"] = _(
                    "Project code: %(code)s is already the code of another project."
                    " Give this project its own code."
                ) % {"code": self.code}
        if (self.investor_enterprise_id is None) == (self.investor_agency_id is None):
            errors["investor_enterprise"] = _(
                "Investor: name one investor, an enterprise by its tax code or an agency, not both."
            )
        for kind, number, day in (
            (_("decision in principle"), "principle_decision_number", "principle_decided_on"),
            (_("decision of investment"), "investment_decision_number", "investment_decided_on"),
        ):
            if bool(getattr(self, number).strip()) != bool(getattr(self, day)):
                errors[day] = _("The %(kind)s has both its number and its date.") % {"kind": kind}
        principle, investment = self.principle_decided_on, self.investment_decided_on
        if principle and investment and investment < principle:
            errors["investment_decided_on"] = _(
                "Decision of investment: dated %(investment)s, before the decision in"
                " principle of %(principle)s. Correct either date."
            ) % {"investment": f"{investment:%d/%m/%Y}", "principle": f"{principle:%d/%m/%Y}"}
        if self.sector and self.sector not in plan_sectors():
            errors["sector"] = _("Sector: “%(sector)s” is not a sector of the plan.") % {
                "sector": self.sector
            }
        if self.ward_code and self.ward_code not in ward_names():
            errors["ward_code"] = _(
                "Ward or commune: no unit of today's Hanoi has the code %(code)s."
            ) % {"code": self.ward_code}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _(
                "Planned completion: %(end)s is before the planned start %(start)s."
            ) % {"end": f"{self.ends_on:%d/%m/%Y}", "start": f"{self.starts_on:%d/%m/%Y}"}
        if self.pk and self.total_capital is not None and self.planned() > self.total_capital:
            errors["total_capital"] = _(
                "Total investment: the capital planned for all years and sources is"
                " %(planned)s VND, above this total. Lower the planned capital first."
            ) % {"planned": vnd(self.planned())}
        if errors:
            raise ValidationError(errors)


class CapitalLine(models.Model):
    """The capital planned for one year from one source, and how much of it was
    disbursed: what the indicators add up."""

    project = models.ForeignKey(InvestmentProject, models.CASCADE, related_name="capital")
    year = models.PositiveSmallIntegerField(_("year"))
    source = models.CharField(_("capital source"), max_length=16, choices=CapitalSource.choices)
    planned = money(_("planned (VND)"))
    disbursed = models.DecimalField(
        _("disbursed (VND)"), max_digits=18, decimal_places=0, default=Decimal(0)
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("capital of a year and source")
        verbose_name_plural = _("capital by year and source")
        ordering = ["year", "source"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "year", "source"], name="capital_year_source_once"
            ),
            models.CheckConstraint(
                condition=Q(disbursed__gte=0)
                & Q(planned__gte=0)
                & Q(disbursed__lte=models.F("planned")),
                name="capital_disbursed_within_planned",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project_id} {self.year} {self.source}"

    def clean(self) -> None:
        errors: dict[str, object] = {}
        if self.disbursed and self.planned is not None and self.disbursed > self.planned:
            errors["disbursed"] = _(
                "Disbursed: %(disbursed)s VND is above the %(planned)s VND planned from this"
                " source in %(year)s. Raise the planned amount or correct the disbursement."
            ) % {
                "disbursed": vnd(self.disbursed),
                "planned": vnd(self.planned),
                "year": self.year,
            }
        elif self.disbursed and self.project.status == ProjectStatus.PROPOSED:
            errors["disbursed"] = _(
                "Disbursed: a proposed project has no capital paid out yet. Record its"
                " approval first."
            )
        others = self.project.capital.exclude(pk=self.pk).aggregate(total=Sum("planned"))
        planned = (others["total"] or Decimal(0)) + (self.planned or Decimal(0))
        total = self.project.total_capital
        if total is not None and planned > total:
            errors["planned"] = _(
                "Planned: with this amount the project's capital of all years and sources"
                " would be %(planned)s VND, above its total investment of %(total)s VND."
            ) % {"planned": vnd(planned), "total": vnd(total)}
        if errors:
            raise ValidationError(errors)


class Milestone(models.Model):
    project = models.ForeignKey(InvestmentProject, models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=255)
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.title

    def late_on(self, day: date) -> bool:
        """Due before `day` and not done by then."""
        return self.due_on < day and (self.done_on is None or self.done_on > day)

    def clean(self) -> None:
        if self.done_on and self.done_on > timezone.localdate():
            raise ValidationError(
                {
                    "done_on": _("Done on: %(day)s has not come yet.")
                    % {"day": f"{self.done_on:%d/%m/%Y}"}
                }
            )


class StatusChange(models.Model):
    """A step of the project's workflow, dated as it happened: the project's status on
    any day is the last step up to that day."""

    project = models.ForeignKey(InvestmentProject, models.CASCADE, related_name="steps")
    status = models.CharField(_("status"), max_length=12, choices=ProjectStatus.choices)
    on = models.DateField(_("date"))
    reason = models.TextField(_("reason"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("status change of a project")
        verbose_name_plural = _("status changes of projects")
        ordering = ["on", "pk"]

    def __str__(self) -> str:
        return f"{self.project_id} {self.status} {self.on:%d/%m/%Y}"
