"""The enterprise register: the list with its filters, one page per enterprise, and the
coordinator's form. Members read; a personal number is shown only to those allowed."""

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cnvh.enterprises.entries import save_enterprise
from cnvh.enterprises.forms import EnterpriseFilterForm, EnterpriseForm
from cnvh.enterprises.lookup import enterprise_by_key, filtered
from cnvh.enterprises.models import Enterprise, SupportCase
from cnvh.enterprises.outcomes import filing_steps
from cnvh.enterprises.sectors import sector_title, vsic_title
from cnvh.language import current
from cnvh.plan.permissions import require

PAGE_SIZE = 200


@require_GET
@login_required
def enterprise_list(request: HttpRequest) -> HttpResponse:
    require(request.user, "enterprises.view_register")
    form = EnterpriseFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    enterprises = filtered(data)
    context = {
        "form": form,
        "count": enterprises.count(),
        "enterprises": enterprises[:PAGE_SIZE],
        "page_size": PAGE_SIZE,
        "can_edit": request.user.has_perm("enterprises.change_enterprise"),
        "can_see_personal": request.user.has_perm("enterprises.view_personal_number"),
    }
    return render(request, "enterprises/enterprise_list.html", context)


def sector_rows(enterprise: Enterprise) -> list[dict[str, Any]]:
    language = current()
    return [
        {
            "scope": found.scope_key,
            "code": found.code,
            "code_title": vsic_title(found.code, language),
            "sector": sector_title(found.scope_key, found.sector, language),
            "share": found.share,
        }
        for found in enterprise.sectors.all()
    ]


@require_GET
@login_required
def enterprise_detail(request: HttpRequest, key: str) -> HttpResponse:
    require(request.user, "enterprises.view_register")
    enterprise = enterprise_by_key(key)
    cases = list(
        SupportCase.objects.filter(enterprise=enterprise).select_related("programme__owner")
    )
    for case in cases:
        case.can_see_inside = request.user.has_perm(  # type: ignore[attr-defined]
            "enterprises.view_case_internal", case
        )
    context = {
        "enterprise": enterprise,
        "sectors": sector_rows(enterprise),
        "cases": cases,
        "disbursed": sum((case.disbursed() for case in cases), Decimal(0)),
        "granted": sum((case.amount_granted or Decimal(0) for case in cases), Decimal(0)),
        "filings": [filing_steps(filing) for filing in enterprise.ip_filings.all()],
        "certifications": enterprise.certifications.all(),
        "projects": enterprise.investment_projects.select_related("managing_agency"),
        "can_edit": request.user.has_perm("enterprises.change_enterprise"),
        "can_change_outcomes": request.user.has_perm("enterprises.change_outcomes"),
        "can_see_personal": request.user.has_perm("enterprises.view_personal_number"),
    }
    return render(request, "enterprises/enterprise_detail.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def enterprise_edit(request: HttpRequest, key: str | None = None) -> HttpResponse:
    enterprise = enterprise_by_key(key) if key else None
    require(request.user, "enterprises.change_enterprise", enterprise)
    form = EnterpriseForm(request.POST or None, instance=enterprise)
    if request.method == "POST" and form.is_valid():
        saved = save_enterprise(form.save(commit=False))
        messages.success(request, _("The enterprise is saved."))
        return redirect("enterprises-detail", key=saved.key)
    return render(
        request, "enterprises/enterprise_form.html", {"form": form, "enterprise": enterprise}
    )
