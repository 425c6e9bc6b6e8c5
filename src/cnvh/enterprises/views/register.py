"""The enterprise register: the list with its filters, one page per enterprise, and the
coordinator's form. Members read; a personal number is shown only to those allowed."""

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from cnvh.enterprises import identity
from cnvh.enterprises.entries import save_enterprise
from cnvh.enterprises.forms import PLAN_SCOPE, EnterpriseFilterForm, EnterpriseForm
from cnvh.enterprises.models import Enterprise, SupportCase
from cnvh.enterprises.outcomes import filing_steps
from cnvh.enterprises.sectors import sector_title, vsic_title
from cnvh.language import current
from cnvh.plan.permissions import require
from cnvh.presentation.parameters import parse_id

PAGE_SIZE = 200


def enterprise_by_key(key: str) -> Enterprise:
    """The enterprise of a page's address: its tax code, or h<id> for one known by a
    personal number (which never appears in an address)."""
    if key.startswith("h"):
        pk = parse_id(key[1:])
        found = Enterprise.objects.filter(pk=pk).first() if pk else None
        if found is None or not found.is_personal:
            raise Http404
        return found
    code = identity.compact(key)
    if not code.isdigit() or identity.is_personal(code):
        raise Http404
    return get_object_or_404(Enterprise, tax_code=code)


def filtered(data: dict[str, Any]) -> QuerySet[Enterprise]:
    enterprises = Enterprise.objects.all()
    if data.get("sector"):
        enterprises = enterprises.filter(
            sectors__scope_key=PLAN_SCOPE, sectors__sector=data["sector"]
        )
    if data.get("ward"):
        enterprises = enterprises.filter(ward_code=data["ward"])
    if data.get("legal_form"):
        enterprises = enterprises.filter(legal_form=data["legal_form"])
    supported = Q(cases__stage__in=["approved", "reported"])
    if data.get("supported") == "yes":
        enterprises = enterprises.filter(supported)
    elif data.get("supported") == "no":
        enterprises = enterprises.exclude(supported)
    if data.get("q"):
        words = data["q"].strip()
        enterprises = enterprises.filter(
            Q(name_vi__icontains=words)
            | Q(name_en__icontains=words)
            | Q(tax_code=identity.compact(words))
        )
    return enterprises.distinct().order_by("name_vi", "tax_code")


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
        "can_edit": request.user.has_perm("enterprises.change_enterprise"),
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
