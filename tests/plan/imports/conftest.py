"""Fixtures of the plan's import tests."""

from typing import Any

import pytest

from tests import factories


@pytest.fixture
def city(db: None) -> Any:
    return factories.agency("ubnd-tp", kind="city", name_vi="UBND Thành phố")
