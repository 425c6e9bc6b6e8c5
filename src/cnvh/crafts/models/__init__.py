"""Handicrafts and craft villages (Decree 52/2018/NĐ-CP), OCOP products and their
ratings (Decision 148/QĐ-TTg), geographical indications and collective marks, and
traceability events shaped as GS1 EPCIS 2.0 ObjectEvents."""

from cnvh.crafts.models.products import Mark, ProducerKind, Product, ProductGroup
from cnvh.crafts.models.ratings import OcopBand, OcopRating, OcopScheme
from cnvh.crafts.models.trace import TraceEvent
from cnvh.crafts.models.villages import Artisan, Craft, CraftVillage, RecognitionThreshold

__all__ = [
    "Artisan",
    "Craft",
    "CraftVillage",
    "Mark",
    "OcopBand",
    "OcopRating",
    "OcopScheme",
    "ProducerKind",
    "Product",
    "ProductGroup",
    "RecognitionThreshold",
    "TraceEvent",
]
