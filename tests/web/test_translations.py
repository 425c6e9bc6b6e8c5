"""Every catalogue's compiled file matches its source, and Vietnamese is complete.

cnvh keeps one catalogue for the project (cnvh/locale) and one per app that has
its own (cnvh/plan/locale); each is checked the same way.
"""

import ast
import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import cnvh

PACKAGE = Path(cnvh.__file__).parent
CATALOGUES = [PACKAGE / "locale"] + [
    PACKAGE / app / "locale"
    for app in ("plan", "exchange", "exports", "api")
    if (PACKAGE / app / "locale").is_dir()
]
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


def msgids(locale: Path, language: str) -> set[str]:
    """The catalogue's message ids, with their context as gettext keys them."""
    text = po(locale, language).read_text(encoding="utf-8")
    string = r'"(?:.*)"(?:\n".*")*'
    found = re.findall(rf"^(?:msgctxt ({string})\n)?msgid ({string})", text, flags=re.MULTILINE)
    ids = {
        (_text(context) + "\x04" if context else "") + _text(message) for context, message in found
    }
    return ids - {""}


def test_every_app_catalogue_is_checked() -> None:
    found = PACKAGE.glob("**/locale/vi/LC_MESSAGES/django.po")
    assert {path.parents[2] for path in found} == set(CATALOGUES)


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
    translated = set(catalogue(compiled(locale, "vi", tmp_path))) - {""}
    assert sorted(msgids(locale, "vi") - translated) == []


@each_catalogue
def test_both_catalogues_have_the_same_messages(locale: Path) -> None:
    assert msgids(locale, "vi")
    assert msgids(locale, "vi") == msgids(locale, "en")
