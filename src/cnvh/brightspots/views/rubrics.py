"""The assessment rubric: its versions with their criteria and the rounds that use
them, and the coordinator's page that edits one (a new version when a round uses it)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cnvh.brightspots import rubrics
from cnvh.brightspots.forms import CriterionFormSet, RubricForm, as_percent, criterion_initial
from cnvh.brightspots.models import Criterion, Round, Rubric
from cnvh.brightspots.views.common import add_errors
from cnvh.plan.permissions import require


@require_GET
@login_required
def rubric_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "brightspots.view_registry")
    versions = Rubric.objects.order_by("code", "-version").prefetch_related(
        Prefetch("criteria", Criterion.objects.order_by("position")),
        Prefetch("rounds", Round.objects.order_by("-opens_on")),
    )
    changes = _last_changes()
    context = {
        "versions": [
            (
                rubric,
                [(c, as_percent(c.weight)) for c in rubric.criteria.all()],
                changes.get(rubric.pk),
            )
            for rubric in versions
        ],
        "can_change": request.user.has_perm("brightspots.change_rubric"),
    }
    return render(request, "brightspots/rubrics.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def rubric_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "brightspots.change_rubric")
    rubric = get_object_or_404(Rubric, pk=pk)
    form = RubricForm(request.POST or None, instance=Rubric(**_heading_of(rubric)))
    criteria = CriterionFormSet(
        request.POST or None, prefix="criteria", initial=criterion_initial(rubric)
    )
    if request.method == "POST" and form.is_valid() and criteria.is_valid():
        rows = [row for row in (f.row() for f in criteria.forms) if row is not None]
        heading = rubrics.Heading(**{name: form.cleaned_data[name] for name in _HEADING})
        try:
            saved = rubrics.revise(request.user, rubric, heading, rows)
        except ValidationError as error:
            add_errors(form, error)
        else:
            if saved.pk == rubric.pk:
                messages.success(request, _("The rubric is saved."))
            else:
                messages.success(
                    request,
                    _(
                        "Version %(version)s of the rubric is saved. Rounds opened on version"
                        " %(old)s keep it."
                    )
                    % {"version": saved.version, "old": rubric.version},
                )
            return redirect("brightspots-rubrics")
    context = {"rubric": rubric, "form": form, "criteria": criteria}
    return render(request, "brightspots/rubric_form.html", context)


def _last_changes() -> dict[int, Any]:
    """The last change of each version (its history row), in one query."""
    last: dict[int, Any] = {}
    rows = Rubric.history.select_related("history_user").order_by("id", "-history_date")
    for row in rows:
        last.setdefault(row.id, row)
    return last


_HEADING = ("name_vi", "name_en", "adopted_on", "top_score")


def _heading_of(rubric: Rubric) -> dict[str, object]:
    # An unsaved copy: the form must not change the stored version while it validates.
    return {name: getattr(rubric, name) for name in _HEADING}
