"""Fixtures of the enterprise register's tests."""

from typing import Any

import pytest

from cnvh.enterprises.entries import save_enterprise
from cnvh.enterprises.models import Enterprise
from cnvh.plan.models import Role
from tests import factories


def enterprise(tax_code: str, name: str = "Công ty Gốm Bát Tràng", **fields: Any) -> Enterprise:
    fields.setdefault("legal_form", "enterprise")
    return save_enterprise(Enterprise(tax_code=tax_code, name_vi=name, **fields))


@pytest.fixture
def coordinator(db: None) -> Any:
    return factories.user(Role.COORDINATOR, factories.agency("ubnd-tp", kind="city"))
