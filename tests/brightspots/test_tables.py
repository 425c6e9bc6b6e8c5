"""The models and replications as CSV and XLSX files: what each holds, hand-checked,
and what a nominee and the public never get (a score before the decision, a
person's name)."""

import csv
import io
from datetime import date

import pytest
from django.test import Client
from python_calamine import CalamineWorkbook

from cnvh.brightspots import workflow
from cnvh.brightspots.models import BrightSpot, Decision, Replication
from tests.brightspots.conftest import City
from tests.brightspots.test_pages import client_of


def rows_of(response: object) -> list[dict[str, str]]:
    text = response.content.decode("utf-8-sig")  # type: ignore[attr-defined]
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def registry(city: City) -> City:
    """A model hosted by a person, recognised on two members' scores and taken up in
    the other ward (in place) and planned elsewhere; another admitted, scored, undecided."""
    spot = city.spot("Phố sách", host_kind=BrightSpot.HostKind.PERSON, host_name="Nguyễn Văn An")
    nomination = workflow.nominate(city.round, city.ward_officer, city.ward, spot)
    nomination = workflow.screen(nomination, city.coordinator, admitted=True)
    # 0,30×8 + 0,25×7 + 0,20×9 + 0,15×6 + 0,10×10 = 7,85; the second member 9: mean 8,425.
    city.score(nomination, city.members[0], "8", "7", "9", "6", "10")
    city.score(nomination, city.members[1], "9", "9", "9", "9", "9")
    decision = Decision(
        outcome="recognised",
        number="125/QĐ-UBND",
        decided_on=date(2026, 3, 15),
        level="ward",
        valid_until=date(2029, 3, 14),
    )
    workflow.decide(nomination, city.coordinator, decision)
    spot.refresh_from_db()
    for target, status in ((city.other_ward, "in_place"), (city.department, "planned")):
        replication = Replication(target=target, started_on=date(2026, 5, 1), status=status)
        workflow.record_replication(spot, city.coordinator, replication)
    pending = city.admitted("Làng gốm")
    city.score(pending, city.members[0], "5", "5", "5", "5", "5")
    return city


def test_the_coordinators_file_of_models(registry: City) -> None:
    rows = rows_of(client_of(registry.coordinator).get("/brightspots/?format=csv"))
    by_name = {row["Mô hình (tiếng Việt)"]: row for row in rows}
    assert set(by_name) == {"Phố sách", "Làng gốm"}
    recognised = by_name["Phố sách"]
    assert recognised["Đơn vị chủ trì"] == "Nguyễn Văn An"
    assert recognised["Số quyết định"] == "125/QĐ-UBND"
    assert recognised["Ngày quyết định"] == "2026-03-15"
    assert (recognised["Lượt nhân rộng"], recognised["Lượt nhân rộng đã đi vào hoạt động"]) == (
        "2",
        "1",
    )
    assert recognised["Điểm có trọng số (đề cử gần nhất)"] == "8.4250"
    assert by_name["Làng gốm"]["Điểm có trọng số (đề cử gần nhất)"] == "5.0000"


def test_a_nominee_never_sees_a_score_before_the_decision(registry: City) -> None:
    rows = rows_of(client_of(registry.ward_officer).get("/brightspots/?format=csv"))
    by_name = {row["Mô hình (tiếng Việt)"]: row for row in rows}
    assert by_name["Làng gốm"]["Điểm có trọng số (đề cử gần nhất)"] == ""
    assert by_name["Phố sách"]["Điểm có trọng số (đề cử gần nhất)"] == "8.4250"
    # An officer of another agency, who may not read the nomination, sees no score.
    rows = rows_of(client_of(registry.other_officer).get("/brightspots/?format=csv"))
    assert {row["Điểm có trọng số (đề cử gần nhất)"] for row in rows} == {""}


def test_the_public_file_names_no_person_and_holds_no_score(registry: City) -> None:
    response = Client().get("/bright-spots/?format=xlsx")
    assert response.status_code == 200
    book = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    header, *rows = book.get_sheet_by_index(1).to_python()
    assert len(rows) == 1  # the recognised model only
    row = dict(zip(header, rows[0], strict=True))
    assert row["Mô hình (tiếng Việt)"] == "Phố sách"
    assert row["Đơn vị chủ trì"] == "(một cá nhân)"
    cells = [
        str(value)
        for sheet in (0, 1)
        for line in book.get_sheet_by_index(sheet).to_python()
        for value in line
    ]
    assert not [cell for cell in cells if "Nguyễn Văn An" in cell]
    assert not [title for title in header if "Điểm" in str(title)]
    assert row["Lượt nhân rộng"] == 2


def test_the_replications_file(registry: City) -> None:
    response = client_of(registry.members[0], "en").get(
        "/brightspots/replications/download/?format=csv"
    )
    rows = rows_of(response)
    assert [(r["Model"], r["Taken up by"], r["Status"], r["Started on"]) for r in rows] == [
        ("Phố sách (en)", registry.other_ward.label, "In place", "2026-05-01"),
        ("Phố sách (en)", registry.department.label, "Planned", "2026-05-01"),
    ]
    assert Client().get("/brightspots/replications/download/").status_code == 302
