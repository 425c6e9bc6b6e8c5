"""How much a spreadsheet (a zip file: XLSX, ODS) may unpack to, for `cnvh estimate` and
the import alike (cnvh.exchange.reading.limits takes its limits from here).

An XLSX file of a few hundred kilobytes can unpack to gigabytes (a "zip bomb"): the
sizes its zip directory declares are read, and the file refused, before the spreadsheet
reader opens it.
"""

import zipfile
from pathlib import Path
from typing import Any

MB = 1024 * 1024
MAX_UNZIPPED_BYTES = 1024 * MB
# Worksheets compress 5 to 30 times; a zip bomb, hundreds to millions of times.
MAX_ZIP_RATIO = 200


def zip_problem(
    path: Path, max_unzipped_bytes: int = MAX_UNZIPPED_BYTES, max_ratio: int = MAX_ZIP_RATIO
) -> tuple[str, dict[str, Any]] | None:
    """None for a zip file within the limits; else the problem's code and parameters:
    zip_broken (detail), unzipped_too_big (size, limit: MB) or zip_bomb (entry, ratio,
    limit). Figures are numbers, so each caller writes them in its reader's style."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        return "zip_broken", {"detail": str(error).splitlines()[0][:200]}
    total = sum(entry.file_size for entry in entries)
    if total > max_unzipped_bytes:
        return "unzipped_too_big", {"size": total / MB, "limit": max_unzipped_bytes / MB}
    for entry in entries:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > MB and ratio > max_ratio:
            return "zip_bomb", {
                "entry": entry.filename[:100],
                "ratio": ratio,
                "limit": max_ratio,
            }
    return None
