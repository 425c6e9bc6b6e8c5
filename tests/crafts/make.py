"""Records of the crafts registry for tests: real-looking, valid, small."""

from datetime import date
from itertools import count
from typing import Any

from cnvh.crafts.models import (
    Artisan,
    Craft,
    CraftVillage,
    Mark,
    Product,
    RecognitionThreshold,
)
from cnvh.plan.models import Agency

DAY = date(2026, 3, 2)
# Valid by stdnum.vn.mst: 10 digits, the last a check digit.
TAX_CODE = "0102345677"
_serial = count(1)


def ward(code: str | None = None) -> Agency:
    code = code or f"ward-{next(_serial)}"
    return Agency.objects.create(
        code=code, kind=Agency.Kind.WARD, name_vi=f"Phường {code}", name_en=f"Ward {code}"
    )


def craft(**fields: Any) -> Craft:
    number = next(_serial)
    fields.setdefault("code", f"craft-{number}")
    fields.setdefault("name_vi", f"Nghề {number}")
    fields.setdefault("traditional", True)
    return Craft.objects.create(**fields)


def village(in_ward: Agency | None = None, **fields: Any) -> CraftVillage:
    fields.setdefault("name", f"Làng nghề {next(_serial)}")
    fields.setdefault("households_total", 1000)
    fields.setdefault("households_in_trade", 250)
    fields.setdefault("years_stable", 3)
    fields.setdefault("environment_compliant", True)
    return CraftVillage.objects.create(
        ward=in_ward or ward(), craft=fields.pop("craft", None) or craft(), **fields
    )


def product(in_ward: Agency | None = None, **fields: Any) -> Product:
    number = next(_serial)
    fields.setdefault("code", f"product-{number}")
    fields.setdefault("name_vi", f"Sản phẩm {number}")
    fields.setdefault("group", "handicrafts")
    fields.setdefault("producer_name", "Công ty TNHH Gốm Minh Hải")
    fields.setdefault("producer_kind", "enterprise")
    fields.setdefault("producer_tax_code", TAX_CODE)
    return Product.objects.create(ward=in_ward or ward(), **fields)


def artisan(of: CraftVillage) -> Artisan:
    return Artisan.objects.create(
        name="Nghệ nhân Thử", craft=of.craft, village=of, title="peoples", recognised_year=2020
    )


def threshold() -> RecognitionThreshold:
    return RecognitionThreshold.objects.get(criterion="household_share")


def mark() -> Mark:
    return Mark.objects.create(
        kind=Mark.Kind.COLLECTIVE, name="Gốm sứ Bát Tràng", registration_number="4-0000001"
    )
