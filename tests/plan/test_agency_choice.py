"""Choosing an agency: grouped (the city and its departments first, then wards and
communes), in Vietnamese order, in the task form and the agencies list; the list's
completeness and timeliness for the last period, computed from the reports."""

from datetime import date

import pytest
from django.test import Client
from django.utils import translation

from cnvh.plan import workflow
from cnvh.plan.agency_order import grouped, in_order
from cnvh.plan.completeness import last_period_rates
from cnvh.plan.forms import TaskForm
from cnvh.plan.models import Agency, Role
from tests import factories

pytestmark = pytest.mark.django_db
WARD, COMMUNE, DEPARTMENT = Agency.Kind.WARD, Agency.Kind.COMMUNE, Agency.Kind.DEPARTMENT


@pytest.fixture
def agencies() -> dict[str, Agency]:
    made = {}
    for code, kind, name in [
        ("yen-hoa", WARD, "Phường Yên Hòa"),
        ("o-cho-dua", WARD, "Phường Ô Chợ Dừa"),
        ("dong-da", WARD, "Phường Đống Đa"),
        ("dong-anh", COMMUNE, "Xã Đông Anh"),
        ("ung-hoa", COMMUNE, "Xã Ứng Hòa"),
        ("ba-vi", COMMUNE, "Xã Ba Vì"),
        ("so-vhtt", DEPARTMENT, "Sở Văn hóa và Thể thao"),
        ("so-du-lich", DEPARTMENT, "Sở Du lịch"),
        ("ubnd", Agency.Kind.CITY_COMMITTEE, "Ủy ban nhân dân Thành phố"),
    ]:
        made[code] = factories.agency(code, kind, name_vi=name)
    return made


def names(found: list[Agency]) -> list[str]:
    return [agency.name_vi for agency in found]


def test_groups_and_order(agencies: dict[str, Agency]) -> None:
    found = grouped(Agency.objects.all())
    assert [(key, names(members)) for key, _label, members in found] == [
        ("city", ["Ủy ban nhân dân Thành phố", "Sở Du lịch", "Sở Văn hóa và Thể thao"]),
        ("ward", ["Phường Đống Đa", "Phường Ô Chợ Dừa", "Phường Yên Hòa"]),
        ("commune", ["Xã Ba Vì", "Xã Đông Anh", "Xã Ứng Hòa"]),
    ]
    assert names(in_order(Agency.objects.all()))[3] == "Phường Đống Đa"


def test_task_form_offers_grouped_choices(agencies: dict[str, Agency]) -> None:
    with translation.override("vi"):  # the names as a Vietnamese page shows them
        form = TaskForm(plan=factories.plan(agencies["so-vhtt"]))
        lead = form.fields["lead_agency"].choices  # type: ignore[attr-defined]
        groups = [str(group) for group, _ in lead[1:]]
        wards = [str(name) for _, name in lead[2][1]]
        page = str(form["coordinating_agencies"])
    assert lead[0] == ("", "—")
    assert groups == ["Thành phố và các sở", "Phường", "Xã"]
    assert wards == ["Phường Đống Đa", "Phường Ô Chợ Dừa", "Phường Yên Hòa"]
    assert 'type="checkbox"' in page and "data-agency-picker" in page
    assert page.index("Sở Du lịch") < page.index("Phường Đống Đa") < page.index("Xã Ba Vì")


def test_coordinating_agencies_are_ticked_and_saved(agencies: dict[str, Agency]) -> None:
    plan = factories.plan(agencies["so-vhtt"])
    group = factories.group(plan)
    form = TaskForm(
        {
            "group": group.pk,
            "code": "4.1",
            "title_vi": "Hỗ trợ làng nghề",
            "lead_agency": agencies["so-vhtt"].pk,
            "coordinating_agencies": [agencies["ung-hoa"].pk, agencies["o-cho-dua"].pk],
            "starts_on": "01/02/2026",
            "due_on": "31/12/2026",
            "frequency": "quarter",
        },
        plan=plan,
    )
    assert form.is_valid(), form.errors
    task = form.save()
    assert set(task.coordinating_agencies.values_list("code", flat=True)) == {
        "ung-hoa",
        "o-cho-dua",
    }


def test_completeness_and_timeliness_of_the_last_period(agencies: dict[str, Agency]) -> None:
    lead = agencies["so-vhtt"]
    officer = factories.user(Role.OFFICER, lead, "canbo")
    quarter = factories.quarter(2026, 1)  # due on 10/04/2026
    submissions = [date(2026, 4, 5), date(2026, 4, 10), date(2026, 4, 20), None]
    for number, day in enumerate(submissions):
        task = factories.task(lead=lead, code=f"1.{number}", frequency="quarter")
        if day is not None:
            report = factories.report(task, quarter, by=officer)
            workflow.submit(report, officer, now=factories.at(day))
    periods, rates = last_period_rates(date(2026, 5, 1))
    assert periods == [quarter]
    rate = rates[lead.pk]
    assert (rate.due, rate.submitted, rate.on_time) == (4, 3, 2)
    assert (rate.completeness, rate.timeliness) == (0.75, 0.5)

    client = Client()
    client.force_login(factories.user(Role.COORDINATOR, agencies["ubnd"], "dieuphoi"))
    page = client.get("/agencies/").content.decode()
    row = page[page.index("Sở Văn hóa và Thể thao") :]
    row = row[: row.index("</tr>")]
    assert "75%" in row and "(3/4)" in row and "50%" in row
    assert page.index("Sở Du lịch") < page.index("Phường Đống Đa") < page.index("Xã Ba Vì")
