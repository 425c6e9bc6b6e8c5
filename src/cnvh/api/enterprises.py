"""The enterprise register, the support programmes and the support indicators, for
members, decided by the register's rules. A personal number is given only to those
allowed to see it (otherwise `tax_code` is null); reviews and internal notes never."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from cnvh.api import auth
from cnvh.api.auth import caller
from cnvh.api.errors import ERRORS
from cnvh.api.fields import CodeInPath
from cnvh.api.pagination import PageMeta, PageQuery, meta, page
from cnvh.enterprises.indicators import support_indicators
from cnvh.enterprises.lookup import enterprise_by_key, filtered
from cnvh.enterprises.models import Enterprise, Programme, SupportCase
from cnvh.plan.permissions import require

router = Router(tags=["enterprises"], auth=auth.member)


class EnterpriseSectorOut(Schema):
    scope: str
    code: str
    sector: str
    share: Decimal


class EnterpriseOut(Schema):
    key: str = Field(description="The address of its page: the tax code, or h<id>.")
    tax_code: str | None = Field(description="Null when it is a personal number you may not see.")
    name_vi: str
    name_en: str
    legal_form: str
    main_vsic: str
    other_vsic: list[str]
    ward_code: str
    size: str
    founded_on: date | None
    status: str
    sectors: list[EnterpriseSectorOut]


class CaseOut(Schema):
    programme: str
    status: str = Field(
        description="What the enterprise sees: received, assessment, approved, refused, reported."
    )
    received_on: date
    amount_granted: Decimal | None = Field(description="VND.")
    disbursed: Decimal = Field(description="VND.")


class EnterpriseDetailOut(EnterpriseOut):
    cases: list[CaseOut]


class EnterprisePage(PageMeta):
    items: list[EnterpriseOut]


class EnterpriseFilter(PageQuery):
    sector: str | None = Field(None, max_length=64, description="A sector of hanoi-plan.")
    ward: str | None = Field(None, max_length=5, pattern=r"^[0-9]+$")
    legal_form: str | None = Field(None, max_length=16)
    supported: bool | None = None


class ProgrammeOut(Schema):
    code: str
    name_vi: str
    name_en: str
    kind: str
    owner: str
    legal_basis: str
    is_open: bool
    budget_by_year: dict[int, Decimal] = Field(description="VND.")


class SupportIndicatorsOut(Schema):
    year: int | None
    enterprises_supported: int
    by_programme_kind: dict[str, int]
    by_sector: dict[str, int]
    by_ward: dict[str, int]
    granted_vnd: Decimal
    disbursed_vnd: Decimal
    ip_granted: int
    reported_share: Decimal | None = Field(description="A fraction of the approved cases.")


def enterprise_out(enterprise: Enterprise, user: Any) -> dict[str, Any]:
    hidden = enterprise.is_personal and not user.has_perm("enterprises.view_personal_number")
    return {
        "key": enterprise.key,
        "tax_code": None if hidden else enterprise.tax_code,
        **{
            name: getattr(enterprise, name)
            for name in ("name_vi", "name_en", "legal_form", "main_vsic", "other_vsic")
        },
        **{name: getattr(enterprise, name) for name in ("ward_code", "size", "founded_on")},
        "status": enterprise.status,
        "sectors": [
            {"scope": s.scope_key, "code": s.code, "sector": s.sector, "share": s.share}
            for s in enterprise.sectors.all()
        ],
    }


@router.get(
    "/enterprises",
    response={200: EnterprisePage, **ERRORS},
    operation_id="listEnterprises",
    summary="The enterprise register",
)
def list_enterprises(request: HttpRequest, filters: Query[EnterpriseFilter]) -> dict[str, Any]:
    user = caller(request)
    require(user, "enterprises.view_register")
    supported = {True: "yes", False: "no", None: ""}[filters.supported]
    data = {**filters.dict(), "supported": supported}
    total, found = page(filtered(data).prefetch_related("sectors"), filters)
    return {**meta(total, filters), "items": [enterprise_out(e, user) for e in found]}


@router.get(
    "/enterprises/{key}",
    response={200: EnterpriseDetailOut, **ERRORS},
    operation_id="getEnterprise",
    summary="One enterprise with its support cases as it sees them",
)
def get_enterprise(request: HttpRequest, key: CodeInPath) -> dict[str, Any]:
    user = caller(request)
    require(user, "enterprises.view_register")
    enterprise = enterprise_by_key(key)
    cases = SupportCase.objects.filter(enterprise=enterprise).select_related("programme")
    return {
        **enterprise_out(enterprise, user),
        "cases": [
            {
                "programme": case.programme.code,
                "status": case.stage,
                "received_on": case.received_on,
                "amount_granted": case.amount_granted,
                "disbursed": case.disbursed(),
            }
            for case in cases
        ],
    }


@router.get(
    "/programmes",
    response={200: list[ProgrammeOut], **ERRORS},
    operation_id="listProgrammes",
    summary="Support programmes with their budgets by year",
)
def list_programmes(request: HttpRequest) -> list[dict[str, Any]]:
    require(caller(request), "enterprises.view_register")
    programmes = Programme.objects.select_related("owner").prefetch_related("budgets")
    return [
        {
            "code": p.code,
            "name_vi": p.name_vi,
            "name_en": p.name_en,
            "kind": p.kind,
            "owner": p.owner.code,
            "legal_basis": p.legal_basis,
            "is_open": p.is_open,
            "budget_by_year": {b.year: b.amount for b in p.budgets.all()},
        }
        for p in programmes
    ]


class YearQuery(Schema):
    year: int | None = Field(None, ge=1900, le=2200)


@router.get(
    "/support-indicators",
    response={200: SupportIndicatorsOut, **ERRORS},
    operation_id="getSupportIndicators",
    summary="Enterprises supported, VND granted and disbursed, IP granted: from the records",
)
def get_indicators(request: HttpRequest, query: Query[YearQuery]) -> dict[str, Any]:
    require(caller(request), "enterprises.view_indicators")
    found = support_indicators(query.year)
    return {
        "year": query.year,
        "enterprises_supported": found.enterprises_supported,
        "by_programme_kind": found.by_kind,
        "by_sector": found.by_sector,
        "by_ward": found.by_ward,
        "granted_vnd": found.granted,
        "disbursed_vnd": found.disbursed,
        "ip_granted": found.ip_granted,
        "reported_share": found.reported_share,
    }
