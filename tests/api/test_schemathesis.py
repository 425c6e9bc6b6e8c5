"""Schemathesis over the whole schema, with a real member's token on a database with
data: no server error (5xx), for valid and invalid input alike, and every response as
the schema says (status, content type, body, headers).

Its check that invalid input is refused is left out: it counts as invalid a query
parameter it drops itself when it sends the request (a false alarm). That unknown and
invalid parameters are refused is tested in test_errors.py.

Each operation is its own test, with a bounded number of examples per mode, so the
whole schema takes well under a minute. (Schemathesis' pytest plugin does not run
under this pytest; its strategies are driven by Hypothesis directly.)
"""

from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from cnvh.wsgi import application
from tests.api.test_schema import OPERATIONS
from tests.api.world import World

pytestmark = pytest.mark.django_db
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
EXAMPLES = 20


@pytest.fixture(autouse=True)
def connection_kept() -> Iterator[None]:
    """Schemathesis calls the WSGI application itself, which closes the database
    connection at the end of each request (as a server should); the test's transaction
    lives on that connection, so it is kept open, as Django's own test client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@cache
def api_schema() -> Any:
    return schemathesis.openapi.from_wsgi("/api/openapi.json", application)


STATISTICIAN_S = {"/api/import-kinds", "/api/imports", "/api/imports/{import_id}"}
STATISTICIAN_S |= {"/api/imports/{import_id}/confirm", "/api/estimate-runs"}
STATISTICIAN_S |= {"/api/estimate-runs/{run_id}"}


@pytest.fixture
def headers(world: World, settings: Any) -> Callable[[str], dict[str, str]]:
    """A real member's token: the statistician for imports and estimates, the lead
    agency's officer (who reads what an officer may, and writes reports) for the rest.
    The write limit is tested apart; here it would only stop the writes being explored."""
    settings.CNVH_API_WRITE_LIMIT = 1_000_000
    settings.CNVH_TASKS_INLINE = True

    def of(path: str) -> dict[str, str]:
        role = "statistician" if path in STATISTICIAN_S else "officer_of_lead"
        return {"Authorization": f"Bearer {world.tokens[role]}"}

    return of


def takes_input(operation: Any) -> bool:
    """Read from the schema Schemathesis holds: asking Django's test client would put
    back the connection closing that `connection_kept` takes away."""
    return bool(list(operation.iter_parameters()) or operation.body)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize(("method", "path"), sorted(OPERATIONS))
def test_operation(
    method: str, path: str, mode: GenerationMode, headers: Callable[[str], dict[str, str]]
) -> None:
    token = headers(path)
    operation = api_schema()[path][method.upper()]
    if mode is GenerationMode.NEGATIVE and not takes_input(operation):
        pytest.skip("the operation takes no parameter or body to send wrong")

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def explore(case: Any) -> None:
        case.call_and_validate(headers=token, checks=CHECKS)

    explore()


PUBLIC = sorted(
    key
    for key, name in OPERATIONS.items()
    if name
    in {
        "listScopes",
        "listEstimates",
        "getEstimate",
        "listEstimateRows",
        "listIndicators",
        "getIndicator",
        "listAreas",
    }
)


@pytest.mark.parametrize(("method", "path"), PUBLIC)
def test_public_operation_without_a_token(method: str, path: str, world: World) -> None:
    operation = api_schema()[path][method.upper()]

    @given(case=operation.as_strategy(generation_mode=GenerationMode.POSITIVE))
    @settings(
        max_examples=EXAMPLES // 2,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def explore(case: Any) -> None:
        case.headers = {}
        case.call_and_validate(checks=CHECKS)

    explore()
