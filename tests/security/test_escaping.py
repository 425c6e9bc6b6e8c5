"""HTML and script written into any text field come out inert on every page.

Each field gets its own numbered payload, so the test also shows that every field
is really shown somewhere (escaped), rather than passing because nothing was shown.
"""

import dataclasses
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from cnvh.estimates.store import save_estimate
from cnvh.plan.models import Target
from tests.conftest import engine_estimate
from tests.security.routes import ROUTES
from tests.security.world import PDF, World, boundary_collection, build

pytestmark = pytest.mark.django_db
RAW = ("<script>alert(", "<img src=x onerror=", '"><img')
# Pages seen by these people, in both languages, cover every page that shows text.
VIEWERS = ["anonymous", "administrator", "coordinator", "leader_of_lead", "officer_of_lead"]


def payload(number: int) -> str:
    return f'<script>alert({number})</script>"><img src=x onerror=alert({number})>'


def escaped(number: int) -> tuple[str, str]:
    """How the payload looks in HTML text and in json_script's JSON."""
    return f"&lt;script&gt;alert({number})", f"\\u003Cscript\\u003Ealert({number})"


class Fields:
    """Hands out numbered payloads and remembers which field got which."""

    def __init__(self) -> None:
        self.names: dict[int, str] = {}

    def __call__(self, name: str, short: bool = False) -> str:
        number = len(self.names) + 1
        self.names[number] = name
        return f"<script>alert({number})</script>" if short else payload(number)

    def set(self, obj: Any, *attributes: str) -> None:
        for attribute in attributes:
            setattr(obj, attribute, self(f"{type(obj).__name__}.{attribute}"))
        obj.save()


def poison_models(world: World, fields: Fields) -> None:
    """What people type in the admin or that a plan import brings in."""
    objects = world.objects
    task = objects["task"]
    for agency in [task.lead_agency, *task.coordinating_agencies.all()]:
        fields.set(agency, "name_vi", "name_en", "short_name")
    fields.set(task, "title_vi", "title_en", "description_vi", "description_en")
    fields.set(task, "expected_output_vi", "expected_output_en")
    fields.set(task.group, "title_vi", "title_en")
    fields.set(task.group.plan, "title_vi", "title_en", "objectives_vi", "objectives_en")
    for name in ("reported_indicator", "hidden_indicator"):
        indicator = objects[name]
        fields.set(indicator, "name_vi", "name_en", "definition_vi", "definition_en")
        indicator.unit = fields(f"{name}.unit", short=True)
        indicator.save()
    target = Target(indicator=objects["hidden_indicator"], year=2025, value=5)
    fields.set(target, "note_vi", "note_en")
    fields.set(world.people["officer_of_lead"], "first_name", "last_name")
    fields.set(world.people["coordinator"], "first_name")


def poisoned_estimate(fields: Fields) -> Any:
    """A revision whose definition titles, sector titles and input file name are hostile."""
    result = engine_estimate()
    sectors = {
        key: {"title_vi": fields(f"sector {key} vi"), "title_en": fields(f"sector {key} en")}
        for key in result.scope.sectors
    }
    scope = dataclasses.replace(
        result.scope,
        title_vi=fields("scope.title_vi"),
        title_en=fields("scope.title_en"),
        sectors=sectors,
    )
    provenance = json.loads(json.dumps(result.provenance))
    provenance["inputs"]["units"]["path"] = fields("provenance input path")
    return save_estimate(
        dataclasses.replace(result, scope=scope, provenance=provenance),
        label=fields("estimate label"),
        synthetic=True,
    )


def poison_through_forms(world: World, fields: Fields) -> None:
    """What people type in cnvh's own forms."""
    objects = world.objects
    officer = world.client("officer_of_lead")
    name = fields("evidence file name").replace("/", "") + ".pdf"
    upload = SimpleUploadedFile(name, PDF, content_type="application/pdf")
    data = {"task_status": "in_progress", "percent_done": "10", "save": "1", "evidence": upload}
    response = officer.post(
        f"/reports/{objects['draft'].pk}/", {**data, "narrative": fields("narrative")}
    )
    assert response.status_code == 302
    submitted = objects["submitted"]
    reason = {f"r{submitted.pk}-reason": fields("return reason")}
    assert (
        world.client("coordinator").post(f"/approvals/{submitted.pk}/return/", reason).status_code
        == 302
    )
    statistician = world.client("statistician")
    estimate = objects["estimate"]
    published = statistician.post(
        f"/estimates/{estimate.pk}/publish/", {"confirm": "on", "note": fields("publish note")}
    )
    assert published.status_code == 302
    code_property = fields("code property", short=True)
    geojson = SimpleUploadedFile(
        fields("boundary file name").replace("/", "") + ".json",
        boundary_collection(fields("feature name"), code_property),
    )
    boundary = {"file": geojson, "code_property": code_property}
    response = world.client("administrator").post("/boundaries/", boundary)
    assert response.status_code == 302, response.content.decode()[-2000:]


def pages(world: World) -> list[str]:
    extra = [
        f"/reports/{world.objects['submitted'].pk}/",
        f"/estimates/{world.objects['estimate'].pk}/",
        f"/indicators/{world.objects['reported_indicator'].code}/",
    ]
    return [route.url(world) for route in ROUTES.values()] + extra


@pytest.fixture
def world(settings: Any, tmp_path: Path) -> World:
    settings.MEDIA_ROOT = tmp_path / "media"
    return build(tmp_path / "media")


def test_every_text_field_is_shown_escaped_and_nowhere_raw(world: World) -> None:
    fields = Fields()
    poison_models(world, fields)
    world.objects["estimate"] = poisoned_estimate(fields)
    poison_through_forms(world, fields)
    shown = ""
    for role in VIEWERS:
        for language in ("vi", "en"):
            client: Client = world.client(role)
            client.cookies["django_language"] = language
            for url in pages(world):
                response = client.get(url)
                if response.status_code != 200 or "html" not in response["Content-Type"]:
                    continue
                body = response.content.decode()
                for raw in RAW:
                    assert raw not in body, (role, language, url, raw)
                assert not event_handlers(body), (role, url)
                shown += body
    unseen = {
        name
        for number, name in fields.names.items()
        if not any(e in shown for e in escaped(number))
    }
    # The ward code goes only into the GeoJSON file, which is not HTML; pages name
    # agencies in full, the short name is for e-mails and exports. (The publication's
    # note is shown, escaped, in the publication history.)
    assert unseen == {"feature name", "Agency.short_name"}
    assert len(fields.names) >= 40


class EventHandlers(HTMLParser):
    """Attributes such as onerror= that the browser would run, as it parses the page
    (text inside an attribute's value, escaped, is not one)."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found += [f"{tag} {name}" for name, _ in attrs if name.startswith("on")]


def event_handlers(body: str) -> list[str]:
    parser = EventHandlers()
    parser.feed(body)
    return parser.found
