"""The compiled catalogues match their sources, and Vietnamese is complete."""

import ast
import gettext
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import cnvh

LOCALE = Path(cnvh.__file__).parent / "locale"
LANGUAGES = ["vi", "en"]

needs_msgfmt = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="needs gettext")


def po(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "django.po"


def catalogue(mo: Path) -> dict[object, str]:
    with mo.open("rb") as handle:
        return dict(gettext.GNUTranslations(handle)._catalog)  # type: ignore[attr-defined]


def compiled(language: str, directory: Path) -> Path:
    fresh = directory / f"{language}.mo"
    subprocess.run(["msgfmt", "--check-format", "-o", str(fresh), str(po(language))], check=True)
    return fresh


def msgids(language: str) -> set[str]:
    text = po(language).read_text(encoding="utf-8")
    found = re.findall(r'^msgid ("(?:.*)"(?:\n".*")*)', text, flags=re.MULTILINE)
    ids = {"".join(ast.literal_eval(part) for part in item.split("\n")) for item in found}
    return ids - {""}


@needs_msgfmt
@pytest.mark.parametrize("language", LANGUAGES)
def test_mo_files_are_up_to_date(language: str, tmp_path: Path) -> None:
    committed = LOCALE / language / "LC_MESSAGES" / "django.mo"
    assert catalogue(committed) == catalogue(compiled(language, tmp_path)), (
        "Run `make messages` and commit the .mo files."
    )


@needs_msgfmt
def test_vietnamese_is_complete(tmp_path: Path) -> None:
    # msgfmt leaves out empty and fuzzy translations.
    translated = set(catalogue(compiled("vi", tmp_path))) - {""}
    assert sorted(msgids("vi") - translated) == []


def test_both_catalogues_have_the_same_messages() -> None:
    assert msgids("vi")
    assert msgids("vi") == msgids("en")
