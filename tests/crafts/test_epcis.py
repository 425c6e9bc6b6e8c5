"""The traceability chain as EPCIS 2.0 JSON-LD, and the public product page a QR code
points to (no login)."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.test import Client

from cnvh.crafts import workflow
from cnvh.crafts.models import Mark, Product, TraceEvent
from cnvh.plan.models import Role
from tests import factories
from tests.crafts import make

pytestmark = pytest.mark.django_db


def step(product: Product, when: datetime, biz_step: str, disposition: str) -> TraceEvent:
    return TraceEvent.objects.create(
        product=product,
        lot="L1",
        quantity=Decimal(120),
        event_time=when,
        action="OBSERVE",
        biz_step=biz_step,
        disposition=disposition,
        read_point="geo:20.9767,105.9128",
        biz_location="urn:epc:id:sgln:8935000.00001.0",
        place_name="Xưởng gốm",
        how="Kiểm tra men",
        recorded_by=factories.user(Role.COORDINATOR),
    )


def test_the_json_ld_is_an_epcis_2_document_of_object_events() -> None:
    product = make.product(code="binh-gom")
    # 01:30 UTC is 08:30 in Hanoi.
    step(product, datetime(2026, 10, 4, 1, 30, tzinfo=UTC), "shipping", "in_transit")
    step(product, datetime(2026, 10, 1, 3, 0, tzinfo=UTC), "commissioning", "active")
    response = Client().get("/p/binh-gom/epcis.jsonld")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    body = response.json()
    assert body["@context"][0] == "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"
    assert (body["type"], body["schemaVersion"]) == ("EPCISDocument", "2.0")
    first, second = body["epcisBody"]["eventList"]
    assert first == {
        "type": "ObjectEvent",
        "eventTime": "2026-10-01T10:00:00+07:00",
        "eventTimeZoneOffset": "+07:00",
        "action": "OBSERVE",
        "bizStep": "commissioning",
        "disposition": "active",
        "readPoint": {"id": "geo:20.9767,105.9128"},
        "bizLocation": {"id": "urn:epc:id:sgln:8935000.00001.0"},
        "quantityList": [
            {"epcClass": "http://testserver/p/binh-gom/?lot=L1", "quantity": 120.0, "uom": "H87"}
        ],
        "cnvh:how": "Kiểm tra men",
    }
    assert (second["eventTime"], second["bizStep"]) == ("2026-10-04T08:30:00+07:00", "shipping")


def test_the_public_page_needs_no_login() -> None:
    coordinator, leader = factories.user(Role.COORDINATOR), factories.user(Role.LEADER)
    village = make.village(name="Làng gốm Bát Tràng")
    product = make.product(village.ward, code="binh-gom", name_vi="Bình gốm", village=village)
    product.marks.add(
        Mark.objects.create(kind="collective", name="Gốm sứ Bát Tràng", registration_number="4-1")
    )
    rating = workflow.propose(product, coordinator, date(2025, 1, 2))
    workflow.score(rating, coordinator, Decimal(30), Decimal(20), Decimal("22.5"))
    workflow.decide(rating, leader, "12/QĐ-UBND", date(2025, 1, 31))
    step(product, datetime(2026, 10, 1, 3, 0, tzinfo=UTC), "commissioning", "active")
    client = Client()
    client.cookies["django_language"] = "en"
    page = client.get("/p/binh-gom/").content.decode()
    assert "Bình gốm" in page and "Làng gốm Bát Tràng" in page
    assert "4 stars (decision 12/QĐ-UBND), valid until 31/01/2028" in page
    assert "0102345677" in page and "Gốm sứ Bát Tràng" in page
    assert "01/10/2026 10:00" in page
    assert "http://testserver/p/binh-gom/" in page


def test_a_households_id_number_stays_off_the_public_page() -> None:
    make.product(code="hop", producer_kind="household")
    page = Client().get("/p/hop/").content.decode()
    assert "0102345677" not in page
    # The public list of the support granted, which never shows such a number either.
    assert '<a href="/support/grants/">' in page


def test_an_unknown_product_is_not_found() -> None:
    assert Client().get("/p/nothing/").status_code == 404
