"""The forms that keep the support records: a programme with its budget by year, a new
case of an enterprise in a programme, and an enterprise's IP filings and
certifications. Each asks the rules, then saves through the records' own functions."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cnvh.enterprises import workflow
from cnvh.enterprises.lookup import enterprise_by_key
from cnvh.enterprises.models import Certification, IPFiling, Programme, SupportCase
from cnvh.enterprises.programme_forms import (
    CertificationForm,
    IPFilingForm,
    OpenCaseForm,
    ProgrammeForm,
    budget_formset,
)
from cnvh.enterprises.programmes import save_certification, save_filing, save_programme
from cnvh.enterprises.views.investment import errors_on
from cnvh.plan.permissions import require

FORM = "enterprises/record_form.html"


@require_http_methods(["GET", "POST"])
@login_required
def programme_edit(request: HttpRequest, code: str | None = None) -> HttpResponse:
    programme = get_object_or_404(Programme, code=code) if code else None
    if programme is None:
        require(request.user, "enterprises.add_programme")
    else:
        require(request.user, "enterprises.change_programme", programme)
    data = request.POST or None
    form = ProgrammeForm(data, instance=programme, user=request.user)
    budgets = budget_formset(data, programme)
    if request.method == "POST" and form.is_valid() and budgets.is_valid():
        try:
            save_programme(form.save(commit=False), budgets.budgets(), request.user)
        except ValidationError as error:
            errors_on(form, error)
        else:
            messages.success(request, _("The programme is saved."))
            return redirect("enterprises-programmes")
    title = programme.name if programme else _("New support programme")
    context = {"form": form, "budgets": budgets, "title": title, "back": "enterprises-programmes"}
    return render(request, FORM, context)


@require_http_methods(["GET", "POST"])
@login_required
def case_new(request: HttpRequest, code: str) -> HttpResponse:
    programme = get_object_or_404(Programme.objects.select_related("owner"), code=code)
    require(request.user, "enterprises.add_case", programme)
    form = OpenCaseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if SupportCase.objects.filter(programme=programme, enterprise=data["enterprise"]).exists():
            form.add_error(
                "enterprise",
                _("Enterprise: it has a case in this programme already; open that case."),
            )
        else:
            case = _receive(programme, data, request.user)
            messages.success(request, _("The case is saved."))
            return redirect("enterprises-case", pk=case.pk)
    title = _("Open a case in %(programme)s") % {"programme": programme.name}
    return render(request, FORM, {"form": form, "title": title, "back": "enterprises-programmes"})


def _receive(programme: Programme, data: dict[str, Any], user: Any) -> SupportCase:
    with transaction.atomic():
        return workflow.receive(
            programme, data["enterprise"], data["received_on"], data["amount_requested"], user
        )


def _outcome(
    request: HttpRequest, form: Any, save: Any, enterprise_key: str, title: str
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                save(form.save(commit=False), request.user)
        except ValidationError as error:
            errors_on(form, error)
        except IntegrityError:
            form.add_error(None, _("This number is recorded already."))
        else:
            messages.success(request, _("The record is saved."))
            return redirect("enterprises-detail", key=enterprise_key)
    context = {"form": form, "title": title, "back_key": enterprise_key}
    return render(request, FORM, context)


@require_http_methods(["GET", "POST"])
@login_required
def filing_edit(request: HttpRequest, key: str, pk: int | None = None) -> HttpResponse:
    enterprise = enterprise_by_key(key)
    filing = get_object_or_404(IPFiling, pk=pk, enterprise=enterprise) if pk else None
    require(request.user, "enterprises.change_outcomes", filing)
    form = IPFilingForm(request.POST or None, instance=filing, enterprise=enterprise)
    title = _("IP filing of %(enterprise)s") % {"enterprise": enterprise.name}
    return _outcome(request, form, save_filing, enterprise.key, title)


@require_http_methods(["GET", "POST"])
@login_required
def certification_edit(request: HttpRequest, key: str, pk: int | None = None) -> HttpResponse:
    enterprise = enterprise_by_key(key)
    found = get_object_or_404(Certification, pk=pk, enterprise=enterprise) if pk else None
    require(request.user, "enterprises.change_outcomes", found)
    form = CertificationForm(request.POST or None, instance=found, enterprise=enterprise)
    title = _("Certification of %(enterprise)s") % {"enterprise": enterprise.name}
    return _outcome(request, form, save_certification, enterprise.key, title)
