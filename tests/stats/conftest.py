from pathlib import Path

import pytest

from .files import write_csv

# A small scope whose numbers are easy to follow by hand: division 59 is film, except
# 5911 which is split 60/40 between film and TV; restaurants (5610) count for 25%.
SCOPE_ROWS = [
    {"code": "59", "sector": "film", "share": 1},
    {"code": "59.11", "sector": "film", "share": 0.6},
    {"code": "5911", "sector": "tv", "share": 0.4},
    {"code": "5610", "sector": "food", "share": 0.25},
]


@pytest.fixture
def scope_file(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "scope.csv", SCOPE_ROWS)
