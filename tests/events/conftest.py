"""Fixtures of the events tests."""

from collections.abc import Iterator

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def default_language_after() -> Iterator[None]:
    """A request leaves its language active in the thread; the next test starts from the
    default again."""
    yield
    translation.deactivate()
