"""The commitments, their activities and the outreach activities as CSV and XLSX:
hand-checked figures, participants by sex, and an officer's file holding only their
own agency's activities."""

import csv
import io
from datetime import date

import pytest
from django.test import Client
from python_calamine import CalamineWorkbook

from tests.unesco.conftest import City, activity, commitment, outreach

pytestmark = pytest.mark.django_db


def client_of(user: object, language: str = "vi") -> Client:
    client = Client()
    client.cookies["django_language"] = language
    client.force_login(user)  # type: ignore[arg-type]
    return client


def rows_of(response: object) -> list[dict[str, str]]:
    text = response.content.decode("utf-8-sig")  # type: ignore[attr-defined]
    return list(csv.DictReader(io.StringIO(text)))


def test_commitments_with_what_their_activities_spent(city: City) -> None:
    centre = commitment(city, "C1", 2_000_000_000)
    commitment(city, "C2", 500_000_000, scope="international")
    activity(city, centre, date(2025, 3, 1), date(2025, 3, 3), 120_000_000)
    activity(city, centre, date(2025, 9, 1), date(2025, 9, 2), 30_500_000, cities="Bandung")
    rows = rows_of(client_of(city.leader, "en").get("/unesco/commitments/?format=csv"))
    assert [
        (r["Code"], r["Planned budget (VND)"], r["Budget spent on its activities (VND)"])
        for r in rows
    ] == [("C1", "2000000000", "150500000"), ("C2", "500000000", "0")]
    assert rows[0]["Activities"] == "2" and rows[0]["Plan tasks"] == "8.1"

    response = client_of(city.leader, "en").get("/unesco/activities/download/")
    book = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    header, *data = book.get_sheet_by_index(1).to_python()
    found = [dict(zip(header, row, strict=True)) for row in data]
    assert [(r["Commitment"], r["Budget spent (VND)"], r["Partner cities"]) for r in found] == [
        ("C1", 120_000_000, ""),
        ("C1", 30_500_000, "Bandung"),
    ]
    assert found[1]["Starts on"] == date(2025, 9, 1)


def test_outreach_with_participants_by_sex_as_each_may_see(city: City) -> None:
    outreach(
        city,
        "training",
        city.department,
        date(2025, 4, 10),
        participants={"officials": (12, 8), "creatives": (20, 15)},
    )
    outreach(
        city,
        "dissemination",
        city.ward,
        date(2025, 5, 2),
        user=city.ward_officer,
        participants={"residents": (40, 35)},
    )
    rows = rows_of(client_of(city.coordinator, "en").get("/unesco/outreach/?format=csv"))
    by_kind = {row["Kind"]: row for row in rows}
    course = by_kind["Training course"]
    assert (course["Participants: women"], course["Participants: men"]) == ("32", "23")
    assert course["Participants: total"] == "55"
    assert course["Officials and civil servants: women"] == "12"
    assert course["Budget (VND)"] == "5000000"
    assert by_kind["Dissemination session"]["Participants: total"] == "75"

    # The ward officer's file: their ward's session only, as their page shows.
    mine = rows_of(client_of(city.ward_officer, "en").get("/unesco/outreach/?format=csv"))
    assert [row["Kind"] for row in mine] == ["Dissemination session"]
    kept = client_of(city.coordinator).get("/unesco/outreach/?kind=training&format=csv")
    assert [row["Loại"] for row in rows_of(kept)] == ["Khóa đào tạo, bồi dưỡng"]
