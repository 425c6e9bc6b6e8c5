"""Numbers as people write them: 1.234.567,5 (Vietnamese), 1,234,567.5 (English), 1234567.5.

A number is kept exactly (Decimal). Most numbers say by themselves which way they are
written: 1.234.567 has two thousands separators, 1234,5 has a decimal comma, 1667.083
cannot be grouped in thousands. Some cannot: 1.234 is either one thousand two hundred
and thirty-four or one point two three four. Those are read the way the other cells
of their column are written, else the other columns of the file, else the way the
file's delimiter suggests, else the Vietnamese way; the preview says which decided.
"""

import re
from decimal import Decimal
from typing import Literal, NamedTuple

# One rule with the engine's. A canonical file's decimal column is one DECIMAL(38, s) for
# all its rows, so one row's digits before the point and another's after it must fit
# together (20 + 18); integers are 64-bit, years 32-bit.
from cnvh.stats.numbers import DECIMAL_PLACES, INTEGER_DIGITS, WHOLE_DIGITS, YEAR_DIGITS

Style = Literal["vi", "en"]
# Excel keeps 15 significant digits; a double's 16th and 17th are noise of arithmetic.
EXCEL_DIGITS = 15

_SIMPLE = re.compile(r"(-?)(\d+)(?:\.(\d+))?")
_SPACES = re.compile(r"[\s\u00a0\u202f']")
_PLAIN = re.compile(r"\d+")
_GROUPED_ONCE = re.compile(r"[1-9]\d{0,2}[.,]\d{3}")
_VI = re.compile(r"[1-9]\d{0,2}(\.\d{3})+(,\d+)?|\d+,\d+")
_EN = re.compile(r"[1-9]\d{0,2}(,\d{3})+(\.\d+)?|\d*\.\d+")
_EXPONENT = re.compile(r"\d+(\.\d+)?[eE][+-]?\d+")
NIL = {"-", "–", "—"}  # a statistical table's "no figure"


class Written(NamedTuple):
    """A number as written, with its sign and percent taken off."""

    digits: str  # e.g. "1.234.567,5"
    negative: bool
    percent: bool
    # "vi", "en" when the text shows it; "plain" when there is no separator;
    # "ambiguous" for 1.234 and 1,234; "bad" when it is not a number at all.
    kind: str


def written(text: str) -> Written:
    simple = _SIMPLE.fullmatch(text)
    if simple:  # what programs write: the fast way, for files of millions of cells
        sign, whole, fraction = simple.groups()
        if fraction is None:
            kind = "plain"
        elif len(fraction) == 3 and len(whole) <= 3 and whole[0] != "0":
            kind = "ambiguous"
        else:
            kind = "en"
        return Written(text[1:] if sign else text, bool(sign), False, kind)
    body = _SPACES.sub("", text)
    negative = False
    if body.startswith("(") and body.endswith(")"):  # accountants' negative
        body, negative = body[1:-1], True
    if body[:1] in {"-", "+", "−"}:
        negative, body = body[0] != "+", body[1:]
    percent = body.endswith("%")
    if percent:
        body = body[:-1]
    return Written(body, negative, percent, _kind(body))


def _kind(body: str) -> str:
    if _PLAIN.fullmatch(body):
        return "plain"
    if _GROUPED_ONCE.fullmatch(body):
        return "ambiguous"
    if _EXPONENT.fullmatch(body):
        return "en"
    if _VI.fullmatch(body):
        return "vi"
    if _EN.fullmatch(body):
        return "en"
    return "bad"


def value(number: Written, style: Style, whole: bool = False) -> Decimal:
    """The exact value of `number` read in `style`. For a whole-number column an
    ambiguous 1.234 or 1,234 can only be one thousand two hundred and thirty-four."""
    body = number.digits
    kind = number.kind
    if kind == "ambiguous" and whole:
        body = body.replace(".", "").replace(",", "")
    elif kind == "vi" or (kind == "ambiguous" and style == "vi"):
        body = body.replace(".", "").replace(",", ".")
    elif kind in {"en", "ambiguous"}:
        body = body.replace(",", "")
    result = Decimal(body)
    if number.percent:
        result = result.scaleb(-2)
    return -result if number.negative else result


def alternatives(number: Written) -> tuple[Decimal, Decimal]:
    """An ambiguous number read as thousands and as a decimal."""
    return value(number, "vi" if "." in number.digits else "en"), value(
        number, "en" if "." in number.digits else "vi"
    )


def from_float(number: float) -> Decimal:
    """A spreadsheet's number as Excel shows it: 0.1 + 0.2 is 0.3, not 0.30000000000000004."""
    if number.is_integer() and abs(number) < 10**EXCEL_DIGITS:
        return Decimal(int(number))
    exact = Decimal(repr(number))
    if len(exact.as_tuple().digits) > EXCEL_DIGITS:
        exact = exact.quantize(Decimal(1).scaleb(exact.adjusted() - EXCEL_DIGITS + 1))
        exact = exact.normalize()
    return exact


def plain_text(number: Decimal) -> str:
    """The number in plain positional notation, as the canonical files keep it."""
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


def too_long(number: Decimal) -> bool:
    """More digits before or after the decimal point than a stored column holds."""
    normal = number.normalize() if number else number
    _, digits, exponent = normal.as_tuple()
    assert isinstance(exponent, int)
    whole = max(len(digits) + exponent, 1)
    scale = max(-exponent, 0)
    return whole > WHOLE_DIGITS or scale > DECIMAL_PLACES


def integer_too_long(number: int, name: str) -> int | None:
    """The digits allowed, when `number` has more than its stored column holds."""
    limit = YEAR_DIGITS if name == "year" else INTEGER_DIGITS
    return limit if len(str(abs(number))) > limit else None


# One number typed by a person into a page. The page's language gives the style, as a
# file's other cells do for the import reader: on a Vietnamese page 1.200 is one
# thousand two hundred and 1,5 is one and a half; on an English page, the other way.
# Text that says by itself how it is written (1.234.567, 1,234.5) is read so on any
# page. Text with a single mark used the other page's way (1.2 on a Vietnamese page,
# 1,5 on an English one) could be either; the person is asked, never second-guessed.


class Unreadable(ValueError):
    """The text is not a number."""


class Unclear(ValueError):
    """The text is a number written in a way that could mean two things."""

    def __init__(self, text: str, decimal: Decimal) -> None:
        super().__init__(text)
        self.text = text
        self.decimal = decimal  # what it is if the single mark is the decimal point


def typed(text: str, style: Style, whole: bool = False) -> Decimal:
    """The number a person typed on a page in `style`. A trailing % is the field's
    unit, not a hundredth: "35%" in a percent field is 35. Raises Unreadable or Unclear."""
    found = written(text.strip())
    if found.kind == "bad" or not found.digits:
        raise Unreadable(text)
    found = found._replace(percent=False)
    marks = [char for char in found.digits if char in ".,"]
    if found.kind in {"vi", "en"} and found.kind != style and len(marks) == 1:
        decimal = value(found._replace(negative=False), "vi" if found.kind == "vi" else "en")
        raise Unclear(text.strip(), -decimal if found.negative else decimal)
    try:
        return value(found, style, whole)
    except ArithmeticError as error:  # e.g. an exponent too large to hold
        raise Unreadable(text) from error


def shown(number: Decimal, style: Style) -> str:
    """`number` as the reader of `style` writes it, grouped in thousands and without
    trailing zeros: Decimal("1200.0000") is "1.200" (vi) or "1,200" (en)."""
    text = format(number, ",f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in {"-0", ""}:
        text = "0"
    return text.translate(str.maketrans(",.", ".,")) if style == "vi" else text
