"""The DCAT catalogue: JSON-LD that parses, with the fields DCAT asks for, and
distributions whose addresses answer with the media type and size they state."""

import json
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.test import Client

from cnvh.estimates.store import publish, save_estimate
from cnvh.plan.models import Agency
from tests import factories
from tests.conftest import engine_estimate

pytestmark = pytest.mark.django_db
PREFIXES = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


@pytest.fixture
def catalogue(client: Client, db: None) -> dict[str, Any]:
    first = save_estimate(engine_estimate(), label="first", synthetic=True)
    publish(first)
    second = save_estimate(engine_estimate(), label="second", synthetic=True)
    publish(second)
    save_estimate(engine_estimate(), label="third, not published", synthetic=True)
    publish(save_estimate(engine_estimate("fcs-core", with_ci=False), label="fcs", synthetic=True))
    factories.indicator("cnvh-grdp-share", published=True, targets={2025: 5, 2030: 8})
    factories.agency(
        "ubnd-tp",
        kind=Agency.Kind.CITY_COMMITTEE,
        name_vi="Ủy ban nhân dân thành phố Hà Nội",
        name_en="Hanoi People's Committee",
        email="open-data@example.org",
    )
    response = client.get("/open-data/catalog.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    return {"document": json.loads(response.content), "first": first, "second": second}


def terms(node: Any) -> set[str]:
    """Every compact term used as a key, anywhere in the document."""
    if isinstance(node, list):
        return {term for item in node for term in terms(item)}
    if not isinstance(node, dict):
        return set()
    found = {key for key in node if not key.startswith("@")}
    return found | {term for value in node.values() for term in terms(value)}


def languages(tagged: list[dict[str, str]]) -> set[str]:
    assert all(item["@value"] for item in tagged)
    return {item["@language"] for item in tagged}


def test_every_term_expands_through_the_context(catalogue: dict[str, Any]) -> None:
    document = catalogue["document"]
    context = document["@context"]
    for prefix, address in PREFIXES.items():
        assert context[prefix] == address
    used = terms({key: value for key, value in document.items() if key != "@context"})
    assert {"dct:title", "dcat:dataset", "dcat:distribution", "dcat:downloadURL"} <= used
    for term in used:
        prefix = term.split(":", 1)[0]
        assert ":" in term and prefix in context, term


def test_the_catalogue_has_what_dcat_asks_for(catalogue: dict[str, Any]) -> None:
    document = catalogue["document"]
    assert document["@type"] == "dcat:Catalog"
    assert document["@id"] == "http://testserver/open-data/catalog.jsonld"
    assert languages(document["dct:title"]) == {"vi", "en"}
    assert languages(document["dct:description"]) == {"vi", "en"}
    publisher = document["dct:publisher"]
    assert publisher["@type"] == "foaf:Agent"
    assert {n["@value"] for n in publisher["foaf:name"]} == {
        "Ủy ban nhân dân thành phố Hà Nội",
        "Hanoi People's Committee",
    }
    assert publisher["foaf:mbox"] == {"@id": "mailto:open-data@example.org"}
    assert document["dct:license"] == {"@id": "https://creativecommons.org/licenses/by/4.0/"}
    first, second = catalogue["first"], catalogue["second"]
    assert document["dct:issued"]["@value"] == first.publication.published_at.isoformat()
    assert document["dct:issued"]["@type"] == "xsd:dateTime"
    assert document["dct:modified"]["@value"] >= second.publication.published_at.isoformat()
    assert document["foaf:homepage"] == {"@id": "http://testserver/open-data/"}


def test_a_dataset_per_published_definition_and_one_of_indicators(
    catalogue: dict[str, Any],
) -> None:
    datasets = {d["dct:identifier"]: d for d in catalogue["document"]["dcat:dataset"]}
    assert set(datasets) == {"estimates-hanoi-plan", "estimates-fcs-core", "indicators"}
    plan = datasets["estimates-hanoi-plan"]
    second = catalogue["second"]
    assert plan["@type"] == "dcat:Dataset"
    assert plan["dcat:version"] == str(second.revision) == "2"  # the latest published, not 3
    assert plan["dct:modified"]["@value"] == second.publication.published_at.isoformat()
    assert plan["dct:issued"]["@value"] == catalogue["first"].publication.published_at.isoformat()
    assert plan["dct:temporal"]["dcat:startDate"] == {"@value": "2021-01-01", "@type": "xsd:date"}
    assert plan["dct:temporal"]["dcat:endDate"]["@value"] == "2024-12-31"
    assert languages(plan["dct:title"]) == {"vi", "en"}
    assert languages(plan["dcat:keyword"]) == {"vi", "en"}
    assert plan["dct:spatial"]["dct:identifier"] == "01"
    assert plan["dct:license"]["@id"].startswith("https://creativecommons.org/")
    indicators = datasets["indicators"]
    assert "dcat:version" not in indicators
    assert indicators["dct:temporal"]["dcat:endDate"]["@value"] == "2030-12-31"


def test_every_distribution_answers_as_stated(client: Client, catalogue: dict[str, Any]) -> None:
    found = 0
    for dataset in catalogue["document"]["dcat:dataset"]:
        for distribution in dataset["dcat:distribution"]:
            url = distribution["dcat:downloadURL"]["@id"]
            parts = urlsplit(url)
            assert (parts.scheme, parts.netloc) == ("http", "testserver")
            response = client.get(f"{parts.path}?{parts.query}" if parts.query else parts.path)
            assert response.status_code == 200, url
            media = distribution["dcat:mediaType"]["@id"].rsplit("/media-types/", 1)[1]
            assert response["Content-Type"].split(";")[0] == media
            assert distribution["dcat:byteSize"]["@value"] == str(len(response.content))
            assert distribution["dcat:byteSize"]["@type"] == "xsd:nonNegativeInteger"
            found += 1
    assert found == 6  # CSV and JSON of two definitions and of the indicators


def test_the_licence_comes_from_the_settings(
    client: Client, catalogue: dict[str, Any], settings: Any
) -> None:
    settings.CNVH_OPEN_DATA_LICENCE = "https://opendatacommons.org/licenses/by/1-0/"
    document = json.loads(client.get("/open-data/catalog.jsonld").content)
    assert document["dct:license"]["@id"] == "https://opendatacommons.org/licenses/by/1-0/"
    estimates = json.loads(client.get("/open-data/estimates.json").content)
    assert estimates["license"] == "https://opendatacommons.org/licenses/by/1-0/"


def test_an_empty_catalogue_still_parses(client: Client, db: None) -> None:
    document = json.loads(client.get("/open-data/catalog.jsonld").content)
    assert [d["dct:identifier"] for d in document["dcat:dataset"]] == ["indicators"]
    assert "dct:issued" not in document
