"""Text as compared, whatever its accents: the only place where Vietnamese letters
lose their diacritics."""

import unicodedata


def strip_accents(text: str) -> str:
    """`text` without diacritics, đ and Đ as d and D: "Mã ngành Đồ họa" -> "Ma nganh Do hoa".
    Case, spaces and punctuation are kept."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
