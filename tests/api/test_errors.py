"""One error body for every error: code, message in Vietnamese and English, field."""

from typing import Any

import pytest
from django.test import Client

from cnvh.plan import workflow
from tests.api.world import World

pytestmark = pytest.mark.django_db


def error(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json; charset=utf-8"
    body = response.json()
    assert set(body) == {"code", "message", "field", "details"}
    assert body["code"] == code
    assert set(body["message"]) == {"vi", "en"}
    assert body["message"]["vi"] and body["message"]["en"]
    return body


def test_400_a_body_that_is_not_json(world: World) -> None:
    client = world.client("officer_of_lead")
    response = client.post("/api/reports", "{not json", content_type="application/json")
    body = error(response, 400, "bad_request")
    assert "JSON" in body["message"]["en"]


def test_401_no_token_where_one_is_needed(world: World) -> None:
    response = Client().get("/api/plans")
    body = error(response, 401, "not_authenticated")
    assert response["WWW-Authenticate"] == 'Bearer realm="cnvh"'
    assert "/api/tokens/" in body["message"]["en"]
    assert "/api/tokens/" in body["message"]["vi"]


@pytest.mark.parametrize(
    "header",
    ["Bearer cnvh_not-a-token", "Bearer ", "Token abc", "Basic dXNlcjpwYXNz", "cnvh_x"],
)
def test_401_a_wrong_token_even_where_none_is_needed(world: World, header: str) -> None:
    response = Client(headers={"Authorization": header}).get("/api/scopes")
    body = error(response, 401, "not_authenticated")
    assert body["field"] == "Authorization"


def test_403_a_role_that_does_not_allow_it(world: World) -> None:
    body = error(world.get("no_role", "/api/plans"), 403, "permission_denied")
    assert body["field"] is None


def test_404_unknown_objects_and_addresses(world: World) -> None:
    for url in ["/api/tasks/999999", "/api/nothing/here", "/api/", "/api/plans/no-such-plan"]:
        error(world.get("coordinator", url), 404, "not_found")
    # An unpublished indicator does not exist for the public.
    error(world.get("anonymous", "/api/indicators/hidden"), 404, "not_found")


def test_405_a_method_the_address_does_not_take(world: World) -> None:
    response = world.client("coordinator").delete("/api/scopes")
    body = error(response, 405, "method_not_allowed")
    assert response["Allow"] == "GET"
    assert "DELETE" in body["message"]["en"]
    error(world.client("coordinator").post("/api/openapi.json"), 405, "method_not_allowed")


def test_409_a_report_that_is_not_editable(world: World) -> None:
    submitted = world.objects["submitted"]
    url = f"/api/reports/{submitted.pk}"
    body = error(
        world.send("officer_of_lead", "patch", url, {"narrative": "x"}), 409, "not_editable"
    )
    assert "submitted" in body["message"]["en"]
    error(world.send("officer_of_lead", "post", url + "/submit"), 409, "not_editable")


def test_422_each_bad_field_in_details(world: World) -> None:
    response = world.get("anonymous", "/api/estimate-rows", year="two thousand", limit=0)
    body = error(response, 422, "invalid")
    fields = {detail["field"]: detail for detail in body["details"]}
    assert set(fields) == {"year", "limit"}
    assert body["field"] in fields
    assert fields["year"]["message"]["en"] == "year must be a whole number, such as 2024."
    assert fields["year"]["message"]["vi"] != fields["year"]["message"]["en"]
    assert fields["limit"]["message"]["en"] == "limit must be at least 1."


def test_422_a_parameter_the_address_does_not_take(world: World) -> None:
    """A misspelt filter would otherwise be ignored, and the whole list read as filtered."""
    body = error(
        world.get("coordinator", "/api/reports", stauts="approved"), 422, "unknown_parameter"
    )
    assert body["field"] == "stauts"
    assert "status" in body["message"]["en"] and "status" in body["message"]["vi"]
    assert body["message"]["vi"] != body["message"]["en"]
    error(world.get("anonymous", "/api/indicators/events", year="2024"), 422, "unknown_parameter")


def test_422_a_body_field_is_named_as_sent(world: World) -> None:
    draft = world.objects["draft"]
    response = world.send(
        "officer_of_lead", "patch", f"/api/reports/{draft.pk}", {"percent_done": 140}
    )
    body = error(response, 422, "invalid")
    assert body["field"] == "percent_done"
    assert body["details"][0]["message"]["en"] == "percent_done must be at most 100."


def test_422_the_workflow_refuses_in_both_languages(world: World) -> None:
    officer = world.people["officer_of_lead"]
    empty = workflow.start_report(world.objects["task"], world.objects["q2"], officer)
    response = world.send("officer_of_lead", "post", f"/api/reports/{empty.pk}/submit")
    body = error(response, 422, "invalid")
    assert body["field"] == "narrative"
    assert body["message"]["en"] == "Write what was done in the period before submitting."
    assert body["message"]["vi"] != body["message"]["en"]


def test_the_schema_documents_the_error_body(world: World) -> None:
    schema = Client().get("/api/openapi.json").json()
    assert "ErrorOut" in schema["components"]["schemas"]
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for status in ("401", "403", "404", "422", "429"):
                content = operation["responses"][status]["content"]["application/json"]
                assert content["schema"] == {"$ref": "#/components/schemas/ErrorOut"}, (
                    method,
                    path,
                    status,
                )
