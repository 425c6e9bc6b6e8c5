"""The reader's language outside the templates: Vietnamese (the default) or English.

Django's catalogue (cnvh/locale) translates the interface. The statistics engine
(cnvh.stats) keeps its own Vietnamese and English pair for each problem, and no
Django; so does a request that cannot be estimated. These functions give either kind
of message in the active language, or in both (the API's and the open data's
bilingual fields), so that every page, command and answer picks them the same way.
"""

from typing import Any, Literal, Protocol

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from cnvh.stats import figures

Language = Literal["vi", "en"]
LANGUAGES: tuple[Language, ...] = ("vi", "en")

# The engine's names of what an estimate is broken down by, as a reader says them.
DIMENSIONS: dict[str, Promise] = {"sector": _("sector"), "area": _("area")}

# Django's own messages that its Vietnamese catalogue lacks (new in Django 6.1): named
# here so that `make messages` keeps them in cnvh's catalogue, which Django reads first.
DJANGO_MESSAGES = [gettext_noop("- Select an option -")]


class Bilingual(Protocol):
    """A message told in both languages, as the engine's problems are."""

    @property
    def message_vi(self) -> str: ...

    @property
    def message_en(self) -> str: ...


def current(language: str | None = None) -> Language:
    """`language` (default: the active one) as "vi" or "en"; any other is Vietnamese."""
    chosen = language or translation.get_language() or "vi"
    return "en" if chosen.startswith("en") else "vi"


def pick(vi: str, en: str, language: str | None = None) -> str:
    """The Vietnamese or the English text for `language` (default: the active one);
    the other when that one is empty."""
    text = en if current(language) == "en" else vi
    return text or vi or en


def message(item: Bilingual, language: str | None = None) -> str:
    """A problem's message (the engine's, or any with message_vi and message_en) in
    `language`, by default the active one."""
    return pick(item.message_vi, item.message_en, language)


def messages(item: Bilingual) -> dict[str, str]:
    """A problem's message in both languages, keyed "vi" and "en"."""
    return {"vi": item.message_vi, "en": item.message_en}


def number(value: float, digits: int = 0, language: str | None = None) -> str:
    """`value` in the reader's style: 1.340,0 in Vietnamese, 1,340.0 in English."""
    return figures.grouped(value, digits, current(language))


def dimensions(names: list[str]) -> str:
    """ "sector, area" in the reader's words: "ngành, địa bàn"."""
    return ", ".join(str(DIMENSIONS.get(name, name)) for name in names)


def both(text: str | Promise, **params: Any) -> dict[str, str]:
    """`text` in both languages, whatever the active one: a lazy translation, or an
    English message id from the catalogue; `params` fill its %(name)s places."""
    found: dict[str, str] = {}
    for language in LANGUAGES:
        with translation.override(language):
            words = translation.gettext(text) if isinstance(text, str) else str(text)
            found[language] = words % params if params else words
    return found
