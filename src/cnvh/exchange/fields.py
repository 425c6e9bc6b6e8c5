"""Form fields that read dates and numbers by the import reader's rule.

One rule for what people type, in a form or in a file (`cnvh.exchange.reading`):

- a date is day first, dd/mm/yyyy (or ISO yyyy-mm-dd); never month first;
- a number is written in the page's style: on a Vietnamese page 1.200 is one thousand
  two hundred and 1,5 is one and a half; on an English page 1,200 and 1.5. A number
  with a single mark used the other way (1.2 on a Vietnamese page) is asked about;
- values are shown back in the reader's style, without trailing zeros.
"""

import datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cnvh.exchange.reading import dates, numbers
from cnvh.exchange.reading.numbers import Style

DATE_FORMAT = "%d/%m/%Y"


def page_style() -> Style:
    """The number style of the page being served: the active language's."""
    return "en" if (get_language() or "vi").startswith("en") else "vi"


def shown(number: Decimal | int | float | None) -> str:
    """A number as the page's reader writes it: 1.200 / 1,200; 1,5 / 1.5."""
    if number is None:
        return ""
    if isinstance(number, float):
        number = numbers.from_float(number)
    return numbers.shown(Decimal(number), page_style())


class DateInput(forms.TextInput):
    """A text box that shows and takes dd/mm/yyyy, with the format as its hint."""

    input_type = "text"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        defaults = {
            "placeholder": _("dd/mm/yyyy"),
            "inputmode": "numeric",
            "autocomplete": "off",
            "pattern": r"\s*\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}\s*|\s*\d{4}-\d{1,2}-\d{1,2}\s*",
            "title": _("Day, month, year: dd/mm/yyyy, e.g. 25/10/2026"),
            "size": 12,
        }
        super().__init__({**defaults, **(attrs or {})})

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, datetime.date):
            return value.strftime(DATE_FORMAT)
        return super().format_value(value)


class DateField(forms.DateField):
    """A date typed day first: 25/10/2026, 5/1/2026, 25-10-2026 or 2026-10-25."""

    widget = DateInput
    default_error_messages = {
        "invalid": _(
            "“%(value)s” is not a date. Write day, month, year: dd/mm/yyyy, e.g. 25/10/2026."
        ),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("help_text", _("dd/mm/yyyy, e.g. 25/10/2026"))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> datetime.date | None:
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        found = dates.typed(str(value))
        if found is None:
            raise ValidationError(
                self.error_messages["invalid"], code="invalid", params={"value": value}
            )
        return found


class NumberInput(forms.TextInput):
    """A text box for a number in the reader's style (a browser's number box would
    refuse 1.200 and 1,5)."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
            return shown(value)
        return super().format_value(value)


UNREADABLE = _("“%(value)s” is not a number. Write digits, e.g. %(example)s.")
UNCLEAR = _(
    "“%(value)s” is unclear: is it a decimal or thousands? On this page “%(decimal_mark)s” "
    "marks decimals and “%(group_mark)s” groups thousands. Write %(decimal)s for the "
    "decimal number, or three digits after each “%(group_mark)s” for thousands "
    "(%(thousand)s is one thousand two hundred)."
)
MARKS = {"vi": (",", "."), "en": (".", ",")}


def _typed(value: Any, whole: bool, example: str) -> Decimal | None:
    text = str(value).strip()
    if not text:
        return None
    try:
        return numbers.typed(text, page_style(), whole)
    except numbers.Unclear as unclear:
        raise ValidationError(
            UNCLEAR,
            code="unclear",
            params={
                "value": unclear.text,
                "decimal": shown(unclear.decimal),
                "decimal_mark": MARKS[page_style()][0],
                "group_mark": MARKS[page_style()][1],
                "thousand": shown(Decimal(1200)),
            },
        ) from unclear
    except numbers.Unreadable as error:
        raise ValidationError(
            UNREADABLE, code="invalid", params={"value": text, "example": example}
        ) from error


class DecimalField(forms.DecimalField):
    """A decimal number typed in the page's style."""

    widget = NumberInput

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return Decimal(str(value))
        number = _typed(value, whole=False, example=shown(Decimal("1234.5")))
        if number is not None and not number.is_finite():
            raise ValidationError(
                UNREADABLE, code="invalid", params={"value": value, "example": "1"}
            )
        return number


class IntegerField(forms.IntegerField):
    """A whole number typed in the page's style: 1.200 on a Vietnamese page."""

    widget = NumberInput
    default_error_messages = {"invalid": _("Enter a whole number.")}

    def to_python(self, value: Any) -> int | None:
        if value in self.empty_values:
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        number = _typed(value, whole=True, example=shown(Decimal(1200)))
        if number is None:
            return None
        if not number.is_finite() or number != number.to_integral_value():
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return int(number)


def formfield_for(db_field: Any, **kwargs: Any) -> forms.Field | None:
    """For a ModelForm's `formfield_callback`: model dates and decimals read by the
    rule. Whole numbers keep Django's field: most are years, never grouped (2026)."""
    from django.db import models

    if isinstance(db_field, models.DateField) and not isinstance(db_field, models.DateTimeField):
        return db_field.formfield(form_class=DateField, **kwargs)
    if isinstance(db_field, models.DecimalField):
        return db_field.formfield(form_class=DecimalField, **kwargs)
    return db_field.formfield(**kwargs)
