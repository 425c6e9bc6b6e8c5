"""Fixtures of the API tests."""

from pathlib import Path
from typing import Any

import pytest

from tests.api.world import World, build


@pytest.fixture
def world(db: None, settings: Any, tmp_path: Path) -> World:
    settings.MEDIA_ROOT = tmp_path / "media"
    return build()
