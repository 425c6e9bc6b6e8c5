"""A product's traceability chain as a GS1 EPCIS 2.0 document in JSON-LD: one
ObjectEvent per recorded step, times in Vietnam's offset (+07:00)."""

from datetime import datetime, timedelta, timezone
from typing import Any

from cnvh.crafts.models import Product, TraceEvent

EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"
# Our extension (the "how" of a step) lives in its own namespace, as EPCIS asks.
CNVH_NAMESPACE = "https://cnvh.hanoi.gov.vn/epcis/"
VIETNAM = timezone(timedelta(hours=7), "+07:00")
OFFSET = "+07:00"


def in_vietnam(moment: datetime) -> str:
    return moment.astimezone(VIETNAM).isoformat(timespec="seconds")


def what(event: TraceEvent, product_url: str) -> list[dict[str, Any]]:
    """The product's lot as an EPC class with its quantity."""
    return [
        {
            "epcClass": f"{product_url}?lot={event.lot}",
            "quantity": float(event.quantity),
            "uom": "H87",  # UN/CEFACT "piece"
        }
    ]


def object_event(event: TraceEvent, product_url: str) -> dict[str, Any]:
    found: dict[str, Any] = {
        "type": "ObjectEvent",
        "eventTime": in_vietnam(event.event_time),
        "eventTimeZoneOffset": OFFSET,
        "action": event.action,
        "bizStep": event.biz_step,
        "disposition": event.disposition,
        "readPoint": {"id": event.read_point},
        "quantityList": what(event, product_url),
    }
    if event.biz_location:
        found["bizLocation"] = {"id": event.biz_location}
    if event.how:
        found["cnvh:how"] = event.how
    return found


def document(product: Product, product_url: str, created: datetime) -> dict[str, Any]:
    events = product.trace_events.order_by("event_time", "pk")
    return {
        "@context": [EPCIS_CONTEXT, {"cnvh": CNVH_NAMESPACE}],
        "type": "EPCISDocument",
        "schemaVersion": "2.0",
        "creationDate": in_vietnam(created),
        "epcisBody": {"eventList": [object_event(event, product_url) for event in events]},
    }
