"""Investment projects' pages: the list with its filters (and its CSV or XLSX file), a
project's page with its capital by year and source, milestones and steps, and the form
of its record. Members read; the workflow asks the rules before any change."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cnvh.enterprises.forms import PLAN_SCOPE
from cnvh.enterprises.investment import workflow
from cnvh.enterprises.investment.figures import (
    capital_table,
    late_milestones,
    on_schedule,
    with_records,
)
from cnvh.enterprises.investment.forms import (
    ACTION_LABELS,
    CapitalForm,
    DoneForm,
    MilestoneForm,
    ProjectFilterForm,
    ProjectForm,
    StepForm,
)
from cnvh.enterprises.investment.lookup import filtered, scheduled
from cnvh.enterprises.models import InvestmentProject
from cnvh.enterprises.sectors import sector_title
from cnvh.enterprises.views.investment_table import project_table
from cnvh.language import current
from cnvh.plan.permissions import require
from cnvh.presentation.tables import table_response
from cnvh.presentation.tables.csv_file import requested_format

PAGE_SIZE = 200


@require_GET
@login_required
def project_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "enterprises.view_projects")
    form = ProjectFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    day = data.get("day") or timezone.localdate()
    projects = scheduled(filtered(data), data.get("schedule", ""), day)
    if file_format := requested_format(request):
        return table_response(
            project_table(projects, day, request.build_absolute_uri()), file_format
        )
    query = request.GET.copy()
    query.pop("format", None)
    context = {
        "form": form,
        "count": len(projects),
        "projects": [(p, on_schedule(p, day)) for p in projects[:PAGE_SIZE]],
        "page_size": PAGE_SIZE,
        "query": query.urlencode(),
        "can_add": request.user.has_perm("enterprises.add_project"),
    }
    return render(request, "enterprises/investment/project_list.html", context)


def project_of(pk: int) -> InvestmentProject:
    chosen = InvestmentProject.objects.select_related(
        "managing_agency", "investor_enterprise", "investor_agency"
    )
    return get_object_or_404(with_records(chosen), pk=pk)


def actions_for(user: Any, project: InvestmentProject) -> list[tuple[str, Any]]:
    """The steps this person may take on the project now."""
    return [
        (action, ACTION_LABELS[action])
        for action, step in workflow.MOVES.items()
        if project.status in step.sources and user.has_perm(step.permission, project)
    ]


def step_forms(user: Any, project: InvestmentProject, bound: dict[str, Any]) -> dict[str, Any]:
    """The forms this person may use on the project's page: `bound` ones keep what was typed."""
    found: dict[str, Any] = {}
    if user.has_perm("enterprises.change_project", project):
        found["capital"] = bound.get("capital") or CapitalForm()
        found["milestone"] = bound.get("milestone") or MilestoneForm()
    actions = actions_for(user, project)
    if actions:
        initial = {"decision_number": project.investment_decision_number}
        found["move"] = bound.get("move") or StepForm(actions=actions, initial=initial)
    return found


def project_page(
    request: HttpRequest, project: InvestmentProject, bound: dict[str, Any]
) -> HttpResponse:
    user: Any = request.user
    day = timezone.localdate()
    late = set(late_milestones(project, day))
    can_change = user.has_perm("enterprises.change_project", project)
    context = {
        "project": project,
        "sector": sector_title(PLAN_SCOPE, project.sector, current()) if project.sector else "",
        "capital": capital_table(project.capital.all()),
        "planned": project.planned(),
        "disbursed": project.disbursed(),
        "milestones": [(m, m in late) for m in project.milestones.all()],
        "steps": project.steps.select_related("recorded_by"),
        "on_schedule": on_schedule(project, day),
        "forms": step_forms(user, project, bound),
        "done_form": bound.get("done") or DoneForm(),
        "can_change": can_change,
        "today": day,
    }
    status = 400 if bound else 200
    return render(request, "enterprises/investment/project_detail.html", context, status=status)


@require_GET
@login_required
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require(request.user, "enterprises.view_projects")
    return project_page(request, project_of(pk), {})


@require_http_methods(["GET", "POST"])
@login_required
def project_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    project = project_of(pk) if pk else None
    if project is None:
        require(request.user, "enterprises.add_project")
    else:
        require(request.user, "enterprises.change_project", project)
    form = ProjectForm(request.POST or None, instance=project, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            saved = _save(form, request.user)
        except ValidationError as error:
            errors_on(form, error)
        else:
            messages.success(request, _("The project is saved."))
            return redirect("enterprises-project", pk=saved.pk)
    context = {"form": form, "project": project}
    return render(request, "enterprises/investment/project_form.html", context)


def _save(form: ProjectForm, user: Any) -> InvestmentProject:
    project = form.save(commit=False)
    if project.pk is None:
        return workflow.propose(project, form.cleaned_data["proposed_on"], user)
    return workflow.change(project, user)


def errors_on(form: Any, error: ValidationError, aliases: dict[str, str] | None = None) -> None:
    """The workflow's refusal shown on the form: on the field it names, when the form
    has it (`aliases` maps the model's names to the form's), else above the form."""
    if not hasattr(error, "error_dict"):
        for message in error.messages:
            form.add_error(None, message)
        return
    for written, errors in error.message_dict.items():
        name = (aliases or {}).get(written, written)
        for message in errors:
            form.add_error(name if name in form.fields else None, message)
