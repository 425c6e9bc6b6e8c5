"""Agencies from a file: inserted or updated by code, with their history; every problem
reported with its row and column, in Vietnamese and English, and nothing saved."""

from datetime import date
from typing import Any

import pytest

from cnvh.plan.imports import AgencyKind
from cnvh.plan.models import Agency
from tests import factories
from tests.plan.imports.support import record, rows, run

pytestmark = pytest.mark.django_db
KIND = AgencyKind()


def agency_row(code: str, **cells: Any) -> dict[str, Any]:
    cells.setdefault("name_vi", f"Cơ quan {code}")
    cells.setdefault("kind", "department")
    return {"code": code, **cells}


def test_inserts_and_updates_by_code_with_history(city: Agency) -> None:
    factories.agency("so-vhtt", name_vi="Sở VHTT (tên cũ)", name_en="", parent=city)
    importer = factories.user(name="quantri")
    on = record("agencies", "co-quan.xlsx", by=importer)
    problems, saved = run(
        KIND,
        rows(
            agency_row(
                "so-vhtt",
                name_vi="Sở Văn hóa và Thể thao",
                name_en="Department of Culture and Sports",
                kind="Sở, ngành",
                parent="ubnd-tp",
            ),
            # Its parent comes on the next row: saved first all the same.
            agency_row("tt-sang-tao", kind="Other body", parent="so-du-lich", short_name="TTST"),
            agency_row(
                "so-du-lich",
                kind="Sở",
                parent="ubnd-tp",
                valid_from=date(2020, 1, 1),
                valid_to=None,
            ),
            agency_row("00004", kind="Phường", unit_code="00004", valid_from=date(2025, 7, 1)),
        ),
        on,
    )
    assert problems.found == []
    assert saved == 4
    so_vhtt = Agency.objects.get(code="so-vhtt")
    assert (so_vhtt.name_vi, so_vhtt.name_en, so_vhtt.kind) == (
        "Sở Văn hóa và Thể thao",
        "Department of Culture and Sports",
        "department",
    )
    centre = Agency.objects.select_related("parent").get(code="tt-sang-tao")
    assert centre.parent is not None
    assert (centre.kind, centre.parent.code, centre.short_name) == ("other", "so-du-lich", "TTST")
    ward = Agency.objects.get(code="00004")
    assert (ward.kind, ward.unit_code, ward.valid_from) == ("ward", "00004", date(2025, 7, 1))
    assert ward.parent is None  # no parent column: none given
    latest, before = so_vhtt.history.all()[:2]
    assert latest.history_change_reason == f"import #{on.pk} co-quan.xlsx"
    assert latest.history_user == importer
    assert before.name_vi == "Sở VHTT (tên cũ)"
    assert centre.history.get().history_change_reason == f"import #{on.pk} co-quan.xlsx"


def test_the_same_file_again_changes_nothing(city: Agency) -> None:
    file = rows(agency_row("so-vhtt", parent="ubnd-tp", valid_to=date(2030, 12, 31)))
    assert run(KIND, file)[1] == 1
    problems, saved = run(KIND, file)
    assert (problems.found, saved) == ([], 0)
    assert Agency.objects.get(code="so-vhtt").history.count() == 1


def test_an_empty_cell_keeps_the_field_a_dash_empties_it(city: Agency) -> None:
    factories.agency(
        "so-vhtt",
        name_en="Department of Culture",
        short_name="Sở VHTT",
        unit_code="01",
        parent=city,
    )
    run(KIND, rows(agency_row("so-vhtt", name_en=None, short_name="-", parent="—")))
    kept = Agency.objects.get(code="so-vhtt")
    assert (kept.name_en, kept.short_name, kept.unit_code) == ("Department of Culture", "", "01")
    assert kept.parent is None


def assert_nothing_saved(before: int) -> None:
    assert Agency.objects.count() == before
    assert Agency.history.count() == before


def test_unknown_parent(city: Agency) -> None:
    problems, saved = run(
        KIND, rows(agency_row("so-a", parent="ubnd-tp"), agency_row("so-b", parent="so-khong-co"))
    )
    problem = problems.only()
    assert (problem.row, problem.column, saved) == (3, "parent", 0)
    assert "“so-khong-co”" in problem.what_vi and "trong tệp hay trong hệ thống" in problem.what_vi
    assert "No parent agency with code “so-khong-co”" in problem.what_en
    assert "thêm một dòng" in problem.fix_vi and "add a row" in problem.fix_en
    assert_nothing_saved(1)


def test_a_new_parent_defined_earlier_in_the_file(city: Agency) -> None:
    # "so-moi" is new and has no parent of its own; the next row hangs under it.
    problems, saved = run(
        KIND,
        rows(agency_row("so-moi", parent=""), agency_row("phong-moi", parent="so-moi")),
    )
    assert problems.found == []
    assert saved == 2
    child = Agency.objects.get(code="phong-moi")
    assert child.parent is not None and child.parent.code == "so-moi"
    assert Agency.objects.get(code="so-moi").parent is None


def test_duplicate_code_in_the_file(city: Agency) -> None:
    problems, _ = run(KIND, rows(agency_row("so-a"), agency_row("so-b"), agency_row("so-a")))
    problem = problems.only()
    assert (problem.row, problem.column) == (4, "code")
    assert problem.what_vi == "Mã cơ quan trùng với dòng 2."
    assert problem.what_en == "The agency code repeats row 2."
    assert_nothing_saved(1)


def test_parents_in_a_circle_within_the_file(city: Agency) -> None:
    problems, _ = run(
        KIND,
        rows(agency_row("so-a", parent="so-b"), agency_row("so-b", parent="so-a")),
    )
    assert [(p.row, p.column) for p in problems.found] == [(2, "parent"), (3, "parent")]
    assert problems.found[0].what_vi == "Cơ quan cấp trên tạo vòng lặp: so-a → so-b → so-a."
    assert problems.found[1].what_en == "The parents go round in a circle: so-b → so-a → so-b."
    assert_nothing_saved(1)


def test_a_circle_through_agencies_already_saved(city: Agency) -> None:
    upper = factories.agency("so-a", parent=city)
    factories.agency("phong-b", parent=upper)
    problems, _ = run(KIND, rows(agency_row("so-a", parent="phong-b")))
    problem = problems.only()
    assert (problem.row, problem.column) == (2, "parent")
    assert "so-a → phong-b → so-a" in problem.what_en
    assert Agency.objects.get(code="so-a").parent == city


def test_an_agency_its_own_parent(city: Agency) -> None:
    problems, _ = run(KIND, rows(agency_row("so-a", parent="so-a")))
    assert problems.only().what_en == "The parents go round in a circle: so-a → so-a."


def test_unknown_kind(city: Agency) -> None:
    problems, _ = run(KIND, rows(agency_row("so-a", kind="Bộ")))
    problem = problems.only()
    assert (problem.row, problem.column) == (2, "kind")
    assert problem.what_vi == "Không rõ loại cơ quan “Bộ”."
    assert "department (Sở, ngành)" in problem.fix_vi
    assert "department (Department)" in problem.fix_en
    assert_nothing_saved(1)


def test_end_before_start(city: Agency) -> None:
    problems, _ = run(
        KIND, rows(agency_row("so-a", valid_from=date(2025, 7, 1), valid_to=date(2025, 6, 30)))
    )
    problem = problems.only()
    assert (problem.row, problem.column) == (2, "valid_to")
    assert "30/06/2025 trước ngày bắt đầu 01/07/2025" in problem.what_vi
    assert "2025-06-30 comes before the start date 2025-07-01" in problem.what_en
    assert_nothing_saved(1)


def test_end_before_the_saved_start(city: Agency) -> None:
    factories.agency("so-a", valid_from=date(2025, 7, 1))
    problems, _ = run(KIND, rows(agency_row("so-a", valid_to=date(2025, 6, 30))))
    problem = problems.only()
    assert (problem.row, problem.column) == (2, "valid_to")
    assert "2025-06-30 comes before the start date 2025-07-01" in problem.what_en
    problems, _ = run(KIND, rows(agency_row("so-a", valid_from=date(2031, 1, 1))))
    assert problems.found == []
    problems, _ = run(KIND, rows(agency_row("so-a", valid_to=date(2030, 12, 31))))
    assert problems.only().column == "valid_to"


@pytest.mark.parametrize("code", ["sở-vhtt", "so vhtt", "a" * 33])
def test_code_that_is_not_a_code(city: Agency, code: str) -> None:
    problems, _ = run(KIND, rows(agency_row(code)))
    problem = problems.only()
    assert (problem.row, problem.column) == (2, "code")
    assert "không hợp lệ" in problem.what_vi and "is not valid" in problem.what_en
    assert "so-vhtt" in problem.fix_en


def test_every_problem_of_the_file_at_once(city: Agency) -> None:
    problems, _ = run(
        KIND,
        rows(
            agency_row("so-a", kind="?", unit_code="HN-1"),
            agency_row("so-b", parent="nowhere", name_vi="x" * 256),
        ),
    )
    assert sorted((p.row, p.column) for p in problems.found) == [
        (2, "kind"),
        (2, "unit_code"),
        (3, "name_vi"),
        (3, "parent"),
    ]
    assert_nothing_saved(1)
