"""CSV cells: full precision, and no formula a spreadsheet would run."""

from decimal import Decimal

import pytest

from cnvh.presentation.tables.csv_file import cell, csv_response


@pytest.mark.parametrize("text", ["=1+2", "+SUM(A1)", "-2+3", "@cmd", "\t=x", "\r=x"])
def test_text_that_looks_like_a_formula_is_neutralised(text: str) -> None:
    assert cell(text) == "'" + text


def test_numbers_are_left_alone_at_full_precision() -> None:
    assert cell(-0.4) == "-0.4"
    assert cell(0.1 + 0.2) == "0.30000000000000004"
    assert cell(Decimal("-3.5000")) == "-3.5000"
    assert cell(7) == "7"
    assert cell(None) == ""
    assert cell("Du lịch") == "Du lịch"


def test_utf8_with_byte_order_mark() -> None:
    response = csv_response("x.csv", ["Năm", "Giá trị (triệu đồng)"], [[2024, "=bad"]])
    body = response.content.decode("utf-8")
    assert body == "\ufeffNăm,Giá trị (triệu đồng)\r\n2024,'=bad\r\n"
    assert response["Content-Disposition"] == 'attachment; filename="x.csv"'
