"""Every endpoint × every kind of person: the status each gets, by token and by session.

Each request runs in a savepoint rolled back afterwards, so one person's write does not
change what the next finds.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client

from cnvh.exchange import service
from cnvh.exchange.models import ImportRecord
from tests.api.test_imports import TOTALS, UNITS
from tests.api.world import MEMBERS, OVERSEERS, ROLES, WORKERS, World

pytestmark = pytest.mark.django_db
PUBLIC = set(ROLES) - MEMBERS


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(ROLES, status)


def members(status: int, others: int = 403) -> dict[str, int]:
    """`status` for members; the anonymous must authenticate, others get `others`."""
    found = {role: status if role in MEMBERS else others for role in ROLES}
    found["anonymous"] = 401
    return found


def hidden_from_public(status: int) -> dict[str, int]:
    return {role: status if role in MEMBERS else 404 for role in ROLES}


def only(status: int, allowed: set[str], seen_by: set[str], refused: int = 403) -> dict[str, int]:
    """`status` for `allowed`; `refused` for the others who may see the object; 404 for
    those it does not exist for; 401 for the anonymous."""
    found = {
        role: status if role in allowed else refused if role in seen_by else 404 for role in ROLES
    }
    found["anonymous"] = 401
    return found


# Officers (of departments here) import their own agency's events workbooks.
IMPORTERS = {"statistician", "coordinator", "administrator"} | WORKERS | {"officer_elsewhere"}


def importers(status: int, allowed: set[str] = IMPORTERS) -> dict[str, int]:
    """`status` for `allowed`; 403 for everyone else signed in; 401 for the anonymous."""
    return {**members(403), **dict.fromkeys(allowed, status)}


@dataclass(frozen=True)
class Call:
    method: str
    url: Callable[[World], str]
    expected: dict[str, int]
    body: Callable[[World], Any] = lambda world: None
    upload: bool = False  # the body is a form with a file, not JSON


def pk(name: str, template: str) -> Callable[[World], str]:
    return lambda world: template.format(world.objects[name].pk)


CALLS: dict[str, Call] = {
    "listScopes": Call("get", lambda w: "/api/scopes", everyone(200)),
    "listEstimates": Call("get", lambda w: "/api/estimates", everyone(200)),
    "getEstimate (published)": Call(
        "get", pk("published_estimate", "/api/estimates/{}"), everyone(200)
    ),
    "getEstimate (not published)": Call(
        "get", pk("estimate", "/api/estimates/{}"), hidden_from_public(200)
    ),
    "listEstimateRows": Call("get", lambda w: "/api/estimate-rows", everyone(200)),
    "listIndicators": Call("get", lambda w: "/api/indicators", everyone(200)),
    "getIndicator (published)": Call("get", lambda w: "/api/indicators/events", everyone(200)),
    "getIndicator (not published)": Call(
        "get", lambda w: "/api/indicators/hidden", hidden_from_public(200)
    ),
    "listAreas": Call("get", lambda w: "/api/areas", everyone(200)),
    "listPlans": Call("get", lambda w: "/api/plans", members(200)),
    "getPlan": Call("get", lambda w: f"/api/plans/{w.objects['plan'].code}", members(200)),
    "listGroups": Call("get", lambda w: "/api/groups", members(200)),
    "listTasks": Call("get", lambda w: "/api/tasks", members(200)),
    "getTask": Call("get", pk("task", "/api/tasks/{}"), members(200)),
    "listPeriods": Call("get", lambda w: "/api/periods", members(200)),
    "listAgencies": Call("get", lambda w: "/api/agencies", members(200)),
    "getAgency": Call("get", lambda w: f"/api/agencies/{w.objects['lead'].code}", members(200)),
    "listReports": Call("get", lambda w: "/api/reports", members(200)),
    "getReport": Call("get", pk("draft", "/api/reports/{}"), only(200, OVERSEERS | WORKERS, set())),
    "getMe": Call("get", lambda w: "/api/me", members(200, others=200)),
    "startReport": Call(
        "post",
        lambda w: "/api/reports",
        {**members(403), **dict.fromkeys(WORKERS, 201)},
        lambda w: {"task_id": w.objects["task"].pk, "period_id": w.objects["q2"].pk},
    ),
    "updateReport": Call(
        "patch",
        pk("draft", "/api/reports/{}"),
        only(200, WORKERS, OVERSEERS),
        lambda w: {"narrative": "Two exhibitions and a fair."},
    ),
    "submitReport": Call(
        "post", pk("draft", "/api/reports/{}/submit"), only(200, WORKERS, OVERSEERS)
    ),
    "listImportKinds": Call("get", lambda w: "/api/import-kinds", importers(200)),
    "listImports": Call("get", lambda w: "/api/imports", importers(200)),
    # The engine's inputs are the statistician's to import.
    "uploadImport": Call(
        "post",
        lambda w: "/api/imports",
        importers(201, {"statistician"}),
        lambda w: {"kind": "totals", "file": ("totals.csv", TOTALS)},
        upload=True,
    ),
    "getImport": Call(
        "get", pk("checked_import", "/api/imports/{}"), importers(200, {"statistician"})
    ),
    "confirmImport": Call(
        "post", pk("checked_import", "/api/imports/{}/confirm"), importers(200, {"statistician"})
    ),
    "startEstimate": Call(
        "post",
        lambda w: "/api/estimate-runs",
        importers(201, {"statistician"}),
        lambda w: {
            "scope": "hanoi-plan",
            "units_dataset_id": w.objects["units"].dataset.pk,
            "totals_dataset_id": w.objects["totals"].dataset.pk,
        },
    ),
    "getEstimateRun": Call(
        "get", pk("run", "/api/estimate-runs/{}"), importers(200, {"statistician"})
    ),
}


NEEDS_IMPORTS = {"uploadImport", "getImport", "confirmImport", "startEstimate", "getEstimateRun"}


@pytest.fixture
def with_imports(world: World, settings: Any) -> None:
    """Imported units and totals, an estimate from them, and a file checked, not saved."""
    settings.CNVH_TASKS_INLINE = True
    statistician = world.people["statistician"]

    def start(name: str, content: bytes, kind: str) -> ImportRecord:
        return service.start_import(statistician, SimpleUploadedFile(name, content), kind)

    units = service.confirm_import(statistician, start("units.csv", UNITS, "units"))
    totals = service.confirm_import(statistician, start("totals.csv", TOTALS, "totals"))
    world.objects |= {
        "units": units,
        "totals": totals,
        "checked_import": start("totals.csv", TOTALS, "totals"),
        "run": service.start_estimate(
            statistician,
            "hanoi-plan",
            units_dataset_id=units.dataset.pk,
            totals_dataset_id=totals.dataset.pk,
        ),
    }


def outcome(world: World, call: Call, client: Client) -> int:
    body = call.body(world)
    with transaction.atomic():
        if body is None:
            response = getattr(client, call.method)(call.url(world))
        elif call.upload:
            name, content = body.pop("file")
            body["file"] = SimpleUploadedFile(name, content)
            response = client.post(call.url(world), body)
        else:
            response = getattr(client, call.method)(
                call.url(world), body, content_type="application/json"
            )
        transaction.set_rollback(True)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return response.status_code


@pytest.mark.parametrize("name", sorted(CALLS))
def test_every_person_gets_what_the_rules_give_by_token(
    world: World, name: str, request: pytest.FixtureRequest
) -> None:
    if name in NEEDS_IMPORTS:
        request.getfixturevalue("with_imports")
    call = CALLS[name]
    got = {role: outcome(world, call, world.client(role)) for role in ROLES}
    assert got == call.expected


@pytest.mark.parametrize("name", sorted(CALLS))
def test_a_session_gets_the_same_as_a_token(
    world: World, name: str, request: pytest.FixtureRequest
) -> None:
    if name in NEEDS_IMPORTS:
        request.getfixturevalue("with_imports")
    call = CALLS[name]
    got = {}
    for role in ROLES:
        client = Client()
        if role != "anonymous":
            client.force_login(world.people[role])
        got[role] = outcome(world, call, client)
    assert got == call.expected
