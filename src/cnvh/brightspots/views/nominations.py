"""A nomination: made in a round, screened, given evidence and a site visit, scored
by each council member, then decided."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cnvh.brightspots import ranking, workflow
from cnvh.brightspots.forms import (
    DecisionForm,
    EvidenceForm,
    ResultFormSet,
    ScoreForm,
    ScreeningForm,
    SiteVisitForm,
    SpotForm,
)
from cnvh.brightspots.models import EvidenceFile, Nomination, Round
from cnvh.brightspots.permissions import nominating_agencies
from cnvh.brightspots.views.common import add_errors
from cnvh.plan import evidence as files
from cnvh.plan.permissions import require


@require_http_methods(["GET", "POST"])
@login_required
def nominate(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_object_or_404(Round, pk=pk)
    require(request.user, "brightspots.nominate", round_)
    if not round_.is_open():
        messages.error(
            request,
            _("This round takes nominations from %(opens)s to %(closes)s.")
            % {"opens": f"{round_.opens_on:%d/%m/%Y}", "closes": f"{round_.closes_on:%d/%m/%Y}"},
        )
        return redirect("brightspots-round", round_.pk)
    data = request.POST or None
    form = SpotForm(data, agencies=nominating_agencies(request.user, round_))
    results = ResultFormSet(data, prefix="results")
    if request.method == "POST" and form.is_valid() and results.is_valid():
        rows = [
            workflow.ResultRow(**row)
            for row in results.cleaned_data
            if row and row.get("indicator")
        ]
        try:
            with transaction.atomic():
                nomination = workflow.nominate(
                    round_, request.user, form.cleaned_data["agency"], form.save(commit=False), rows
                )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The nomination is submitted."))
            return redirect("brightspots-nomination", nomination.pk)
    context = {"round": round_, "form": form, "results": results}
    return render(request, "brightspots/nominate.html", context)


def _nomination(request: HttpRequest, pk: int, permission: str) -> Nomination:
    nomination = get_object_or_404(
        Nomination.objects.select_related("round__rubric", "spot", "agency"), pk=pk
    )
    require(request.user, permission, nomination)
    return nomination


@require_GET
@login_required
def nomination_detail(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = _nomination(request, pk, "brightspots.view_nomination")
    return render(request, "brightspots/nomination.html", _detail(request, nomination))


def _detail(request: HttpRequest, nomination: Nomination, **forms: Any) -> dict[str, Any]:
    user = request.user
    criteria = list(nomination.round.rubric.criteria.order_by("position"))
    manages = user.has_perm("brightspots.manage_rounds")
    sees_scores = manages or user.has_perm("brightspots.score", nomination)
    return {
        "nomination": nomination,
        "spot": nomination.spot,
        "evidence": nomination.evidence.select_related("uploaded_by"),
        "results": nomination.spot.results.all(),
        "criteria": criteria,
        "scores": nomination.scores.select_related("member", "criterion") if manages else [],
        "score": ranking.weighted_score(nomination, criteria) if criteria and sees_scores else None,
        "decision": getattr(nomination, "decision", None),
        "can_manage": manages,
        "can_score": user.has_perm("brightspots.score", nomination),
        "can_add_evidence": user.has_perm("brightspots.add_evidence", nomination),
        "screening_form": forms.get("screening_form") or ScreeningForm(),
        "visit_form": forms.get("visit_form")
        or SiteVisitForm(initial={"day": nomination.site_visit_on}),
        "evidence_form": forms.get("evidence_form") or EvidenceForm(),
        "max_files": workflow.MAX_EVIDENCE_FILES,
    }


def _step(
    request: HttpRequest, nomination: Nomination, name: str, form: Any, step: Any
) -> HttpResponse:
    """Run a workflow step from a form on the nomination page; the page again with the
    errors if the form or the step refuses."""
    if form.is_valid():
        try:
            step(form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("brightspots-nomination", nomination.pk)
    context = _detail(request, nomination, **{name: form})
    return render(request, "brightspots/nomination.html", context, status=400)


@require_POST
@login_required
def screen(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = _nomination(request, pk, "brightspots.view_nomination")
    require(request.user, "brightspots.manage_rounds")
    return _step(
        request,
        nomination,
        "screening_form",
        ScreeningForm(request.POST),
        lambda data: workflow.screen(nomination, request.user, data["admitted"], data["note"]),
    )


@require_POST
@login_required
def site_visit(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = _nomination(request, pk, "brightspots.view_nomination")
    require(request.user, "brightspots.manage_rounds")
    return _step(
        request,
        nomination,
        "visit_form",
        SiteVisitForm(request.POST),
        lambda data: workflow.record_site_visit(nomination, request.user, data["day"]),
    )


@require_POST
@login_required
def add_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = _nomination(request, pk, "brightspots.add_evidence")
    return _step(
        request,
        nomination,
        "evidence_form",
        EvidenceForm(request.POST, request.FILES),
        lambda data: workflow.attach_evidence(nomination, data["file"], request.user),
    )


@require_GET
@login_required
def evidence_file(request: HttpRequest, pk: int) -> FileResponse:
    record = get_object_or_404(EvidenceFile.objects.select_related("nomination"), pk=pk)
    require(request.user, "brightspots.view_nomination", record.nomination)
    return FileResponse(
        record.file.open("rb"),
        as_attachment=True,
        filename=record.original_name,
        content_type=files.TYPES.get(record.extension, ("application/octet-stream",))[0],
    )


@require_http_methods(["GET", "POST"])
@login_required
def score(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = _nomination(request, pk, "brightspots.score")
    criteria = list(nomination.round.rubric.criteria.order_by("position"))
    given = {s.criterion_id: s for s in nomination.scores.filter(member_id=request.user.pk)}
    form = ScoreForm(request.POST or None, criteria=criteria, given=given)
    if request.method == "POST" and form.is_valid():
        try:
            workflow.record_scores(nomination, request.user, form.sheet())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Your scores are saved."))
            return redirect("brightspots-nomination", nomination.pk)
    return render(request, "brightspots/score.html", {"nomination": nomination, "form": form})


@require_http_methods(["GET", "POST"])
@login_required
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = _nomination(request, pk, "brightspots.view_nomination")
    require(request.user, "brightspots.manage_rounds")
    form = DecisionForm(request.POST or None, initial={"level": nomination.spot.level})
    if request.method == "POST" and form.is_valid():
        try:
            workflow.decide(nomination, request.user, form.save(commit=False))
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The decision is recorded."))
            return redirect("brightspots-model", nomination.spot_id)
    return render(request, "brightspots/decide.html", {"nomination": nomination, "form": form})
