"""The coordinator's pages of the commitments, their activities and Hanoi's part in
the Network, and the registry's indicators. Members of the plan read them."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cnvh.plan.permissions import require
from cnvh.presentation.parameters import parse_year
from cnvh.presentation.tables import table_response
from cnvh.presentation.tables.csv_file import requested_format
from cnvh.unesco import indicators, workflow
from cnvh.unesco.forms import ActivityForm, CommitmentForm, ParticipationForm, PeriodForm
from cnvh.unesco.models import Commitment, CommitmentActivity, NetworkParticipation
from cnvh.unesco.views.tables import activity_table, commitment_table


def _saved(form: forms.ModelForm, save: Any, user: Any, **kwargs: Any) -> bool:
    """Save through the workflow; its validation errors go back to the form."""
    try:
        save(form.instance, user, **kwargs)
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


@require_GET
@login_required
def overview(request: HttpRequest) -> HttpResponse:
    require(request.user, "unesco.view_commitments")
    year = timezone.localdate().year
    form = PeriodForm(request.GET or None)
    span = indicators.Span(year, year)
    if form.is_valid():
        span = indicators.Span(form.cleaned_data["first_year"], form.cleaned_data["last_year"])
    elif not request.GET:
        form = PeriodForm(initial={"first_year": year, "last_year": year})
    found = indicators.compute(span)
    context = {"form": form, "found": found, "units": indicators.units_disseminating(span)}
    return render(request, "unesco/overview.html", context)


@require_GET
@login_required
def commitment_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "unesco.view_commitments")
    commitments = (
        Commitment.objects.select_related("lead_agency")
        .prefetch_related("tasks")
        .annotate(spent=Sum("activities__budget_spent"))
        # A grouped query drops the model's ordering; without this PostgreSQL
        # returns the rows in whatever order the aggregate left them.
        .order_by("code")
    )
    # The commitments the plan's indicator counted in a year (its pages link here).
    year = parse_year(request.GET.get("active_in"))
    if year:
        active = indicators.activities_in(indicators.Span(year, year)).values("commitment")
        commitments = commitments.filter(pk__in=active)
    if file_format := requested_format(request):
        table = commitment_table(
            commitments.prefetch_related("activities"), request.build_absolute_uri()
        )
        return table_response(table, file_format)
    context = {
        "active_in": year,
        "commitments": commitments,
        "can_edit": request.user.has_perm("unesco.change_commitments"),
    }
    return render(request, "unesco/commitment_list.html", context)


@require_GET
@login_required
def activity_download(request: HttpRequest) -> HttpResponse:
    """Every commitment's activities, as CSV or XLSX (?format=csv|xlsx; XLSX when not said)."""
    require(request.user, "unesco.view_commitments")
    activities = CommitmentActivity.objects.select_related("commitment").order_by(
        "commitment__code", "starts_on", "pk"
    )
    table = activity_table(activities, request.build_absolute_uri())
    return table_response(table, requested_format(request) or "xlsx")


@require_GET
@login_required
def commitment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "unesco.view_commitments")
    commitment = get_object_or_404(Commitment.objects.select_related("lead_agency"), pk=pk)
    context = {
        "commitment": commitment,
        "activities": commitment.activities.prefetch_related("events", "bright_spots"),
        "can_edit": request.user.has_perm("unesco.change_commitments"),
    }
    return render(request, "unesco/commitment_detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def commitment_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require(request.user, "unesco.change_commitments")
    commitment = get_object_or_404(Commitment, pk=pk) if pk else None
    form = CommitmentForm(request.POST or None, instance=commitment)
    if request.method == "POST" and form.is_valid():
        tasks = form.cleaned_data["tasks"]
        if _saved(form, workflow.save_commitment, request.user, tasks=tasks):
            messages.success(request, _("The commitment is saved."))
            return redirect("unesco-commitment", form.instance.pk)
    return render(
        request, "unesco/form.html", _form_context(form, commitment, "unesco-commitments")
    )


@require_http_methods(["GET", "POST"])
@login_required
def activity_edit(
    request: HttpRequest, commitment: int | None = None, pk: int | None = None
) -> HttpResponse:
    require(request.user, "unesco.change_commitments")
    activity = get_object_or_404(CommitmentActivity, pk=pk) if pk else None
    parent = activity.commitment if activity else get_object_or_404(Commitment, pk=commitment)
    form = ActivityForm(request.POST or None, instance=activity)
    form.instance.commitment = parent
    if request.method == "POST" and form.is_valid():
        form.instance.partner_cities = form.instance.partner_cities.strip()
        links = {name: form.cleaned_data[name] for name in ("events", "bright_spots")}
        if _saved(form, workflow.save_activity, request.user, **links):
            messages.success(request, _("The activity is saved."))
            return redirect("unesco-commitment", parent.pk)
    context = _form_context(form, activity, "unesco-commitments")
    context["heading"] = f"{parent.title}: " + (activity.title if activity else _("new activity"))
    return render(request, "unesco/form.html", context)


@require_GET
@login_required
def network(request: HttpRequest) -> HttpResponse:
    require(request.user, "unesco.view_commitments")
    context = {
        "participations": NetworkParticipation.objects.order_by("-held_on"),
        "can_edit": request.user.has_perm("unesco.change_commitments"),
    }
    return render(request, "unesco/network.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def participation_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require(request.user, "unesco.change_commitments")
    participation = get_object_or_404(NetworkParticipation, pk=pk) if pk else None
    form = ParticipationForm(request.POST or None, instance=participation)
    saved = request.method == "POST" and form.is_valid()
    if saved and _saved(form, workflow.save_participation, request.user):
        messages.success(request, _("The participation is saved."))
        return redirect("unesco-network")
    return render(request, "unesco/form.html", _form_context(form, participation, "unesco-network"))


def _form_context(form: forms.BaseForm, record: Any, back: str) -> dict[str, Any]:
    heading = str(record) if record else _("New record")
    return {"form": form, "record": record, "heading": heading, "back": back}
