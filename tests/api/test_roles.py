"""Every endpoint × every kind of person: the status each gets, by token and by session.

Each request runs in a savepoint rolled back afterwards, so one person's write does not
change what the next finds.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import transaction
from django.test import Client

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


@dataclass(frozen=True)
class Call:
    method: str
    url: Callable[[World], str]
    expected: dict[str, int]
    body: Callable[[World], Any] = lambda world: None


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
}


def outcome(world: World, call: Call, client: Client) -> int:
    body = call.body(world)
    with transaction.atomic():
        if body is None:
            response = getattr(client, call.method)(call.url(world))
        else:
            response = getattr(client, call.method)(
                call.url(world), body, content_type="application/json"
            )
        transaction.set_rollback(True)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return response.status_code


@pytest.mark.parametrize("name", sorted(CALLS))
def test_every_person_gets_what_the_rules_give_by_token(world: World, name: str) -> None:
    call = CALLS[name]
    got = {role: outcome(world, call, world.client(role)) for role in ROLES}
    assert got == call.expected


@pytest.mark.parametrize("name", sorted(CALLS))
def test_a_session_gets_the_same_as_a_token(world: World, name: str) -> None:
    call = CALLS[name]
    got = {}
    for role in ROLES:
        client = Client()
        if role != "anonymous":
            client.force_login(world.people[role])
        got[role] = outcome(world, call, client)
    assert got == call.expected
