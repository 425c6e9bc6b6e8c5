"""Training, cooperation and dissemination activities: each officer records and sees
their own agency's (a ward officer their ward's sessions); the coordinator, leaders
and administrators see them all."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cnvh.plan.permissions import require
from cnvh.presentation.parameters import parse_year
from cnvh.presentation.tables import table_response
from cnvh.presentation.tables.csv_file import requested_format
from cnvh.unesco import workflow
from cnvh.unesco.forms import OutreachForm
from cnvh.unesco.models import Outreach
from cnvh.unesco.permissions import organisers_for, outreach_visible_to
from cnvh.unesco.views.tables import outreach_table


@require_GET
@login_required
def outreach_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "unesco.view_outreach")
    kind = request.GET.get("kind", "")
    activities = outreach_visible_to(request.user).prefetch_related("participants")
    if kind in Outreach.Kind.values:
        activities = activities.filter(kind=kind)
    # The records of the plan's counts in a year (the indicator pages link here).
    year = parse_year(request.GET.get("year"))
    if year:
        activities = activities.filter(starts_on__year=year)
    if file_format := requested_format(request):
        table = outreach_table(activities, request.build_absolute_uri())
        return table_response(table, file_format)
    query = request.GET.copy()
    query.pop("format", None)
    context = {
        "query": query.urlencode(),
        "activities": activities[:500],
        "kinds": Outreach.Kind.choices,
        "kind": kind,
        "year": year,
        "can_add": request.user.has_perm("unesco.add_outreach"),
        "can_import": request.user.has_perm("unesco.import_outreach"),
    }
    return render(request, "unesco/outreach_list.html", context)


def _visible(request: HttpRequest, pk: int) -> Outreach:
    require(request.user, "unesco.view_outreach")
    return get_object_or_404(outreach_visible_to(request.user), pk=pk)


@require_GET
@login_required
def outreach_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _visible(request, pk)
    participants = list(activity.participants.all())
    context = {
        "activity": activity,
        "participants": participants,
        "women": sum(p.women for p in participants),
        "men": sum(p.men for p in participants),
        "can_edit": request.user.has_perm("unesco.change_outreach", activity),
    }
    return render(request, "unesco/outreach_detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def outreach_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    activity = _visible(request, pk) if pk else None
    require(request.user, "unesco.change_outreach" if activity else "unesco.add_outreach", activity)
    form = OutreachForm(
        request.POST or None, instance=activity, organisers=organisers_for(request.user)
    )
    if request.method == "POST" and form.is_valid():
        try:
            saved = workflow.record_outreach(form.instance, request.user, form.participants())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The activity is saved."))
            return redirect("unesco-outreach-detail", saved.pk)
    return render(request, "unesco/outreach_form.html", {"form": form, "activity": activity})
