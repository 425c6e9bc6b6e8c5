"""One rule for text compared without its accents and one for SQL literals and
identifiers, and what their users make of them."""

import duckdb

from cnvh.stats import sql
from cnvh.stats.columns import canonical_column, plain
from cnvh.stats.money import canonical_unit
from cnvh.stats.text import strip_accents


def test_accents_go_case_and_punctuation_stay() -> None:
    assert strip_accents("Mã ngành (VSIC) Đồ họa, đường") == "Ma nganh (VSIC) Do hoa, duong"
    assert strip_accents("Hà Nội") == strip_accents("Ha\u0300 No\u0323\u0302i") == "Ha Noi"
    assert plain("Mã ngành (VSIC)") == "ma_nganh_vsic"
    assert canonical_column("Giá trị tăng thêm") == "value_added"
    assert canonical_unit("Triệu đồng") == "million VND"


def test_literals_and_identifiers_read_back_as_written() -> None:
    text = "Hà Nội's \"ward\" ''"
    con = duckdb.connect()
    try:
        assert con.execute(f"SELECT {sql.literal(text)}").fetchone() == (text,)
        found = con.execute(f"SELECT 1 AS {sql.identifier(text)}").description
        assert found is not None and found[0][0] == text
    finally:
        con.close()
