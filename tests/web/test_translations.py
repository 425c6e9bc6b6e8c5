"""One catalogue, whose compiled file matches its source, and Vietnamese is complete.

cnvh keeps a single catalogue for the whole package (cnvh/locale): a message has one
translation, and a word that means two things carries a context instead of a second
catalogue. A second catalogue anywhere under src/ — or the same message twice with
two translations — fails here.
"""

import ast
import gettext
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

import cnvh

PACKAGE = Path(cnvh.__file__).parent
SOURCES = PACKAGE.parent
CATALOGUES = [PACKAGE / "locale"]
LANGUAGES = ["vi", "en"]

needs_msgfmt = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="needs gettext")
each_catalogue = pytest.mark.parametrize(
    "locale", CATALOGUES, ids=[str(path.relative_to(PACKAGE)) for path in CATALOGUES]
)


def po(locale: Path, language: str) -> Path:
    return locale / language / "LC_MESSAGES" / "django.po"


def catalogue(mo: Path) -> dict[object, str]:
    with mo.open("rb") as handle:
        return dict(gettext.GNUTranslations(handle)._catalog)  # type: ignore[attr-defined]


def compiled(locale: Path, language: str, directory: Path) -> Path:
    fresh = directory / f"{language}.mo"
    source = po(locale, language)
    subprocess.run(["msgfmt", "--check-format", "-o", str(fresh), str(source)], check=True)
    return fresh


def _text(quoted: str) -> str:
    return "".join(ast.literal_eval(part) for part in quoted.split("\n"))


STRING = r'"(?:.*)"(?:\n".*")*'
ENTRY = re.compile(
    rf"^(?:msgctxt ({STRING})\n)?msgid ({STRING})\n(?:msgid_plural {STRING}\n)?"
    rf"((?:msgstr(?:\[\d+\])? {STRING}\n?)+)",
    flags=re.MULTILINE,
)


def entries(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    """Each message of a .po file: its id (with its context as gettext keys them) and
    its translations (one, or one per plural form); obsolete (#~) ones are not read."""
    found = []
    for context, message, translations in ENTRY.findall(path.read_text(encoding="utf-8")):
        key = (_text(context) + "\x04" if context else "") + _text(message)
        forms = re.findall(rf"^msgstr(?:\[\d+\])? ({STRING})", translations, flags=re.MULTILINE)
        if key:
            found.append((key, tuple(_text(form) for form in forms)))
    return found


def msgids(locale: Path, language: str) -> set[str]:
    """The catalogue's message ids, with their context as gettext keys them."""
    return {key for key, _ in entries(po(locale, language))}


def test_one_catalogue_under_src() -> None:
    found = {path.relative_to(SOURCES) for path in SOURCES.glob("**/*.po")}
    expected = {po(PACKAGE / "locale", language).relative_to(SOURCES) for language in LANGUAGES}
    assert found - expected == set(), "Merge these messages into cnvh/locale."
    assert expected <= found


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_message_twice(language: str) -> None:
    """A message id (with its context) is in one catalogue, once, with one translation."""
    seen: dict[str, list[tuple[Path, tuple[str, ...]]]] = {}
    for path in sorted(SOURCES.glob(f"**/locale/{language}/LC_MESSAGES/*.po")):
        for key, translations in entries(path):
            seen.setdefault(key, []).append((path.relative_to(SOURCES), translations))
    twice = {key: places for key, places in seen.items() if len(places) > 1}
    assert twice == {}, "The same message twice: keep one, or give each use a context."


def test_a_message_twice_is_found(tmp_path: Path) -> None:
    """The reader behind the checks above sees context, plurals and long strings."""
    path = tmp_path / "django.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Language: vi\\n"\n\n'
        'msgctxt "import status"\nmsgid "Imported"\nmsgstr "Đã nhập"\n\n'
        'msgid "Imported"\nmsgstr "Thời điểm nhập"\n\n'
        'msgid ""\n"%(n)s row"\nmsgid_plural "%(n)s rows"\nmsgstr[0] "%(n)s dòng"\n\n'
        '#~ msgid "old"\n#~ msgstr "cũ"\n',
        encoding="utf-8",
    )
    assert entries(path) == [
        ("import status\x04Imported", ("Đã nhập",)),
        ("Imported", ("Thời điểm nhập",)),
        ("%(n)s row", ("%(n)s dòng",)),
    ]


@needs_msgfmt
@each_catalogue
@pytest.mark.parametrize("language", LANGUAGES)
def test_mo_files_are_up_to_date(locale: Path, language: str, tmp_path: Path) -> None:
    committed = locale / language / "LC_MESSAGES" / "django.mo"
    assert catalogue(committed) == catalogue(compiled(locale, language, tmp_path)), (
        "Run `make messages` and commit the .mo files."
    )


@needs_msgfmt
@each_catalogue
def test_vietnamese_is_complete(locale: Path, tmp_path: Path) -> None:
    # msgfmt leaves out empty and fuzzy translations.
    # A plural message is keyed (id, form) in the compiled catalogue.
    keys = catalogue(compiled(locale, "vi", tmp_path))
    translated = {key[0] if isinstance(key, tuple) else key for key in keys} - {""}
    assert sorted(msgids(locale, "vi") - translated) == []


@each_catalogue
def test_both_catalogues_have_the_same_messages(locale: Path) -> None:
    assert msgids(locale, "vi")
    assert msgids(locale, "vi") == msgids(locale, "en")


@needs_msgfmt
def test_every_message_of_the_code_is_in_the_catalogue(
    tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`make messages` on a copy of the package finds no message the catalogue lacks
    (and none it has that the code no longer uses): the checks above cover them all."""
    copy = tmp_path / "cnvh"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    settings.LOCALE_PATHS = [copy / "locale"]
    monkeypatch.chdir(copy)
    call_command("makemessages", locale=["vi"], no_obsolete=True, verbosity=0)
    assert sorted(msgids(copy / "locale", "vi") ^ msgids(PACKAGE / "locale", "vi")) == [], (
        "Run `make messages`, translate what is new and commit the catalogue."
    )
