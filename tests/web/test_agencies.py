"""Agency pages: members only; tasks, completeness and timeliness, children, history."""

import csv
from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client

from cnvh.plan.models import Agency, Role
from tests import factories
from tests.web.conftest import as_member, page

pytestmark = pytest.mark.django_db


def test_the_public_is_sent_to_log_in(client: Client) -> None:
    factories.agency("so-vhtt")
    for url in ("/agencies/", "/agencies/so-vhtt/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/login/?next=")


def test_a_person_without_a_role_is_refused(client: Client) -> None:
    client.force_login(factories.user())
    assert client.get("/agencies/").status_code == 403


def setup_agency() -> dict[str, Any]:
    """Two quarterly tasks led by the department since Q1 2025: in Q1 one report
    was submitted on time and one late; in Q2 one on time and one missing."""
    city = factories.agency("ubnd-tp", kind=Agency.Kind.CITY_COMMITTEE, name_en="City")
    lead = factories.agency("so-vhtt", name_en="Department of Culture", parent=city)
    ward = factories.agency("00004", kind=Agency.Kind.WARD, name_en="Hoan Kiem", parent=lead)
    other = factories.agency("so-tc", name_en="Finance")
    since = date(2025, 1, 1)
    first = factories.task(lead=lead, code="2.1", title_en="Coordination rules", starts_on=since)
    second = factories.task(lead=lead, code="2.2", title_en="Support enterprises", starts_on=since)
    helped = factories.task(lead=other, coordinating=(lead,), code="6.1", title_en="Capital")
    q1, q2 = factories.quarter(2025, 1), factories.quarter(2025, 2)
    officer = factories.user(Role.OFFICER, of=lead)

    def submitted(task: Any, period: Any, days: int) -> None:
        factories.report(
            task, period, officer, first_submitted_at=factories.at(period.due_on + timedelta(days))
        )

    submitted(first, q1, -2)
    submitted(second, q1, +3)
    submitted(first, q2, 0)
    return {"lead": lead, "ward": ward, "helped": helped, "q1": q1, "q2": q2}


def test_agency_page(client: Client) -> None:
    setup_agency()
    as_member(client, Role.OFFICER)
    text = page(client, "/agencies/so-vhtt/")
    assert "Department of Culture" in text
    assert "Coordination rules" in text and "Support enterprises" in text
    coordinated = text[text.index("Coordinated by this agency") :]
    assert "Capital" in coordinated
    assert 'href="/agencies/00004/"' in text  # its ward
    assert 'href="/agencies/ubnd-tp/"' in text  # its parent
    # Q1: 2 due, 2 submitted, 1 on time: 100% and 50%. Q2: 2 due, 1 submitted on time: 50%, 50%.
    rows = text[text.index("Reports: completeness") : text.index("Tasks</h2>")]
    assert "Q1/2025" in rows and "Q2/2025" in rows
    assert f"Q1/{date.today().year + 1}" not in rows
    assert rows.count("100%") == 1
    assert rows.count("50%") == 3
    assert "History" in text


def test_history_shows_who_changed_what(client: Client) -> None:
    made = setup_agency()
    lead = made["lead"]
    lead.name_en = "Department of Culture and Sports"
    lead.save()
    as_member(client)
    text = page(client, "/agencies/so-vhtt/")
    history = text[text.index("history-heading") :]
    assert "Department of Culture and Sports" in history
    assert "name (English)" in history.lower() or "Name (English)" in history


def test_agency_list(client: Client) -> None:
    setup_agency()
    factories.agency(
        "001", kind=Agency.Kind.DISTRICT, name_en="Ba Dinh district", valid_to=date(2025, 6, 30)
    )
    as_member(client)
    text = page(client, "/agencies/")
    assert 'href="/agencies/so-vhtt/"' in text
    former = text[text.index("Former agencies") :]
    assert "Ba Dinh district" in former


def test_completeness_as_csv(client: Client) -> None:
    setup_agency()
    as_member(client)
    client.cookies["django_language"] = "en"
    body = client.get("/agencies/so-vhtt/?format=csv").content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(body.lstrip("\ufeff").splitlines()))
    assert rows[0][0] == "Agency"
    assert rows[1][:2] == ["so-vhtt", "Q1/2025"]
    assert rows[1][3:] == ["2", "2", "1", "1.0", "0.5"]
    assert rows[2][3:] == ["2", "1", "1", "0.5", "0.5"]


def test_queries_are_bounded(client: Client, django_assert_max_num_queries: Any) -> None:
    made = setup_agency()
    for number in range(10):
        factories.agency(f"ward-{number}", kind=Agency.Kind.WARD, parent=made["lead"])
        factories.task(lead=made["lead"], code=f"9.{number}")
    as_member(client)
    with django_assert_max_num_queries(15):
        page(client, "/agencies/so-vhtt/")
    with django_assert_max_num_queries(8):
        page(client, "/agencies/")
