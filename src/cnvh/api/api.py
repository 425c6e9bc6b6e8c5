"""The REST API: its routers, its one error body, and who is calling."""

from typing import Any

from django.http import HttpRequest
from django.utils import translation
from ninja import Field, NinjaAPI, Router, Schema
from ninja.openapi.docs import Swagger
from ninja.openapi.schema import OpenAPISchema

from cnvh import __version__
from cnvh.api import (
    agencies,
    areas,
    auth,
    brightspots,
    crafts,
    enterprises,
    errors,
    estimate_runs,
    event_writes,
    events,
    handlers,
    imports,
    indicators,
    investment,
    plan,
    report_writes,
    reports,
    road,
    statistics,
    unesco,
)
from cnvh.plan.permissions import roles_of

DESCRIPTION = """\
The figures and the plan of cnvh, the system a city uses to measure and steer its
cultural industries (công nghiệp văn hóa).

- **Public data** (scopes, estimates, indicators, areas) needs no token; the public sees
  what is published. Members see what the pages show them.
- **Authentication**: `Authorization: Bearer <token>`; a member makes and revokes tokens
  on the page [/api/tokens/](/api/tokens/). A logged-in browser session works too; a write
  with a session needs the CSRF token (header `X-CSRFToken`).
- **Permissions** are those of the pages, decided by the same rules.
- **Lists** are pages: `limit` (at most 1000) and `offset`; `count` is the whole list's.
- **Numbers** are given at full precision, never rounded; money in the unit stated with
  it (e.g. `million VND`); shares of estimates as fractions, indicators in their `unit`
  (`%` is percent). Each figure names its estimate revision, reports or import.
- **Errors** always have the body `{"code", "message": {"vi", "en"}, "field", "details"}`.
- **Writes** are limited per person (HTTP 429 with `Retry-After` when exceeded).
"""


class CityAPI(NinjaAPI):
    """Makes its OpenAPI schema once per address prefix and language. Making it takes
    half a second of processor time, on a public address; the operations cannot change
    while the process runs."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._schemas: dict[tuple[str, str | None], OpenAPISchema] = {}

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        key = (path_prefix, translation.get_language())
        if key not in self._schemas:
            self._schemas[key] = super().get_openapi_schema(path_prefix=path_prefix)
        return self._schemas[key]


api = CityAPI(
    title="cnvh API",
    version=__version__,
    description=DESCRIPTION,
    urls_namespace="api",
    docs=Swagger(settings={"persistAuthorization": False}),
)
handlers.install(api)
api.add_decorator(handlers.known_parameters_only(api), mode="view")
# The writes join the reads' router: one URL pattern per address, all its methods.
assert report_writes.router is reports.router
assert event_writes.router is events.router
for router in (
    statistics.router,
    road.router,
    indicators.router,
    areas.router,
    plan.router,
    agencies.router,
    reports.router,
    imports.router,
    estimate_runs.router,
    crafts.router,
    brightspots.router,
    unesco.router,
    enterprises.router,
    investment.router,
    events.router,
):
    api.add_router("", router)

me_router = Router(tags=["account"], auth=auth.member)


class RoleOut(Schema):
    role: str
    agency: str = Field(description="The agency's code.")


class MeOut(Schema):
    username: str
    full_name: str
    roles: list[RoleOut]
    token: str | None = Field(description="The name of the token used, if one was.")


@me_router.get(
    "/me",
    response={200: MeOut, **errors.ERRORS},
    operation_id="getMe",
    summary="Who you are to the API, and the roles you hold",
)
def get_me(request: HttpRequest) -> dict[str, Any]:
    user = request.auth  # type: ignore[attr-defined]
    held = sorted(roles_of(user))
    codes = dict(user.memberships.values_list("agency_id", "agency__code"))
    token = getattr(request, "api_token", None)
    return {
        "username": user.get_username(),
        "full_name": user.get_full_name(),
        "roles": [{"role": role, "agency": codes.get(agency, "")} for role, agency in held],
        "token": token.name if token else None,
    }


api.add_router("", me_router)
