"""The OpenAPI 3.1 schema, its stable operation ids, and the docs page (Swagger UI from
our own static files, under our Content Security Policy)."""

import re
from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

OPERATIONS = {
    ("get", "/api/scopes"): "listScopes",
    ("get", "/api/estimates"): "listEstimates",
    ("get", "/api/estimates/{estimate_id}"): "getEstimate",
    ("get", "/api/estimate-rows"): "listEstimateRows",
    ("get", "/api/road"): "getRoad",
    ("get", "/api/indicators"): "listIndicators",
    ("get", "/api/indicators/{code}"): "getIndicator",
    ("get", "/api/areas"): "listAreas",
    ("get", "/api/plans"): "listPlans",
    ("get", "/api/plans/{code}"): "getPlan",
    ("get", "/api/groups"): "listGroups",
    ("get", "/api/tasks"): "listTasks",
    ("get", "/api/tasks/{task_id}"): "getTask",
    ("get", "/api/periods"): "listPeriods",
    ("get", "/api/agencies"): "listAgencies",
    ("get", "/api/agencies/{code}"): "getAgency",
    ("get", "/api/enterprises"): "listEnterprises",
    ("get", "/api/enterprises/{key}"): "getEnterprise",
    ("get", "/api/programmes"): "listProgrammes",
    ("get", "/api/support-indicators"): "getSupportIndicators",
    ("get", "/api/investment-projects"): "listInvestmentProjects",
    ("get", "/api/investment-projects/{project_id}"): "getInvestmentProject",
    ("get", "/api/investment-figures"): "getInvestmentFigures",
    ("get", "/api/reports"): "listReports",
    ("post", "/api/reports"): "startReport",
    ("get", "/api/reports/{report_id}"): "getReport",
    ("patch", "/api/reports/{report_id}"): "updateReport",
    ("post", "/api/reports/{report_id}/submit"): "submitReport",
    ("get", "/api/me"): "getMe",
    ("get", "/api/import-kinds"): "listImportKinds",
    ("get", "/api/imports"): "listImports",
    ("post", "/api/imports"): "uploadImport",
    ("get", "/api/imports/{import_id}"): "getImport",
    ("post", "/api/imports/{import_id}/confirm"): "confirmImport",
    ("post", "/api/estimate-runs"): "startEstimate",
    ("get", "/api/estimate-runs/{run_id}"): "getEstimateRun",
    ("get", "/api/crafts/indicators"): "getCraftIndicators",
    ("get", "/api/crafts/products"): "listOcopProducts",
    ("get", "/api/bright-spots"): "listBrightSpots",
    ("get", "/api/bright-spots/{spot_id}"): "getBrightSpot",
    ("get", "/api/bright-spot-rounds"): "listBrightSpotRounds",
    ("get", "/api/bright-spot-rounds/{round_id}"): "getBrightSpotRound",
    ("get", "/api/bright-spot-indicators"): "getBrightSpotIndicators",
    ("get", "/api/unesco/indicators"): "getUnescoIndicators",
    ("get", "/api/unesco/commitments"): "listUnescoCommitments",
    ("get", "/api/unesco/activities"): "listUnescoActivities",
    ("get", "/api/unesco/outreach"): "listUnescoOutreach",
    ("get", "/api/events"): "listEvents",
    ("post", "/api/events"): "fileEvent",
    ("post", "/api/events/{event_id}/clearances/{agency}"): "giveEventView",
    ("get", "/api/events/{event_id}"): "getEvent",
    ("get", "/api/event-indicators"): "getEventIndicators",
}


def schema() -> dict[str, Any]:
    response = Client().get("/api/openapi.json")
    assert response.status_code == 200
    found: dict[str, Any] = response.json()
    return found


def test_openapi_3_1_with_stable_operation_ids() -> None:
    found = schema()
    assert found["openapi"] == "3.1.0"
    assert found["info"]["title"] == "cnvh API"
    operations = {
        (method, path): operation["operationId"]
        for path, methods in found["paths"].items()
        for method, operation in methods.items()
    }
    assert operations == OPERATIONS


def test_public_operations_need_no_token_the_others_do() -> None:
    found = schema()
    scheme = found["components"]["securitySchemes"]["BearerToken"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "bearer")
    public = {"listScopes", "listEstimates", "getEstimate", "listEstimateRows", "getRoad"}
    public |= {"listIndicators", "getIndicator", "listAreas"}
    public |= {"listBrightSpots", "getBrightSpot", "getBrightSpotIndicators"}
    for methods in found["paths"].values():
        for operation in methods.values():
            optional = {} in operation["security"]
            assert optional == (operation["operationId"] in public), operation["operationId"]


def test_writes_document_the_rate_limit() -> None:
    for methods in schema()["paths"].values():
        for method, operation in methods.items():
            assert "429" in operation["responses"], operation["operationId"]
            assert "200" in operation["responses"] or "201" in operation["responses"]
            if method != "get":
                assert "409" in operation["responses"]


def test_the_docs_page_uses_only_our_own_files() -> None:
    page = Client().get("/api/docs")
    assert page.status_code == 200
    html = page.content.decode()
    scripts = re.findall(r"<script([^>]*)>", html)
    sources = [re.search(r'src="([^"]+)"', attrs) for attrs in scripts]
    executable = [s.group(1) for s in sources if s]
    assert executable == ["/static/ninja/swagger-ui-bundle.js", "/static/ninja/swagger-ui-init.js"]
    # The only script without a source is the settings, as data.
    assert sum(1 for attrs in scripts if "src=" not in attrs) == 1
    assert 'type="application/json"' in html
    assert "cdn" not in html.lower()
    policy = page["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("style-src")[0]
    for url in [*executable, "/static/ninja/swagger-ui.css"]:
        assert Client().get(url).status_code == 200, url


def test_no_two_response_shapes_share_a_name() -> None:
    """The schema keys its components by class name: two `SectorOut`s would make one
    operation describe the other's answer."""
    import importlib
    import pkgutil

    from ninja import Schema

    import cnvh.api

    found: dict[str, str] = {}
    clashes = []
    for module_info in pkgutil.iter_modules(cnvh.api.__path__):
        module = importlib.import_module(f"cnvh.api.{module_info.name}")
        for name, value in vars(module).items():
            if isinstance(value, type) and issubclass(value, Schema) and value is not Schema:
                if value.__module__ != module.__name__:
                    continue
                if name in found and found[name] != module.__name__:
                    clashes.append((name, found[name], module.__name__))
                found[name] = module.__name__
    assert clashes == []


def test_the_schema_is_made_once_and_served_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    from ninja import main

    from cnvh.api.api import api

    made = []
    real = main.get_schema

    def counted(**kwargs: Any) -> Any:
        made.append(kwargs["path_prefix"])
        return real(**kwargs)

    monkeypatch.setattr(main, "get_schema", counted)
    monkeypatch.setattr(api, "_schemas", {})
    first = Client().get("/api/openapi.json").json()
    second = Client().get("/api/openapi.json").json()
    assert made == ["/api/"]
    monkeypatch.setattr(api, "_schemas", {})
    fresh = Client().get("/api/openapi.json").json()
    assert made == ["/api/", "/api/"]
    assert first == second == fresh
