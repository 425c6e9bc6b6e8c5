"""Malformed values in every field of the registry's forms: refused by the form, never
a server error (the shared catalogue of tests/security sends only the common names)."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from cnvh.unesco import workflow
from cnvh.unesco.models import ReportSection
from tests.security.test_malformed_input import VALUES
from tests.unesco.conftest import City, commitment

FORMS = {
    "unesco-outreach-new": [
        "kind",
        "organiser",
        "starts_on",
        "ends_on",
        "budget",
        "task",
        "reach",
        "residents_women",
        "officials_men",
    ],
    "unesco-commitment-new": ["code", "scope", "lead_agency", "budget", "tasks"],
    "unesco-participation-new": ["kind", "held_on"],
    "unesco-reports": ["first_year", "last_year"],
    "unesco-section-new": ["code", "number", "content"],
}


def _client(person: Any) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(person)
    return client


@pytest.mark.parametrize("name", sorted(FORMS))
def test_no_value_makes_a_server_error(city: City, name: str) -> None:
    client = _client(city.coordinator)
    for value in VALUES:
        response = client.post(reverse(name), dict.fromkeys(FORMS[name], value))
        assert response.status_code == 200, (name, value)
        assert response.context["form"].errors, (name, value)


def test_the_activity_and_section_forms(city: City) -> None:
    client = _client(city.coordinator)
    parent = commitment(city, "centre", 1)
    report = workflow.start_report(2023, 2027, city.coordinator)
    section = ReportSection.objects.earliest("number")
    for value in VALUES:
        url = reverse("unesco-activity-new", args=[parent.pk])
        fields = ["starts_on", "ends_on", "budget_spent"]
        assert client.post(url, dict.fromkeys(fields, value)).status_code == 200
        url = reverse("unesco-report-section", args=[report.pk, section.pk])
        assert client.post(url, {"text_vi": value, "text_en": value}).status_code in {200, 302}
        url = reverse("unesco-report-return", args=[report.pk])
        assert client.post(url, {"reason": value}).status_code in {302, 403}
        url = reverse("unesco-report-download", args=[report.pk])
        assert client.get(url, {"format": value, "lang": value}).status_code == 400
        assert client.get(reverse("unesco-overview"), {"first_year": value}).status_code < 500
