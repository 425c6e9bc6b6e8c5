"""The demo plan loads whole, once, with its agencies, people and reports."""

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction

from cnvh.plan.completeness import completeness
from cnvh.plan.demo.load import load_demo_plan
from cnvh.plan.demo.people import DEMO_PASSWORD
from cnvh.plan.models import (
    Agency,
    ContentGroup,
    Indicator,
    LegalDocument,
    ProgressReport,
    ReportingPeriod,
    Task,
)
from tests.factories import at

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 26)


@pytest.fixture(scope="module")
def loaded(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """Loaded once for the module (it takes seconds), rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        assert load_demo_plan(TODAY, demo_mode=True) is not None
        yield
        transaction.set_rollback(True)


def test_agencies(loaded: None) -> None:
    wards = Agency.objects.filter(kind__in=[Agency.Kind.WARD, Agency.Kind.COMMUNE])
    assert wards.count() == 126
    assert wards.filter(kind=Agency.Kind.WARD).count() == 51
    assert all(w.valid_from == date(2025, 7, 1) and w.latitude for w in wards)
    districts = Agency.objects.filter(kind=Agency.Kind.DISTRICT)
    assert districts.count() == 30
    assert set(districts.values_list("valid_to", flat=True)) == {date(2025, 6, 30)}
    assert not districts.first().exists_on(date(2025, 7, 1))  # type: ignore[union-attr]
    assert Agency.objects.get(code="so-vhtt").parent.code == "ubnd-tp"  # type: ignore[union-attr]


def test_plan_content(loaded: None) -> None:
    assert ContentGroup.objects.count() == 8
    plan_217 = LegalDocument.objects.get(number="217/KH-UBND")
    assert plan_217.implements.number == "09-NQ/TU"  # type: ignore[union-attr]
    assert Task.objects.filter(lead_agency__kind=Agency.Kind.WARD).count() == 51
    enterprises = Task.objects.get(code="4.1")
    assert enterprises.lead_agency.code == "so-khcn"
    assert "giả định" in enterprises.assumption  # lead agency is a demo assumption
    share = Indicator.objects.get(code="cnvh-grdp-share")
    assert {(t.year, float(t.value)) for t in share.targets.all()} == {(2025, 5.0), (2030, 8.0)}


def test_reports_have_the_expected_mix(loaded: None) -> None:
    statuses = set(ProgressReport.objects.values_list("status", flat=True))
    assert statuses == {"draft", "submitted", "returned", "approved"}
    q3 = ReportingPeriod.objects.get(kind="quarter", year=2026, number=3)
    rows = completeness([q3], as_of=at(TODAY))
    assert any(row.on_time < row.submitted for row in rows)  # some came late
    assert any(row.missing for row in rows)
    assert Task.objects.filter(due_on__lt=TODAY).exclude(status="completed").exists()
    # No report is owed before reporting began with the new wards.
    assert not ReportingPeriod.objects.filter(starts_on__lt=date(2025, 7, 1)).exists()


def test_loading_twice_changes_nothing(loaded: None) -> None:
    reports = ProgressReport.objects.count()
    assert load_demo_plan(TODAY, demo_mode=True) is None
    assert ProgressReport.objects.count() == reports


def test_documented_people_can_log_in(loaded: None, settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    coordinator = get_user_model().objects.get(username="dieuphoi")
    assert coordinator.check_password(DEMO_PASSWORD)
    assert coordinator.email
