"""Passwords are stored with Argon2."""

import pytest
from django.contrib.auth import get_user_model
from pytest_django.fixtures import Settings

from cnvh import settings as configured

pytestmark = pytest.mark.django_db


def test_passwords_are_hashed_with_argon2(settings: Settings) -> None:
    settings.PASSWORD_HASHERS = configured.PASSWORD_HASHERS  # undo the tests' fast hasher
    person = get_user_model().objects.create_user("canbo", password="mật-khẩu-dài-2026")
    assert person.password.startswith("argon2$argon2id$")
    assert person.check_password("mật-khẩu-dài-2026")
    assert not person.check_password("mat-khau-dai-2026")
