"""The imports' settings, each with its default; an environment variable of the same
name, or the Django setting, changes it:

    CNVH_IMPORT_MAX_BYTES           largest file accepted (100 MB)
    CNVH_IMPORT_MAX_ROWS            most data rows in a file (1,000,000)
    CNVH_IMPORT_MAX_UNZIPPED_BYTES  most an XLSX/ODS/Parquet file may unpack to (1 GB)
    CNVH_IMPORT_MAX_ZIP_RATIO       most a part of an XLSX/ODS may be compressed (200:1)
    CNVH_TASKS_INLINE               "1" runs imports and estimates inside the request that
                                    starts them, as the demo does (on with CNVH_DEBUG);
                                    else they wait for `cnvh worker`
"""

import os

from django.conf import settings

from .reading.limits import Limits

_DEFAULTS = Limits()


def _number(name: str, default: int) -> int:
    configured = getattr(settings, name, None)
    if configured is not None:
        return int(configured)
    return int(os.environ.get(name) or default)


def limits() -> Limits:
    return Limits(
        max_bytes=_number("CNVH_IMPORT_MAX_BYTES", _DEFAULTS.max_bytes),
        max_rows=_number("CNVH_IMPORT_MAX_ROWS", _DEFAULTS.max_rows),
        max_unzipped_bytes=_number("CNVH_IMPORT_MAX_UNZIPPED_BYTES", _DEFAULTS.max_unzipped_bytes),
        max_zip_ratio=_number("CNVH_IMPORT_MAX_ZIP_RATIO", _DEFAULTS.max_zip_ratio),
    )


def tasks_inline() -> bool:
    """Whether a task runs where it is started (the demo has no worker)."""
    configured = getattr(settings, "CNVH_TASKS_INLINE", None)
    if configured is not None:
        return bool(configured)
    value = os.environ.get("CNVH_TASKS_INLINE")
    if value is not None:
        return value.strip().lower() in {"1", "true", "yes", "on"}
    return bool(settings.DEBUG)
