"""Imports and estimates through the API: the import service's checks, records and
permissions, and an estimate from imported files checked by hand (the README's
worked example)."""

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cnvh.exchange.models import Dataset, EstimateRun, ImportRecord
from tests.api.world import World

pytestmark = pytest.mark.django_db

# The README's example: under hanoi-plan, A gives cinema 500 and broadcasting 500; B's
# derived 200 gives cuisine 40 (20%); C's revenue 400 × D's ratio 0.3 is 120 of
# advertising, D's 90 weighted twice 180: advertising 300. Total 1,340 of a GRDP of
# 100,000: 1.34%.
HEADER = b"unit_id,year,code,area,value_added,output,intermediate_consumption,revenue,"
UNITS = (
    HEADER
    + b"""employment,weight
A,2024,59.11,00004,1000,,,,10,
B,2024,5610,00004,,500,300,,20,
C,2024,7310,00008,,,,400,4,
D,2024,7310,00008,90,,,300,3,2
"""
)
TOTALS = b"year,grdp\n2024,100000\n"


@pytest.fixture(autouse=True)
def inline(settings: Any) -> None:
    settings.CNVH_TASKS_INLINE = True


def upload(world: World, role: str, name: str, content: bytes, kind: str, **extra: Any) -> Any:
    file = SimpleUploadedFile(name, content)
    return world.client(role).post("/api/imports", {"file": file, "kind": kind, **extra})


def imported(world: World, name: str, content: bytes, kind: str) -> dict[str, Any]:
    answer = upload(world, "statistician", name, content, kind)
    assert answer.status_code == 201, answer.content
    assert answer.json()["status"] == "checked"
    confirmed = world.send("statistician", "post", f"/api/imports/{answer.json()['id']}/confirm")
    assert confirmed.status_code == 200, confirmed.content
    body: dict[str, Any] = confirmed.json()
    return body


def test_what_each_person_may_import(world: World) -> None:
    def kinds(role: str) -> set[str]:
        answer = world.get(role, "/api/import-kinds")
        assert answer.status_code == 200
        return {kind["key"] for kind in answer.json()}

    assert {"units", "totals", "area_crosswalk"} <= kinds("statistician")
    assert "tasks" not in kinds("statistician")
    assert "tasks" in kinds("coordinator") and "units" not in kinds("coordinator")
    assert "agencies" in kinds("administrator")
    # An officer (of a department) imports their own agency's events and its training and
    # dissemination activities, nothing else.
    assert kinds("officer_of_lead") == {"events", "unesco-outreach"}
    assert world.get("anonymous", "/api/import-kinds").status_code == 401
    units = next(
        k for k in world.get("statistician", "/api/import-kinds").json() if k["key"] == "units"
    )
    assert {"unit_id", "year", "code", "value_added"} <= {c["name"] for c in units["columns"]}


def test_a_file_checked_then_saved(world: World) -> None:
    answer = upload(world, "statistician", "totals.csv", TOTALS, "totals")
    assert answer.status_code == 201
    body = answer.json()
    assert (body["status"], body["confirmable"], body["problems"]) == ("checked", True, [])
    assert [(c["header"], c["name"]) for c in body["columns"]][:2] == [
        ("year", "year"),
        ("grdp", "grdp"),
    ]
    assert body["rows_read"] == 1 and body["dataset_id"] is None
    assert not Dataset.objects.exists()
    again = world.get("statistician", f"/api/imports/{body['id']}").json()
    assert again == body
    confirmed = world.send("statistician", "post", f"/api/imports/{body['id']}/confirm").json()
    assert confirmed["status"] == "imported" and confirmed["rows_saved"] == 1
    assert confirmed["dataset_id"] == Dataset.objects.get().pk
    record = ImportRecord.objects.get(pk=body["id"])
    assert record.created_by == world.people["statistician"]
    listed = world.get("statistician", "/api/imports").json()
    assert [item["id"] for item in listed["items"]] == [body["id"]]


def test_problems_say_where_and_how_to_fix_in_both_languages(world: World) -> None:
    bad = b"year,grdp\n2024,100000\n2025,a lot\n"
    body = upload(world, "statistician", "totals.csv", bad, "totals").json()
    assert body["status"] == "invalid" and body["confirmable"] is False
    assert body["problem_count"] == len(body["problems"]) == 1
    problem = body["problems"][0]
    assert (problem["file"], problem["row"], problem["header"]) == ("totals.csv", 3, "grdp")
    for part in ("what", "fix"):
        assert problem[part]["vi"] and problem[part]["en"]
        assert problem[part]["vi"] != problem[part]["en"]
    refused = world.send("statistician", "post", f"/api/imports/{body['id']}/confirm")
    assert refused.status_code == 409
    assert refused.json()["code"] == "not_confirmable"
    assert not Dataset.objects.exists()


def test_a_file_of_a_type_never_read(world: World) -> None:
    body = upload(world, "statistician", "totals.exe", b"MZ\x90\x00", "totals").json()
    assert body["status"] == "invalid"
    assert "exe" in body["problems"][0]["what"]["en"]


def test_kinds_the_caller_may_not_import(world: World) -> None:
    unknown = upload(world, "statistician", "x.csv", TOTALS, "recipes")
    assert unknown.status_code == 422
    assert unknown.json()["field"] == "kind" and "units" in unknown.json()["message"]["en"]
    assert upload(world, "coordinator", "units.csv", UNITS, "units").status_code == 403
    assert upload(world, "officer_of_lead", "units.csv", UNITS, "units").status_code == 403
    assert not ImportRecord.objects.exists()
    record = upload(world, "statistician", "totals.csv", TOTALS, "totals").json()
    # The coordinator imports, but not the engine's inputs: this import is not theirs.
    assert world.get("coordinator", f"/api/imports/{record['id']}").status_code == 403
    assert (
        world.send("coordinator", "post", f"/api/imports/{record['id']}/confirm").status_code == 403
    )


def test_an_estimate_from_imported_files_checked_by_hand(world: World) -> None:
    units = imported(world, "units.csv", UNITS, "units")
    totals = imported(world, "totals.csv", TOTALS, "totals")
    answer = world.send(
        "statistician",
        "post",
        "/api/estimate-runs",
        {
            "scope": "hanoi-plan",
            "units_dataset_id": units["dataset_id"],
            "totals_dataset_id": totals["dataset_id"],
            "label": "README example",
        },
    )
    assert answer.status_code == 201, answer.content
    run = answer.json()
    assert run["status"] == "done" and run["problems"] == []
    assert run["datasets"] == {"units": units["dataset_id"], "totals": totals["dataset_id"]}
    rows = world.get(
        "statistician", "/api/estimate-rows", estimate_id=run["estimate_id"], limit=100
    ).json()["items"]
    figures = {row["sector"]: (row["value_added"], row["share"]) for row in rows}
    assert figures == {
        None: (1340.0, 0.0134),
        "cinema": (500.0, 0.005),
        "broadcasting": (500.0, 0.005),
        "cuisine": (40.0, 0.0004),
        "advertising": (300.0, 0.003),
    }
    assert {row["revision"] for row in rows} == {run["estimate_revision"]}
    assert rows[0]["unit"] == "million VND"
    followed = world.get("statistician", f"/api/estimate-runs/{run['id']}").json()
    assert followed == run
    provenance = world.get("statistician", f"/api/estimates/{run['estimate_id']}").json()
    assert provenance["provenance"]["estimate_run"] == run["id"]


def test_what_cannot_be_estimated_is_said_in_both_languages(world: World) -> None:
    totals = imported(world, "totals.csv", TOTALS, "totals")
    answer = world.send(
        "statistician",
        "post",
        "/api/estimate-runs",
        {"scope": "hanoi-plan", "totals_dataset_id": totals["dataset_id"]},
    )
    assert answer.status_code == 422
    body = answer.json()
    assert body["code"] == "cannot_estimate"
    assert (
        body["message"]["en"] == "Choose exactly one data set: unit-level or code-level aggregates"
    )
    assert body["message"]["vi"].startswith("Chọn đúng một tập dữ liệu")
    assert not EstimateRun.objects.exists()
    for role in ("coordinator", "officer_of_lead"):
        refused = world.send(role, "post", "/api/estimate-runs", {"totals_dataset_id": 1})
        assert refused.status_code == 403


def test_with_a_task_worker_the_save_and_the_estimate_wait_for_it(
    world: World, settings: Any
) -> None:
    units = imported(world, "units.csv", UNITS, "units")
    settings.CNVH_TASKS_INLINE = False
    record = upload(world, "statistician", "totals.csv", TOTALS, "totals").json()
    confirmed = world.send("statistician", "post", f"/api/imports/{record['id']}/confirm")
    assert confirmed.status_code == 202
    assert confirmed.json()["status"] == "saving"
    settings.CNVH_TASKS_INLINE = True
    totals = imported(world, "totals.csv", TOTALS, "totals")
    settings.CNVH_TASKS_INLINE = False
    answer = world.send(
        "statistician",
        "post",
        "/api/estimate-runs",
        {
            "scope": "hanoi-plan",
            "units_dataset_id": units["dataset_id"],
            "totals_dataset_id": totals["dataset_id"],
        },
    )
    assert answer.status_code == 201
    assert answer.json()["status"] == "queued" and answer.json()["estimate_id"] is None
