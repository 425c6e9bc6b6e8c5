"""The forms posted on a project's page: capital of a year and source, a milestone, a
milestone done, a step of the workflow. Each goes through
`cnvh.enterprises.investment.workflow`, which asks the rules; a refusal shows the page
again with the message on the field it names, and nothing saved."""

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cnvh.enterprises.investment import workflow
from cnvh.enterprises.investment.forms import CapitalForm, DoneForm, MilestoneForm, StepForm
from cnvh.enterprises.models import InvestmentProject, Milestone
from cnvh.enterprises.views.investment import actions_for, errors_on, project_of, project_page
from cnvh.plan.permissions import require

# The step's form, and how the model's field names read on it.
ALIASES = {
    "capital": {},
    "milestone": {},
    "done": {},
    "move": {"investment_decided_on": "on", "investment_decision_number": "decision_number"},
}


def _form(step: str, request: HttpRequest, project: InvestmentProject) -> Any:
    if step == "capital":
        return CapitalForm(request.POST)
    if step == "milestone":
        return MilestoneForm(request.POST)
    if step == "done":
        return DoneForm(request.POST)
    return StepForm(request.POST, actions=actions_for(request.user, project))


def _run(step: str, project: InvestmentProject, data: dict[str, Any], user: Any) -> None:
    if step == "capital":
        workflow.record_capital(
            project,
            data["year"],
            data["source"],
            data["planned"],
            data["disbursed"] or Decimal(0),
            user,
        )
    elif step == "milestone":
        workflow.add_milestone(project, data["title"], data["due_on"], user)
    elif step == "done":
        milestone = get_object_or_404(Milestone, pk=data["milestone"], project=project)
        workflow.mark_done(milestone, data["done_on"], user)
    else:
        workflow.move(
            project,
            data["action"],
            data["on"],
            data["reason"],
            user,
            data.get("decision_number", ""),
        )


@require_POST
@login_required
def project_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    if step not in ALIASES:
        raise Http404
    project = project_of(pk)
    require(request.user, "enterprises.view_projects")
    if step != "move":
        require(request.user, "enterprises.change_project", project)
    elif not actions_for(request.user, project):
        require(request.user, "enterprises.decide_project", project)
    form = _form(step, request, project)
    if form.is_valid():
        try:
            _run(step, project, form.cleaned_data, request.user)
        except ValidationError as error:
            errors_on(form, error, ALIASES[step])
        else:
            messages.success(request, _("The project is saved."))
            return redirect("enterprises-project", pk=project.pk)
    return project_page(request, project_of(pk), {step: form})
