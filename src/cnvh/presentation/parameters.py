"""Ids and text from addresses, query strings and forms, read one way everywhere (the
pages, the downloads and the API's limits).

`str.isdigit` accepts "²" and "١٢", which `int()` then refuses or reads; a number of
thirty digits overflows the databases' 64-bit ids; PostgreSQL refuses a NUL character
in text. A value that is not an id is no id at all: the page finds nothing, as for an id
that does not exist, and never fails.
"""

import re

# Ids fit the databases' 64-bit integers.
MAX_ID = 2**63 - 1
_ASCII_DIGITS = re.compile(r"[0-9]{1,19}")


def parse_id(value: object) -> int | None:
    """The id written in `value` (ASCII digits, 1 to MAX_ID), else None."""
    if not isinstance(value, str) or not _ASCII_DIGITS.fullmatch(value.strip()):
        return None
    number = int(value.strip())
    return number if 1 <= number <= MAX_ID else None


def storable(text: str) -> bool:
    """Text a database can compare and keep: no NUL, no half of a surrogate pair."""
    return "\x00" not in text and not any("\ud800" <= char <= "\udfff" for char in text)


def parse_year(value: object) -> int | None:
    """A year written in `value` (four ASCII digits, 1900 to 2100), else None."""
    number = parse_id(value)
    return number if number is not None and 1900 <= number <= 2100 else None
