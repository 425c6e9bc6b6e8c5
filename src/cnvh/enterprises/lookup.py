"""Finding enterprises: by the address of their page, and by the list's filters (the
pages and the API ask the same)."""

import re
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from cnvh.enterprises import identity, indicators
from cnvh.enterprises.forms import PLAN_SCOPE
from cnvh.enterprises.models import Enterprise

# h and the id of one known by a personal number: 18 digits at most fit any database id.
PERSONAL_KEY = re.compile(r"h([0-9]{1,18})")


def enterprise_by_key(key: str) -> Enterprise:
    """The enterprise of a page's address: its tax code, or h<id> for one known by a
    personal number (which never appears in an address)."""
    if key.startswith("h"):
        matched = PERSONAL_KEY.fullmatch(key)
        found = Enterprise.objects.filter(pk=int(matched[1])).first() if matched else None
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
    if data.get("supported_in"):
        cases = indicators.supported_cases(data["supported_in"])
        enterprises = enterprises.filter(pk__in=cases.values("enterprise"))
    if data.get("ip_granted_in"):
        titles = indicators.titles_granted(data["ip_granted_in"], supported=True)
        enterprises = enterprises.filter(pk__in=titles.values("enterprise"))
    if data.get("q"):
        words = data["q"].strip()
        enterprises = enterprises.filter(
            Q(name_vi__icontains=words)
            | Q(name_en__icontains=words)
            | Q(tax_code=identity.compact(words))
        )
    return enterprises.distinct().order_by("name_vi", "tax_code")
