"""Behind a reverse proxy: the login limit by address counts the real client.

Only a request from a proxy listed in TRUSTED_PROXIES has its X-Forwarded-For read,
and then from the right; a client writing the header itself changes nothing.
"""

import os
import subprocess
import sys
from typing import Any

import pytest
from django.test import Client

from cnvh.plan.addresses import address_from, networks
from cnvh.plan.models import LoginAttempt
from tests import factories

PROXY = "10.0.0.2"
PROXIES = networks([PROXY, "10.9.0.0/16"])
LOCKED = "Too many failed attempts to log in"


def meta(remote: str, forwarded: str | None = None) -> dict[str, str]:
    found = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        found["HTTP_X_FORWARDED_FOR"] = forwarded
    return found


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        # No proxy configured for this address: the header is anyone's and ignored.
        ("203.0.113.7", "198.51.100.1", "203.0.113.7"),
        ("203.0.113.7", None, "203.0.113.7"),
        # From our proxy: the address it appended (nginx's $proxy_add_x_forwarded_for).
        (PROXY, "198.51.100.1", "198.51.100.1"),
        # A client's own header is kept on the left by the proxy: ignored.
        (PROXY, "1.1.1.1, 198.51.100.1", "198.51.100.1"),
        (PROXY, "evil, 198.51.100.1", "198.51.100.1"),
        # Two proxies of ours (a network listed): the last address not ours.
        (PROXY, "1.1.1.1, 198.51.100.1, 10.9.3.4", "198.51.100.1"),
        # Nothing said, or only nonsense: the proxy's own address.
        (PROXY, None, PROXY),
        (PROXY, "", PROXY),
        (PROXY, "not-an-address", PROXY),
        (PROXY, "198.51.100.1:4444", PROXY),
        # Addresses are normalised, so one IPv6 client is one client.
        (PROXY, "2001:DB8::0001", "2001:db8::1"),
        ("", "198.51.100.1", None),
    ],
)
def test_the_client_address(remote: str, forwarded: str | None, expected: str | None) -> None:
    assert address_from(meta(remote, forwarded), PROXIES) == expected


def test_without_trusted_proxies_the_header_is_ignored() -> None:
    assert address_from(meta(PROXY, "198.51.100.1"), []) == PROXY


@pytest.mark.django_db
def test_behind_the_proxy_one_guesser_does_not_lock_out_the_others(
    client: Client, settings: Any
) -> None:
    settings.TRUSTED_PROXIES = [PROXY]
    factories.user(name="lan")
    # Through the proxy; each guess names another user, so only the address limit applies.
    for number in range(20):
        client.post(
            "/login/",
            {"username": f"guess{number}", "password": "x"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR="198.51.100.66",
        )
    assert set(LoginAttempt.objects.values_list("address", flat=True)) == {"198.51.100.66"}
    someone_else = client.post(
        "/login/",
        {"username": "lan", "password": "s3cret-pass-word"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert someone_else.status_code == 302
    guesser = Client()
    guesser.cookies["django_language"] = "en"
    locked = guesser.post(
        "/login/",
        {"username": "lan", "password": "s3cret-pass-word"},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="198.51.100.66",
    )
    assert LOCKED in locked.content.decode()
    assert "_auth_user_id" not in guesser.session


@pytest.mark.django_db
def test_a_client_cannot_escape_the_limit_with_its_own_header(
    client: Client, settings: Any
) -> None:
    settings.TRUSTED_PROXIES = [PROXY]
    factories.user(name="lan")
    client.cookies["django_language"] = "en"
    for number in range(20):
        # A new made-up address each time: were it believed, no address would reach 20.
        client.post(
            "/login/",
            {"username": f"guess{number}", "password": "x"},
            REMOTE_ADDR="203.0.113.9",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}",
        )
    assert set(LoginAttempt.objects.values_list("address", flat=True)) == {"203.0.113.9"}
    locked = client.post(
        "/login/",
        {"username": "lan", "password": "s3cret-pass-word"},
        REMOTE_ADDR="203.0.113.9",
        HTTP_X_FORWARDED_FOR="192.0.2.200",
    )
    assert "_auth_user_id" not in client.session
    assert LOCKED in locked.content.decode()


def settings_value(environ: dict[str, str]) -> subprocess.CompletedProcess[str]:
    code = "from django.conf import settings; print(settings.TRUSTED_PROXIES)"
    env = {key: value for key, value in os.environ.items() if not key.startswith("CNVH_")}
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={**env, "DJANGO_SETTINGS_MODULE": "cnvh.settings", **environ},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_setting_comes_from_the_environment_and_refuses_a_typo(tmp_path: Any) -> None:
    var = {"CNVH_VAR_DIR": str(tmp_path)}
    listed = settings_value({**var, "CNVH_TRUSTED_PROXIES": "127.0.0.1, 10.1.0.0/16"})
    assert listed.stdout.strip() == "['127.0.0.1/32', '10.1.0.0/16']"
    assert settings_value(var).stdout.strip() == "[]"
    typo = settings_value({**var, "CNVH_TRUSTED_PROXIES": "127.0.0.l"})
    assert typo.returncode != 0
    assert "127.0.0.l" in typo.stderr
