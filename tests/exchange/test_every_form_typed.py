"""Every form of the project reads typed dates and decimals by the one rule.

Django's own date field tries its locale's input formats, month first in English
(and in Vietnamese too, where Django's Vietnamese formats give none of their own), and
its decimal field takes "1.200" for 1.2: a form that kept either would store another
value than the one typed. The forms' fields are read from their classes, so a form
added tomorrow is checked without being listed here.
"""

import importlib
import pkgutil
from collections.abc import Iterator
from datetime import date

import pytest
from django import forms
from django.utils import formats, translation

import cnvh
from cnvh.events.venue_forms import CoordinateField
from cnvh.exchange import fields as typed

# Degrees are never grouped in thousands: their one mark, dot or comma, is the decimal
# mark (tests/events/test_venues.py).
OWN_RULE = (CoordinateField,)


def project_forms() -> Iterator[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(cnvh.__path__, "cnvh."):
        if ".tests" in module.name or module.name.endswith(("settings", "wsgi", "asgi")):
            continue
        importlib.import_module(module.name)
    seen: set[type[forms.BaseForm]] = set()
    waiting: list[type[forms.BaseForm]] = [forms.BaseForm]
    while waiting:
        subclasses: list[type[forms.BaseForm]] = waiting.pop().__subclasses__()
        for subclass in subclasses:
            if subclass not in seen:
                seen.add(subclass)
                waiting.append(subclass)
    yield from sorted(
        (form for form in seen if form.__module__.startswith("cnvh.")),
        key=lambda form: f"{form.__module__}.{form.__qualname__}",
    )


def untyped_fields(form: type[forms.BaseForm]) -> list[str]:
    found = []
    for name, field in getattr(form, "base_fields", {}).items():
        if isinstance(field, (forms.DateTimeField, *OWN_RULE)):
            continue  # the moments in the forms are the app's own, never typed
        if isinstance(field, forms.DateField) and not isinstance(field, typed.DateField):
            found.append(f"{name}: {type(field).__name__}")
        if isinstance(field, forms.DecimalField | forms.FloatField) and not isinstance(
            field, typed.DecimalField
        ):
            found.append(f"{name}: {type(field).__name__}")
    return found


def test_the_walk_finds_the_forms() -> None:
    names = {form.__name__ for form in project_forms()}
    assert {"EventForm", "EnterpriseForm", "ReportForm", "CommitmentForm"} <= names


def test_no_form_reads_a_date_or_a_decimal_its_own_way() -> None:
    found = {
        f"{form.__module__}.{form.__qualname__}": untyped
        for form in project_forms()
        if (untyped := untyped_fields(form))
    }
    assert found == {}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_neither_language_reads_or_shows_a_month_first(language: str) -> None:
    with translation.override(language):
        read = formats.get_format("DATE_INPUT_FORMATS")
        shown = formats.date_format(date(2026, 12, 7), "SHORT_DATE_FORMAT")
    assert all(pattern.startswith(("%d/%m/", "%Y-")) for pattern in read), read
    assert shown == "07/12/2026"
