"""The one rule for typed dates and numbers: the import reader's parsers, as forms use them."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from cnvh.exchange import fields
from cnvh.exchange.reading import dates, numbers


@pytest.mark.parametrize(
    ("text", "style", "expected"),
    [
        ("1.200", "vi", Decimal(1200)),  # a dot and three digits: thousands
        ("1,5", "vi", Decimal("1.5")),
        ("1,234", "vi", Decimal("1.234")),  # the page's decimal comma
        ("1.234.567,25", "vi", Decimal("1234567.25")),
        ("1,234,567.25", "vi", Decimal("1234567.25")),  # says by itself how it is written
        ("-1.200", "vi", Decimal(-1200)),
        ("1 200", "vi", Decimal(1200)),
        ("35%", "vi", Decimal(35)),  # the field's unit, not a hundredth
        ("1,200", "en", Decimal(1200)),
        ("1.5", "en", Decimal("1.5")),
        ("1.234", "en", Decimal("1.234")),
        ("1.234.567", "en", Decimal(1234567)),
        ("1200", "en", Decimal(1200)),
    ],
)
def test_a_typed_number_is_read_in_the_pages_style(
    text: str, style: numbers.Style, expected: Decimal
) -> None:
    assert numbers.typed(text, style) == expected


@pytest.mark.parametrize(
    ("text", "style", "decimal"),
    [
        ("1.2", "vi", Decimal("1.2")),
        ("0.5", "vi", Decimal("0.5")),
        ("1234.5", "vi", Decimal("1234.5")),
        ("1,5", "en", Decimal("1.5")),
        ("12,50", "en", Decimal("12.5")),
    ],
)
def test_a_single_mark_used_the_other_way_is_asked_about(
    text: str, style: numbers.Style, decimal: Decimal
) -> None:
    with pytest.raises(numbers.Unclear) as found:
        numbers.typed(text, style)
    assert found.value.decimal == decimal


@pytest.mark.parametrize("text", ["abc", "1..2", "1,2,3.4.5", "", "-"])
def test_what_is_not_a_number_is_refused(text: str) -> None:
    with pytest.raises(numbers.Unreadable):
        numbers.typed(text, "vi")


@pytest.mark.parametrize(
    ("number", "vi", "en"),
    [
        (Decimal("1200.0000"), "1.200", "1,200"),
        (Decimal("1.5000"), "1,5", "1.5"),
        (Decimal("1234567.25"), "1.234.567,25", "1,234,567.25"),
        (Decimal("0.0000"), "0", "0"),
        (Decimal("-0.125"), "-0,125", "-0.125"),
    ],
)
def test_numbers_are_shown_back_without_trailing_zeros(number: Decimal, vi: str, en: str) -> None:
    assert (numbers.shown(number, "vi"), numbers.shown(number, "en")) == (vi, en)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("08/10/2026", date(2026, 10, 8)),  # the 8th of October, never the 10th of August
        ("25/10/2026", date(2026, 10, 25)),
        ("5/1/2026", date(2026, 1, 5)),
        ("25-10-2026", date(2026, 10, 25)),
        ("25.10.2026", date(2026, 10, 25)),
        ("2026-10-25", date(2026, 10, 25)),
        (" 25/10/2026 ", date(2026, 10, 25)),
        ("10/25/2026", None),  # month first is never read
        ("31/02/2026", None),
        ("46000", None),  # a spreadsheet's serial number is for files, not forms
        ("25/10/26", None),
    ],
)
def test_a_typed_date_is_day_first(text: str, expected: date | None) -> None:
    assert dates.typed(text) == expected


def test_the_form_and_the_import_reader_read_a_date_alike() -> None:
    for text in ("08/10/2026", "25/10/2026", "2026-10-25"):
        assert fields.DateField().clean(text) == dates.from_cell(text)


def test_the_decimal_field_reads_the_active_languages_style() -> None:
    field = fields.DecimalField(max_digits=20, decimal_places=4)
    with translation.override("vi"):
        assert field.clean("1.200") == Decimal(1200)
        assert field.clean("1,5") == Decimal("1.5")
        with pytest.raises(ValidationError) as found:
            field.clean("1.2")
        assert found.value.code == "unclear"
        message = found.value.messages[0]
        assert "Chưa rõ “1.2”" in message and "ghi 1,2" in message and "1.200" in message
    with translation.override("en"):
        assert field.clean("1,200") == Decimal(1200)
        assert field.clean("1.5") == Decimal("1.5")
        with pytest.raises(ValidationError) as found:
            field.clean("1,5")
        message = found.value.messages[0]
        assert "“1,5” is unclear" in message and "write 1.5" in message.lower()


def test_the_integer_field_takes_thousands_and_refuses_fractions() -> None:
    field = fields.IntegerField()
    with translation.override("vi"):
        assert field.clean("1.200") == 1200
        with pytest.raises(ValidationError):
            field.clean("1,5")


def test_the_widgets_show_values_in_the_readers_style() -> None:
    number, day = fields.NumberInput(), fields.DateInput()
    with translation.override("vi"):
        assert number.format_value(Decimal("1200.0000")) == "1.200"
        assert 'placeholder="ngày/tháng/năm (dd/mm/yyyy)"' in day.render("d", date(2026, 10, 8))
        assert 'value="08/10/2026"' in day.render("d", date(2026, 10, 8))
    with translation.override("en"):
        assert number.format_value(Decimal("1200.5000")) == "1,200.5"
        assert 'placeholder="dd/mm/yyyy"' in day.render("d", date(2026, 10, 8))


def test_the_date_field_says_how_to_write_a_date() -> None:
    with translation.override("vi"):
        with pytest.raises(ValidationError) as found:
            fields.DateField().clean("10/25/2026")
        # The message is translated when it is read, so it is read in the reader's language.
        message = found.value.messages[0]
    assert "“10/25/2026” không phải là ngày" in message
    assert "dd/mm/yyyy" in message
