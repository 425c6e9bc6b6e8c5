"""Registry measures as the source of plan indicators: the registries register their
measures and an indicator's choices are those; a registry indicator linked to a task
shows its values on the task page, the indicator pages (public ones too, when
published) and the API, each value with the link to the records that make it; a key no
registry counts gives no values and says so."""

from datetime import date
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation

from cnvh.events import workflow
from cnvh.plan import registry_measures, values
from cnvh.plan.models import Indicator, Role, Task
from cnvh.plan.registry_measures import Records, RegistryMeasure
from cnvh.presentation import page_cache
from tests import factories
from tests.events import make
from tests.web.conftest import page

pytestmark = pytest.mark.django_db

# What the registries register, as the demo plan's indicators name them.
KEYS = {
    "tasks_completed",
    "reports_approved",
    "events_held",
    "events_views_on_time",
    "events_late_filings",
    "enterprises_supported",
    "support_granted",
    "support_disbursed",
    "ip_titles_supported",
    "ocop_handicrafts",
    "craft_villages_recognised",
    "brightspots_recognised",
    "brightspots_replications",
    "unesco_commitments_active",
    "people_trained",
    "units_disseminating",
    "dissemination_coverage",
}
RECORDS = "/events/?counted=held&year=2026"


def registry_indicator(key: str, **fields: Any) -> Indicator:
    fields.setdefault("name_vi", "Số sự kiện văn hóa được tổ chức")
    fields.setdefault("name_en", "Cultural events held")
    fields.setdefault("unit", "events")
    return factories.indicator(key.replace("_", "-"), source="registry", registry=key, **fields)


@pytest.fixture
def held_event() -> make.City:
    """One performance held on 2 March 2026, its ward's view on time."""
    town = make.city()
    event = make.event(town)
    workflow.start_clearance(event, date(2026, 2, 12), town.officer)
    workflow.answer_clearance(
        event.clearances.get(), "agree", "", date(2026, 2, 20), town.ward_officer
    )
    workflow.decide(event, True, "9/QĐ-SVHTT", date(2026, 2, 27), "", town.leader)
    workflow.publish(event, date(2026, 2, 27), town.officer)
    workflow.mark_held(event, date(2026, 3, 2), town.officer)
    return town


def test_an_indicator_chooses_among_the_registered_measures() -> None:
    assert {key for key, _ in registry_measures.choices()} == KEYS
    chosen = Indicator(code="held", name_vi="x", unit="events", source="registry")
    chosen.registry = "events_held"
    chosen.full_clean()
    chosen.registry = "no_such_count"
    with pytest.raises(ValidationError) as refused:
        chosen.full_clean()
    assert "registry" in refused.value.message_dict
    with translation.override("vi"):
        assert dict(registry_measures.choices())["events_held"] == "Số sự kiện văn hóa đã tổ chức"


def test_a_measure_registered_again_replaces_the_first_and_keys_fit_the_field() -> None:
    measure = registry_measures.get("tasks_completed")
    assert measure is not None
    try:
        registry_measures.register(
            RegistryMeasure(
                key="tasks_completed",
                name=measure.name,
                unit="tasks",
                description=measure.description,
                by_year=lambda: {2030: 7.0},
            )
        )
        done = registry_indicator("tasks_completed")
        assert [(v.year, v.value) for v in values.series(done)] == [(2030, 7.0)]
    finally:
        registry_measures.register(measure)
    with pytest.raises(ValueError, match="1 to 32 characters"):
        registry_measures.register(
            RegistryMeasure(
                key="x" * 33, name=measure.name, unit="", description=measure.name, by_year=dict
            )
        )


def test_tasks_completed_cumulative_with_their_list() -> None:
    for day in (date(2025, 3, 1), date(2026, 5, 1), date(2026, 6, 1)):
        factories.task(status=Task.Status.COMPLETED, completed_on=day)
    series = values.series(registry_indicator("tasks_completed"))
    assert [(v.year, v.value) for v in series] == [(2025, 1.0), (2026, 3.0)]
    assert series[0].records == Records(
        "plan-list", (("status", "completed"),), permission="plan.view_plan"
    )
    assert series[0].records.url == "/plan/?status=completed"


def test_a_key_no_registry_counts_gives_no_value_and_says_so(client: Client) -> None:
    gone = registry_indicator("counted_nowhere", published=True)
    assert values.series(gone) == []
    assert values.breakdown(gone, "area", 2026) == []
    assert values.series_many([gone]) == {gone.pk: []}
    text = page(client, "/indicators/counted-nowhere/")
    assert "No registry of this installation counts “counted_nowhere”" in text
    assert "This indicator has no value yet." in text
    assert client.get("/api/indicators/counted-nowhere").json()["series"] == []


def test_linked_to_a_task_it_shows_its_records(client: Client, held_event: make.City) -> None:
    held = registry_indicator("events_held", published=True, disaggregations=["area", "sector"])
    task = factories.task(code="5.1")
    task.indicators.add(held)
    client.force_login(held_event.coordinator)
    on_task = page(client, f"/plan/tasks/{task.pk}/")
    assert 'href="/indicators/events-held/"' in on_task
    assert f'— 1 (2026),\n                <a href="{RECORDS.replace("&", "&amp;")}">' in on_task
    detail = page(client, "/indicators/events-held/")
    assert f'<a href="{RECORDS.replace("&", "&amp;")}">Registry count: its records</a>' in detail
    assert "events held (or held and reported) whose first day falls in the year" in detail
    # Broken down by ward (its agency's page) and by sector, with its title.
    assert '<a href="/agencies/p-hoan-kiem/">Agency p-hoan-kiem</a>' in detail
    assert '<th scope="row">Performing arts</th>' in detail
    listed = page(client, RECORDS)
    assert "An evening of Trịnh" in listed


def test_the_public_and_the_api_see_a_published_one(client: Client, held_event: make.City) -> None:
    registry_indicator("events_held", published=True)
    text = page(client, "/indicators/events-held/", "vi")
    # The events list is for members: the public reads what is counted, with no link
    # that would send them to log in.
    assert RECORDS.replace("&", "&amp;") not in text
    assert "<td>Số đếm từ sổ theo dõi" in text
    assert "Đếm trong sổ sự kiện: các sự kiện đã tổ chức" in text
    assert "Số sự kiện văn hóa được tổ chức" in page(client, "/indicators/", "vi")
    body = client.get("/api/indicators/events-held").json()
    assert body["registry"] == "events_held"
    assert [(v["year"], v["value"], v["records_url"]) for v in body["series"]] == [
        (2026, 1.0, RECORDS)
    ]


def test_a_registry_record_saved_renews_the_public_pages() -> None:
    assert {"events.Event", "enterprises.SupportCase", "unesco.Outreach"} <= set(
        page_cache.watched()
    )


def test_records_open_only_for_a_role_their_page_lets_in() -> None:
    outreach = Records(
        "unesco-outreach", (("kind", "training"),), permission="unesco.view_outreach"
    )
    public = Records("brightspots-public", (("recognised_in", "2026"),))
    statistician = factories.user(Role.STATISTICIAN)
    coordinator = factories.user(Role.COORDINATOR)
    assert not outreach.open_to(statistician)
    assert not outreach.open_to(AnonymousUser())
    assert outreach.open_to(coordinator)
    assert public.open_to(AnonymousUser())
