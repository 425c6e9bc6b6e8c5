"""Workbooks saved by LibreOffice (`soffice --headless --convert-to`): its own XML, shared
strings and merged cells in XLSX, OpenDocument (ODS) and Excel 97 (XLS), give the same
data."""

from collections.abc import Callable
from pathlib import Path

import pytest

from cnvh.exchange.models import ImportRecord

from .files import SOFFICE, convert_with_libreoffice, vietnamese_units_xlsx

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed"),
]


@pytest.mark.parametrize("target", ["xlsx", "ods", "xls"])
def test_a_workbook_saved_by_libreoffice_imports_the_same_data(
    imported: Callable[..., ImportRecord], tmp_path: Path, target: str
) -> None:
    original = vietnamese_units_xlsx(tmp_path / "bao-cao.xlsx")
    folder = tmp_path / "converted"
    folder.mkdir()
    converted = convert_with_libreoffice(original, target, folder)
    assert converted.read_bytes() != original.read_bytes()

    first = imported(original, "units")
    second = imported(converted, "units")
    assert second.status == ImportRecord.Status.IMPORTED, second.problems
    assert second.details["format"] == target
    assert second.details["header_rows"] == [4, 5]
    assert second.rows_saved == first.rows_saved == 4
    assert second.dataset.checksum == first.dataset.checksum
