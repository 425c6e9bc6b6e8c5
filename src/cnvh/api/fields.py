"""The kinds of value the API's parameters and bodies take, checked before any use."""

from typing import Annotated

from ninja import Field, Path
from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

# Ids and offsets fit the databases' 64-bit integers; larger ones are refused as
# invalid rather than reaching the database (the pages' limit too).
from cnvh.presentation.parameters import MAX_ID

# Codes of scopes, sectors, areas, agencies and indicators: never spaces or NUL.
CODE_PATTERN = r"^[A-Za-z0-9_.\-]+$"
Code = Annotated[str, Field(min_length=1, max_length=64, pattern=CODE_PATTERN)]
# The same, as the last part of an address.
CodeInPath = Annotated[str, Path(min_length=1, max_length=64, pattern=CODE_PATTERN)]
IdInPath = Annotated[int, Path(ge=1, le=MAX_ID)]


def no_nul(text: str) -> str:
    # PostgreSQL cannot store NUL in text; the pages' forms refuse it too.
    if "\x00" in text:
        raise PydanticCustomError("no_nul", "contains a NUL character")
    # JSON may escape half of a surrogate pair ("\ud800"); no UTF-8 text holds one.
    if any("\ud800" <= char <= "\udfff" for char in text):
        raise PydanticCustomError("no_surrogate", "contains half of a character")
    return text


Text = Annotated[str, AfterValidator(no_nul)]
# A workbook's sheet, as written in the file.
SheetName = Annotated[str, Field(max_length=255), AfterValidator(no_nul)]
