"""Malformed values typed into every field of the registry's forms: refused with a
message (a 4xx or the form again), never a server error, and no number or date out of
its range stored."""

import pytest
from django.test import Client

from cnvh.brightspots.models import BrightSpot, Decision, Score
from tests.brightspots.conftest import City
from tests.brightspots.test_pages import nomination_form
from tests.security.test_malformed_input import VALUES

# Those a form field reads differently: digits of other scripts, signs, exponents,
# not-a-number, too many digits, NUL, very long text.
FORM_VALUES = [VALUES[i] for i in (0, 2, 3, 6, 7, 8, 9, 15)]


def _client(user: object) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)  # type: ignore[arg-type]
    return client


@pytest.mark.parametrize("value", FORM_VALUES, ids=range(len(FORM_VALUES)))
def test_no_malformed_value_is_stored_or_breaks_a_page(city: City, value: str) -> None:
    nomination = city.admitted("A")
    criteria = city.round.rubric.criteria.all()
    officer, coordinator = _client(city.ward_officer), _client(city.coordinator)
    member = _client(city.members[0])
    base = f"/brightspots/nominations/{nomination.pk}/"
    posts = [
        (officer, f"/brightspots/rounds/{city.round.pk}/nominate/", nomination_form(city)),
        (member, base + "score/", {f"score_{c.pk}": "5" for c in criteria}),
        (coordinator, base + "decide/", {"outcome": "recognised", "decided_on": "1/1/2026"}),
        (coordinator, base + "site-visit/", {"day": "1/1/2026"}),
        (coordinator, "/brightspots/rounds/new/", {"name_vi": "X", "opens_on": "1/1/2026"}),
    ]
    for client, url, form in posts:
        for field in form:
            status = client.post(url, {**form, field: value}).status_code
            assert status < 500, (url, field)
    # Text is text ("abc" is a name); numbers and dates out of their range are refused.
    assert not BrightSpot.objects.filter(start_year__gt=2100).exists()
    assert not Decision.objects.exists()
    assert Score.objects.filter(score__gt=10).count() == 0
