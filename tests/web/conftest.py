"""Fixtures of the page tests: what the public sees is published; members log in."""

from typing import Any

import pytest
from django.test import Client

from cnvh.estimates.models import Estimate
from cnvh.estimates.store import publish
from cnvh.plan.models import Indicator, LegalDocument, Role
from tests import factories


@pytest.fixture
def published_estimate(stored_estimate: Estimate) -> Estimate:
    publish(stored_estimate)
    return stored_estimate


@pytest.fixture
def share_indicator(db: None) -> Indicator:
    """The plan's share of GRDP: baseline 2021 (the estimate's own 3.5%), 5% in 2025
    set by Plan 217/KH-UBND, 8% in 2030 as reported."""
    plan_217 = LegalDocument.objects.create(
        number="217/KH-UBND",
        kind=LegalDocument.Kind.PLAN,
        title_vi="Kế hoạch số 217/KH-UBND ngày 12/8/2022",
        title_en="Plan 217/KH-UBND of 12 August 2022",
    )
    indicator = factories.indicator(
        "cnvh-grdp-share",
        baseline_year=2021,
        published=True,
        disaggregations=["sector", "area"],
        targets={2025: 5, 2030: 8},
    )
    indicator.targets.filter(year=2025).update(document=plan_217)
    indicator.targets.filter(year=2030).update(
        note_vi="Mục tiêu được báo chí đưa tin", note_en="Later Hanoi target, as reported"
    )
    return indicator


def as_member(client: Client, role: str = Role.COORDINATOR, **kwargs: Any) -> Any:
    person = factories.user(role, **kwargs)
    client.force_login(person)
    return person


def page(client: Client, url: str, language: str = "en") -> str:
    client.cookies["django_language"] = language  # what the language switch sets
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()
