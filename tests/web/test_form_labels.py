"""Every label on every page starts with a capital letter, in both languages.

Field names are written in lower case where they are declared (Django's convention for
a model's fields, followed by the forms), so a template that shows one as it is reads
like a slip next to its neighbours. The pages are the URL table's (tests/security),
each opened by the roles that fill in most of the forms.
"""

import re

import pytest

from tests.rolled_back import rolled_back_get
from tests.security.conftest import shared_world  # noqa: F401  (the URL table's city)
from tests.security.routes import pages_open_to
from tests.security.world import World

pytestmark = pytest.mark.django_db
LABEL = re.compile(r"<label\b([^>]*)>(.*?)</label>", re.S)
# The options of a list of checkboxes or radio buttons: their words are data (a
# person's name, a code), not a field's name.
OPTION = re.compile(r'\bfor="[^"]*_\d+"')
CONTROL = re.compile(r"<(input|select|textarea)\b.*?(</\1>|>)", re.S)
TAG = re.compile(r"<[^>]+>")
ROLES = ("coordinator", "officer_of_lead", "statistician")


def label_texts(html: str) -> list[str]:
    """The words of each field's label. A label may hold its control: a checkbox
    before the words, a list to choose from after them."""
    texts = []
    for attributes, inner in LABEL.findall(html):
        if OPTION.search(attributes):
            continue
        before, _, after = CONTROL.sub("\0", inner, count=1).partition("\0")
        text = " ".join(TAG.sub(" ", before).split()) or " ".join(TAG.sub(" ", after).split())
        if text:
            texts.append(text)
    return texts


def lowercase_labels(world: World, role: str, language: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    client = world.client(role)
    client.cookies["django_language"] = language
    for url in pages_open_to(world, role):
        response = rolled_back_get(client, url)
        if not response["Content-Type"].startswith("text/html"):
            continue
        lowercase = [text for text in label_texts(response.text) if text[0].islower()]
        if lowercase:
            found[url] = lowercase
    return found


def test_the_label_reader_sees_words_not_tags() -> None:
    html = (
        '<label for="a">Tên <abbr title="bắt buộc">*</abbr></label>'
        '<label class="checkbox"><input id="b" type="checkbox"> đã kiểm tra</label>'
        "<label>nhóm <select><option>Tất cả</option></select></label>"
        '<label for="id_council_3"><input id="id_council_3"> user10</label>'
    )
    assert label_texts(html) == ["Tên *", "đã kiểm tra", "nhóm"]


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("role", ROLES)
def test_every_label_starts_with_a_capital(
    shared_world: World,  # noqa: F811
    role: str,
    language: str,
) -> None:
    assert lowercase_labels(shared_world, role, language) == {}
