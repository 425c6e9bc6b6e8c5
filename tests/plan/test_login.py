"""Login and logout, with failed attempts rate-limited by user name and address."""

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cnvh.plan import throttle
from cnvh.plan.models import LoginAttempt, Role
from tests import factories

PASSWORD = "s3cret-pass-word"


def log_in(client: Client, username: str, password: str, address: str = "10.0.0.1") -> Any:
    return client.post(
        reverse("web-login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


@pytest.fixture
def english(client: Client) -> Client:
    client.cookies["django_language"] = "en"
    return client


@pytest.mark.django_db
def test_login_with_the_right_password_rotates_the_session(english: Client) -> None:
    factories.user(name="lan")
    english.get(reverse("web-login"))
    english.session["before"] = "x"
    before = english.session.session_key
    response = log_in(english, "lan", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("web-overview")
    assert english.session.session_key != before
    assert english.session["_auth_user_id"]


@pytest.mark.django_db
def test_a_wrong_password_is_refused_and_counted(english: Client) -> None:
    factories.user(name="lan")
    response = log_in(english, "Lan ", "wrong")
    assert response.status_code == 200
    assert "_auth_user_id" not in english.session
    assert list(LoginAttempt.objects.values_list("username", "address")) == [("lan", "10.0.0.1")]


@pytest.mark.django_db
def test_five_failures_lock_the_name_even_for_the_right_password(english: Client) -> None:
    factories.user(name="lan")
    for _ in range(5):
        log_in(english, "lan", "wrong")
    response = log_in(english, "lan", PASSWORD)
    assert response.status_code == 200
    assert "_auth_user_id" not in english.session
    assert "Too many failed attempts to log in" in response.content.decode()
    # The refusal during the lockout is not a password check, so it is not counted.
    assert LoginAttempt.objects.count() == 5


@pytest.mark.django_db
def test_four_failures_still_let_the_right_password_in(client: Client) -> None:
    factories.user(name="lan")
    for _ in range(4):
        log_in(client, "lan", "wrong")
    assert log_in(client, "lan", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_the_lockout_ends_fifteen_minutes_after_the_fifth_failure(client: Client) -> None:
    factories.user(name="lan")
    for _ in range(5):
        log_in(client, "lan", "wrong")
    fifth = LoginAttempt.objects.order_by("-at").first()
    assert fifth is not None
    assert throttle.locked_until("lan", None) == fifth.at + timedelta(minutes=15)
    # Move the failures 16 minutes into the past: the lockout is over.
    LoginAttempt.objects.update(at=timezone.now() - timedelta(minutes=16))
    assert throttle.locked_until("lan", None) is None
    assert log_in(client, "lan", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_failures_spread_over_more_than_fifteen_minutes_do_not_lock() -> None:
    now = timezone.now()
    for minutes in (40, 30, 20, 10, 1):
        LoginAttempt.objects.create(username="lan")
        LoginAttempt.objects.filter(at__gt=now - timedelta(seconds=5)).update(
            at=now - timedelta(minutes=minutes)
        )
    # Any five consecutive failures span 39 minutes.
    assert throttle.locked_until("lan", None, now) is None


@pytest.mark.django_db
def test_twenty_failures_from_one_address_lock_every_name_from_it(english: Client) -> None:
    factories.user(name="lan")
    for index in range(20):
        log_in(english, f"guess{index}", "wrong", address="203.0.113.9")
    refused = log_in(english, "lan", PASSWORD, address="203.0.113.9")
    assert "Too many failed attempts to log in" in refused.content.decode()
    # Another address is not affected.
    assert log_in(english, "lan", PASSWORD, address="198.51.100.7").status_code == 302


@pytest.mark.django_db
def test_the_lockout_message_is_in_vietnamese_by_default(client: Client) -> None:
    factories.user(name="lan")
    for _ in range(5):
        log_in(client, "lan", "wrong")
    response = log_in(client, "lan", PASSWORD)
    assert "Đăng nhập sai quá nhiều lần" in response.content.decode()


@pytest.mark.django_db
def test_logout_is_post_only(client: Client) -> None:
    person = factories.user(name="lan")
    client.force_login(person)
    assert client.get(reverse("web-logout")).status_code == 405
    assert "_auth_user_id" in client.session
    response = client.post(reverse("web-logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_the_login_page_shows_the_form(english: Client) -> None:
    response = english.get(reverse("web-login"))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'name="username"' in body
    assert 'name="csrfmiddlewaretoken"' in body


def admin_log_in(client: Client, username: str, password: str) -> Any:
    return client.post(
        "/admin/login/",
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR="10.0.0.1",
    )


@pytest.mark.django_db
def test_failures_at_the_admin_login_count_and_lock_both_logins(english: Client) -> None:
    person = factories.user(name="lan")
    person.is_staff = True
    person.save()
    for _ in range(7):
        assert admin_log_in(english, "lan", "wrong").status_code == 200
    # Counted as at /login/: the fifth locks the name, tries while locked are refused.
    assert LoginAttempt.objects.filter(username="lan").count() == 5
    # Locked everywhere, even with the right password.
    assert admin_log_in(english, "lan", PASSWORD).status_code == 200
    assert "_auth_user_id" not in english.session
    assert log_in(english, "lan", PASSWORD).status_code == 200
    assert "_auth_user_id" not in english.session


@pytest.mark.django_db
def test_a_name_locked_at_login_is_locked_at_the_admin_login(english: Client) -> None:
    person = factories.user(name="lan")
    person.is_staff = True
    person.save()
    for _ in range(7):
        log_in(english, "lan", "wrong")
    response = admin_log_in(english, "lan", PASSWORD)
    assert response.status_code == 200
    assert "Too many failed attempts" in response.content.decode()
    assert "_auth_user_id" not in english.session


@pytest.mark.django_db
def test_the_admin_login_still_lets_staff_only_in(english: Client) -> None:
    factories.user(name="lan")
    assert admin_log_in(english, "lan", PASSWORD).status_code == 200
    assert "_auth_user_id" not in english.session
    staff = factories.user(name="quantri")
    staff.is_staff = True
    staff.save()
    assert admin_log_in(english, "quantri", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_an_officer_lands_on_their_work_after_logging_in(english: Client) -> None:
    factories.user(Role.OFFICER, name="lan")
    response = log_in(english, "lan", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("plan-my-work")


@pytest.mark.django_db
def test_a_safe_next_still_wins_over_the_officers_work(english: Client) -> None:
    factories.user(Role.OFFICER, name="lan")
    response = english.post(
        reverse("web-login"),
        {"username": "lan", "password": PASSWORD, "next": reverse("web-indicators")},
    )
    assert response["Location"] == reverse("web-indicators")
    english.logout()
    elsewhere = english.post(
        reverse("web-login"),
        {"username": "lan", "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert elsewhere["Location"] == reverse("plan-my-work")
