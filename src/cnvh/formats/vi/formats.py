# Django's Vietnamese long formats stay; the short ones and the input formats are the
# project's (07/12/2026, 07/12/2026 14:30).
from cnvh.formats import (
    DATE_INPUT_FORMATS,
    DATETIME_INPUT_FORMATS,
    SHORT_DATE_FORMAT,
    SHORT_DATETIME_FORMAT,
)

__all__ = [
    "DATETIME_INPUT_FORMATS",
    "DATE_INPUT_FORMATS",
    "SHORT_DATETIME_FORMAT",
    "SHORT_DATE_FORMAT",
]
