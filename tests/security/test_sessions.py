"""Login brute force, session fixation, cookie flags, logout by POST only.

tests/plan/test_login.py covers the lockout's timing; these are the attacks.
"""

from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from cnvh.plan.models import LoginAttempt
from tests import factories
from tests.security.world import PASSWORD

pytestmark = pytest.mark.django_db
LOCKED = "Too many failed attempts to log in"


@pytest.fixture
def browser() -> Client:
    client = Client()
    client.cookies["django_language"] = "en"
    return client


def log_in(client: Client, username: str, password: str, address: str = "198.51.100.1") -> Any:
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_guessing_one_name_from_many_addresses_locks_the_name(browser: Client) -> None:
    factories.user(name="lan")
    for number in range(5):
        log_in(browser, "LAN ", "guess", address=f"198.51.100.{number}")
    response = log_in(browser, "lan", PASSWORD, address="203.0.113.50")
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in browser.session


def test_guessing_many_names_from_one_address_locks_the_address(browser: Client) -> None:
    factories.user(name="lan")
    for number in range(20):
        log_in(browser, f"someone{number}", "guess")
    response = log_in(browser, "lan", PASSWORD)
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in browser.session
    # Another address is not punished for it.
    assert log_in(Client(), "lan", PASSWORD, address="203.0.113.50").status_code == 302


def test_a_locked_answer_does_not_tell_whether_the_password_was_right(browser: Client) -> None:
    factories.user(name="lan")
    for _ in range(5):
        log_in(browser, "lan", "guess")
    right = log_in(browser, "lan", PASSWORD).content.decode()
    wrong = log_in(browser, "lan", "still-a-guess").content.decode()
    assert LOCKED in right and LOCKED in wrong
    # Refusals while locked are not counted, so the lockout does not grow without end.
    assert LoginAttempt.objects.count() == 5


def test_the_session_key_changes_at_login_and_at_logout(browser: Client) -> None:
    factories.user(name="lan")
    browser.get("/login/")
    session = browser.session
    session["planted"] = "by an attacker"
    session.save()
    planted = str(session.session_key)
    browser.cookies[settings.SESSION_COOKIE_NAME] = planted
    assert log_in(browser, "lan", PASSWORD).status_code == 302
    logged_in = str(browser.session.session_key)
    assert logged_in != planted
    assert browser.get("/notifications/").status_code == 200
    # The planted id is worth nothing now.
    attacker = Client()
    attacker.cookies[settings.SESSION_COOKIE_NAME] = planted
    assert attacker.get("/notifications/").status_code == 302
    assert browser.post("/logout/").status_code == 302
    assert browser.session.session_key != logged_in
    stolen = Client()
    stolen.cookies[settings.SESSION_COOKIE_NAME] = logged_in
    assert stolen.get("/notifications/").status_code == 302


def test_the_cookies_are_out_of_reach_of_scripts_and_other_sites(browser: Client) -> None:
    factories.user(name="lan")
    browser.get("/login/")
    response = log_in(browser, "lan", PASSWORD)
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
    csrf = response.cookies[settings.CSRF_COOKIE_NAME]  # a new token at login
    assert csrf["samesite"] == "Lax"
    assert csrf["httponly"] is True


def test_secure_cookies_behind_https(browser: Client, settings: Any) -> None:
    settings.SESSION_COOKIE_SECURE = True
    factories.user(name="lan")
    response = log_in(browser, "lan", PASSWORD)
    assert response.cookies[settings.SESSION_COOKIE_NAME]["secure"] is True


def test_logout_is_post_only(browser: Client) -> None:
    person = factories.user(name="lan")
    browser.force_login(person)
    # An image or a link on another page cannot log anyone out.
    assert browser.get("/logout/").status_code == 405
    assert browser.get("/notifications/").status_code == 200
    assert browser.post("/logout/").status_code == 302
    assert browser.get("/notifications/").status_code == 302
