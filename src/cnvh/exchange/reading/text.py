"""CSV files: which character encoding, which delimiter, and the records with the line
each starts on.

UTF-8 (with or without the byte-order mark Excel writes) is read as such. A file that
is not UTF-8 is tried as Windows-1258, the Vietnamese Windows code page, which writes
tone marks as separate combining characters; they are composed (NFC) so that "Hà Nội"
reads the same whatever wrote it. A file whose letters then are not Vietnamese (TCVN3,
a Chinese or Russian code page, random bytes) is refused rather than read as nonsense.
"""

import csv
import io
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

DELIMITERS = (",", ";", "\t", "|")
SNIFF_RECORDS = 50
_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_VIETNAMESE = {
    unicodedata.normalize("NFC", letter + tone) for letter in _VOWELS for tone in _TONES
} | {"đ"}
_VIETNAMESE |= {letter.upper() for letter in _VIETNAMESE}
# Punctuation and signs of Vietnamese office documents that Windows-1258 also encodes.
_PUNCTUATION = set("–—‘’“”…•€°«»·×±§¶©®™\u00a0")
_ENOUGH_VIETNAMESE = 0.9


@dataclass(frozen=True)
class Text:
    encoding: str  # "utf-8", "utf-8-sig", "utf-16" or "cp1258"
    content: str


def decode(data: bytes) -> Text | None:
    """The file's text, or None when its encoding is not recognised."""
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return Text(encoding, unicodedata.normalize("NFC", data.decode(encoding)))
            except UnicodeDecodeError:
                return None
    try:
        return Text("utf-8", unicodedata.normalize("NFC", data.decode("utf-8")))
    except UnicodeDecodeError:
        pass
    try:
        content = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        return None
    return Text("cp1258", content) if _reads_as_vietnamese(content) else None


def _reads_as_vietnamese(content: str) -> bool:
    others = Counter(char for char in content if ord(char) > 127)
    total = sum(others.values())
    if not total:
        return True
    if any(unicodedata.category(char) in {"Mn", "Cc"} for char in others):
        return False  # a tone mark left on a consonant, or a control code: not Vietnamese
    fitting = sum(n for char, n in others.items() if char in _VIETNAMESE or char in _PUNCTUATION)
    return fitting / total >= _ENOUGH_VIETNAMESE


def sniff_delimiter(content: str) -> str:
    """The delimiter that splits the first records into the most columns, the same
    number on most lines (title rows above a table have fewer)."""
    head = "\n".join(content.splitlines()[:SNIFF_RECORDS])
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        widths = [len(r) for r in csv.reader(io.StringIO(head), delimiter=delimiter) if len(r) > 1]
        if not widths:
            continue
        width, agreeing = Counter(widths).most_common(1)[0]
        if (agreeing, width) > best_score:
            best, best_score = delimiter, (agreeing, width)
    return best


def records(content: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(line the record starts on, its fields); a quoted field may span lines."""
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    line = 1
    for fields in reader:
        yield line, fields
        line = reader.line_num + 1
