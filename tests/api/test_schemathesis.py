"""Schemathesis over the whole schema, with a real member's token on a database with
data: no server error (5xx), valid and invalid input alike, and every response as the
schema says (status, content type, body, headers); invalid input is refused.

Each operation is its own test, with a bounded number of examples per mode, so the
whole schema takes well under a minute. (Schemathesis' pytest plugin does not run
under this pytest; its strategies are driven by Hypothesis directly.)
"""

from functools import cache
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
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


@cache
def api_schema() -> Any:
    return schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@pytest.fixture
def officer(world: World, settings: Any) -> dict[str, str]:
    """The lead agency's officer: reads what an officer may, and writes reports. The
    write limit is tested apart; here it would only stop the writes being explored."""
    settings.CNVH_API_WRITE_LIMIT = 1_000_000
    return {"Authorization": f"Bearer {world.tokens['officer_of_lead']}"}


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize(("method", "path"), sorted(OPERATIONS))
def test_operation(method: str, path: str, mode: GenerationMode, officer: dict[str, str]) -> None:
    operation = api_schema()[path][method.upper()]
    checks = [*CHECKS, negative_data_rejection] if mode == GenerationMode.NEGATIVE else CHECKS

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def explore(case: Any) -> None:
        case.call_and_validate(headers=officer, checks=checks)

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
