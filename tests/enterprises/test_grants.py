"""The public list of granted support: only the programmes that publish their grants,
only approved cases, each with its amount and decision, read without a login in both
languages and as CSV; a household's or an individual's personal number never shown."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.test import Client

from cnvh.enterprises import workflow
from cnvh.enterprises.models import Programme, SupportCase
from cnvh.plan.models import Role
from tests import factories
from tests.enterprises.conftest import enterprise

pytestmark = pytest.mark.django_db
HOUSEHOLD_NUMBER = "001085012345"
ARTISAN_NUMBER = "001190054321"


@pytest.fixture
def cases() -> dict[str, SupportCase]:
    owner = factories.agency("so-cong-thuong", name_vi="Sở Công Thương")
    officer, leader = factories.user(Role.OFFICER, owner), factories.user(Role.LEADER, owner)
    published = Programme.objects.create(
        code="so-hoa",
        name_vi="Hỗ trợ chuyển đổi số",
        name_en="Digital transformation support",
        kind="digital",
        owner=owner,
        publishes_grants=True,
    )
    quiet = Programme.objects.create(
        code="ip", name_vi="Hỗ trợ sở hữu trí tuệ", kind="ip", owner=owner
    )
    firms = {
        "firm": enterprise("0101234565", "Công ty Gốm Sứ Thăng Long"),
        "household": enterprise(HOUSEHOLD_NUMBER, "Hộ kinh doanh Gốm Minh", legal_form="household"),
        "artisan": enterprise(ARTISAN_NUMBER, "Nghệ nhân Lê Văn Hòa", legal_form="artisan"),
        "waiting": enterprise("0105556669", "Công ty Chờ Duyệt"),
        "refused": enterprise("0107778882", "Công ty Bị Từ Chối"),
    }

    def case(programme: Programme, key: str, granted: int | None, decided: date) -> SupportCase:
        made = workflow.receive(
            programme, firms[key], date(2026, 3, 2), Decimal(2 * 10**9), officer
        )
        if granted is None:
            return made
        workflow.review(made, 80, "Đạt", officer)
        if granted == 0:
            return workflow.refuse(made, decided, "9/QĐ-SCT", "Không đủ điều kiện", leader)
        number = f"{decided.day}/QĐ-SCT"
        return workflow.approve(made, decided, number, Decimal(granted), date(2026, 12, 31), leader)

    made = {
        "firm": case(published, "firm", 1_250_000_000, date(2026, 4, 1)),
        "household": case(published, "household", 300_000_000, date(2026, 5, 6)),
        "artisan": case(published, "artisan", 45_500_000, date(2026, 4, 2)),
        "waiting": case(published, "waiting", None, date(2026, 4, 1)),
        "refused": case(published, "refused", 0, date(2026, 4, 3)),
        "quiet": case(quiet, "firm", 700_000_000, date(2026, 4, 9)),
    }
    # A report received later leaves the grant approved, so listed.
    workflow.receive_report(made["firm"], date(2026, 11, 20), "Số hóa 3 quy trình", officer)
    return made


def test_the_public_page_lists_approved_cases_of_publishing_programmes(
    cases: dict[str, SupportCase],
) -> None:
    response = Client().get("/support/grants/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Hỗ trợ chuyển đổi số" in page and "Hỗ trợ sở hữu trí tuệ" not in page
    assert "Công ty Gốm Sứ Thăng Long" in page and "<code>0101234565</code>" in page
    assert "1.250.000.000" in page
    assert "1/QĐ-SCT, 01/04/2026" in page and "6/QĐ-SCT, 06/05/2026" in page
    # 1.250.000.000 + 300.000.000 + 45.500.000, the published programme's only.
    assert "1.595.500.000" in page and "700.000.000" not in page
    assert "Công ty Chờ Duyệt" not in page and "Công ty Bị Từ Chối" not in page
    assert "Hộ kinh doanh Gốm Minh" in page and "Nghệ nhân Lê Văn Hòa" in page
    assert HOUSEHOLD_NUMBER not in page and ARTISAN_NUMBER not in page
    assert "Số tiền hỗ trợ (đồng)" in page


def test_the_page_in_english(cases: dict[str, SupportCase]) -> None:
    client = Client()
    client.cookies["django_language"] = "en"
    page = client.get("/support/grants/").content.decode()
    assert "Digital transformation support" in page and "Amount granted (VND)" in page
    assert "1,250,000,000" in page and "3 grants" in page


def test_the_csv_file_holds_the_same_rows_and_no_personal_number(
    cases: dict[str, SupportCase],
) -> None:
    client = Client()
    client.cookies["django_language"] = "en"
    response = client.get("/support/grants/?format=csv")
    body = response.content.decode("utf-8-sig")
    assert HOUSEHOLD_NUMBER not in body and ARTISAN_NUMBER not in body
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == [
        "Programme code",
        "Programme",
        "Enterprise",
        "Tax code",
        "Amount granted (VND)",
        "Decision number",
        "Decision date",
    ]
    # The latest decision first.
    assert rows[1:] == [
        [
            "so-hoa",
            "Digital transformation support",
            "Hộ kinh doanh Gốm Minh",
            "",
            "300000000",
            "6/QĐ-SCT",
            "2026-05-06",
        ],
        [
            "so-hoa",
            "Digital transformation support",
            "Nghệ nhân Lê Văn Hòa",
            "",
            "45500000",
            "2/QĐ-SCT",
            "2026-04-02",
        ],
        [
            "so-hoa",
            "Digital transformation support",
            "Công ty Gốm Sứ Thăng Long",
            "0101234565",
            "1250000000",
            "1/QĐ-SCT",
            "2026-04-01",
        ],
    ]


def test_nothing_is_listed_once_the_programme_stops_publishing(
    cases: dict[str, SupportCase],
) -> None:
    Programme.objects.filter(code="so-hoa").update(publishes_grants=False)
    page = Client().get("/support/grants/").content.decode()
    assert "Công ty Gốm Sứ Thăng Long" not in page
    assert Client().get("/support/grants/?format=csv").content.decode("utf-8-sig").count("\n") == 1
