"""The coordinator's pages: legal procedures (each version with its dates) and the
working-day calendar with the government's announced day swaps. Members of the plan
read them; coordinators edit them. Every save is kept in the records' history."""

from dataclasses import dataclass
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cnvh.calendar import holidays
from cnvh.language import pick
from cnvh.plan.permissions import require
from cnvh.procedures.deadlines import working_calendar
from cnvh.procedures.forms import CalendarAdjustmentForm, LegalProcedureForm, YearForm
from cnvh.procedures.models import CalendarAdjustment, LegalProcedure

# The latest changes of a year's day swaps shown under its table.
CHANGES_SHOWN = 30


@require_GET
@login_required
def procedure_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "procedures.view_procedures")
    procedures = LegalProcedure.objects.select_related("legal_document")
    context = {
        "procedures": procedures,
        "can_edit": request.user.has_perm("procedures.change_procedures"),
    }
    return render(request, "procedures/procedure_list.html", context)


@dataclass(frozen=True)
class DayRow:
    """A day of the year's table: a day off by law, or an announced change."""

    day: date
    name_vi: str
    name_en: str
    working: bool
    swap: CalendarAdjustment | None = None

    @property
    def name(self) -> str:
        return pick(self.name_vi, self.name_en)


def _days_off(year: int, adjustments: QuerySet[CalendarAdjustment]) -> list[DayRow]:
    """The year's days off by the law and by announcement, and the days made working
    days, in date order: what the working calendar counts."""
    calendar = working_calendar()
    by_law = [
        DayRow(holiday.day, holiday.name_vi, holiday.name_en, calendar.is_working_day(holiday.day))
        for holiday in holidays.days_off(year).values()
        if holiday.day.year == year
    ]
    announced = [
        DayRow(swap.date, swap.reason_vi, swap.reason_en, calendar.is_working_day(swap.date), swap)
        for swap in adjustments
    ]
    return sorted(by_law + announced, key=lambda row: (row.day, row.swap is not None))


@require_GET
@login_required
def working_days(request: HttpRequest) -> HttpResponse:
    require(request.user, "procedures.view_procedures")
    form = YearForm(request.GET or None)
    year = timezone.localdate().year
    if form.is_valid() and form.cleaned_data["year"]:
        year = form.cleaned_data["year"]
    adjustments = CalendarAdjustment.objects.filter(date__year=year)
    changes = CalendarAdjustment.history.filter(date__year=year).select_related("history_user")
    context = {
        "changes": changes.order_by("-history_date")[:CHANGES_SHOWN],
        "form": form,
        "year": year,
        "rows": _days_off(year, adjustments),
        "working_count": working_calendar().working_days_between(
            date(year - 1, 12, 31), date(year, 12, 31)
        ),
        "can_edit": request.user.has_perm("procedures.change_procedures"),
    }
    return render(request, "procedures/working_days.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def procedure_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    procedure = get_object_or_404(LegalProcedure, pk=pk) if pk else None
    require(request.user, "procedures.change_procedures", procedure)
    form = LegalProcedureForm(request.POST or None, instance=procedure)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The procedure is saved."))
        return redirect("procedures-list")
    context = {"form": form, "procedure": procedure}
    return render(request, "procedures/procedure_form.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def adjustment_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    swap = get_object_or_404(CalendarAdjustment, pk=pk) if pk else None
    require(request.user, "procedures.change_procedures", swap)
    form = CalendarAdjustmentForm(request.POST or None, instance=swap)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, _("The day is saved."))
        return redirect(f"{_days_url()}?year={saved.date.year}")
    return render(request, "procedures/adjustment_form.html", {"form": form, "swap": swap})


@require_POST
@login_required
def adjustment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    swap = get_object_or_404(CalendarAdjustment, pk=pk)
    require(request.user, "procedures.change_procedures", swap)
    year = swap.date.year
    swap.delete()
    messages.success(request, _("The day is removed; the history keeps it."))
    return redirect(f"{_days_url()}?year={year}")


def _days_url() -> str:
    return reverse("procedures-working-days")
