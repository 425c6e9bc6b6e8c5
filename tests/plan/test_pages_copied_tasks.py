"""The plan page shows a task copied to each ward as one line with its coverage, and
lists the copies when asked."""

from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from cnvh.plan.models import Agency, ProgressReport, ReportingPeriod, Role, Task
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_client(client: Client) -> Client:
    today = timezone.localdate()
    culture = factories.agency("so-vhtt", name_vi="Sở Văn hóa và Thể thao", name_en="Culture")
    plan = factories.plan(owner=culture)
    group = factories.group(of=plan, number=8)
    factories.task(lead=culture, in_group=group, code="8.1", title_en="Publish the plan")
    wards = [
        factories.agency(code, kind=Agency.Kind.WARD, name_vi=name, name_en=name)
        for code, name in [("hk", "Hoàn Kiếm"), ("bd", "Ba Đình"), ("cg", "Cầu Giấy")]
    ]
    period = ReportingPeriod.objects.create(
        kind=ReportingPeriod.Kind.QUARTER,
        year=today.year - 1,
        number=4,
        starts_on=date(today.year - 1, 10, 1),
        ends_on=date(today.year - 1, 12, 31),
        due_on=date(today.year, 1, 10),
    )
    copies = [
        factories.task(
            lead=ward,
            in_group=group,
            code=f"8.2-{ward.code}",
            title_en=f"Disseminate the plan in {ward.name_en}",
            starts_on=date(today.year - 1, 1, 1),
            frequency=Task.Frequency.QUARTER,
            due_on=today - timedelta(days=1) if number == 0 else today + timedelta(days=90),
            status=Task.Status.COMPLETED if number == 1 else Task.Status.IN_PROGRESS,
            percent_done=[20, 100, 30][number],
        )
        for number, ward in enumerate(wards)
    ]
    officer = factories.user(Role.OFFICER, wards[0])
    now = timezone.now()
    factories.report(
        copies[0],
        period,
        officer,
        status=ProgressReport.Status.SUBMITTED,
        first_submitted_at=now,
    )
    factories.report(
        copies[1], period, officer, status=ProgressReport.Status.APPROVED, first_submitted_at=now
    )
    factories.report(copies[2], period, officer)  # a draft is not a report yet
    client.force_login(factories.user(Role.COORDINATOR, culture))
    client.cookies["django_language"] = "en"
    return client


def test_copies_are_one_line_with_their_coverage(page_client: Client) -> None:
    text = page_client.get("/plan/").content.decode()
    assert text.count('class="copied-row') == 1
    assert "Disseminate the plan in" in text
    table = text.split('id="task-table"', 1)[1]
    assert "Hoàn Kiếm" not in table  # the wards are behind the drill-down
    assert "3 wards and communes" in text
    assert "1 approved" in text
    assert "1 waiting for approval" in text
    assert "1 not reported" in text
    assert "1 overdue" in text
    assert "50%" in text  # (20 + 100 + 30) / 3
    assert "Publish the plan" in text


def test_the_drill_down_lists_each_copy(page_client: Client) -> None:
    text = page_client.get("/plan/?copies=8.2").content.decode().split('id="task-table"', 1)[1]
    assert 'class="copied-row' not in text
    for ward in ("Hoàn Kiếm", "Ba Đình", "Cầu Giấy"):
        assert ward in text
    assert "Publish the plan" not in text


def test_a_malformed_drill_down_is_ignored(page_client: Client) -> None:
    response = page_client.get("/plan/?copies=8.2%27%3B--")
    assert response.status_code == 200
    assert 'class="copied-row' in response.content.decode()
