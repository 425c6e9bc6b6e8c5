"""Fixtures of the plan's import tests."""

from typing import Any

import pytest

from cnvh.plan.demo.catalogue import load_agencies, load_documents, load_indicators, load_plan
from cnvh.plan.models import Plan
from tests import factories


@pytest.fixture
def city(db: None) -> Any:
    return factories.agency("ubnd-tp", kind="city", name_vi="UBND Thành phố")


@pytest.fixture
def demo(db: None) -> Plan:
    agencies = load_agencies()
    documents = load_documents(agencies)
    indicators = load_indicators(documents)
    return load_plan(agencies, documents, indicators)
