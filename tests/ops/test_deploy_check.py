"""Django's deployment checks pass with a production environment, in a child process
that reads its settings as `cnvh serve` would."""

from pathlib import Path

from .processes import cnvh, environment

PRODUCTION = {
    "CNVH_HTTPS": "1",
    "CNVH_PROXY_SSL_HEADER": "1",
    "CNVH_ALLOWED_HOSTS": "cnvh.example.vn,localhost",
    "CNVH_CSRF_TRUSTED_ORIGINS": "https://cnvh.example.vn",
    "CNVH_EMAIL_URL": "smtp://cnvh:secret@mail.example.vn:587?tls=1",
}


def test_production_settings_pass_every_deployment_check(tmp_path: Path) -> None:
    env = environment(tmp_path, f"sqlite:///{tmp_path}/cnvh.sqlite3", **PRODUCTION)
    done = cnvh("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert "System check identified no issues (0 silenced)." in done.stdout


def test_the_checks_do_see_a_laptop_configuration(tmp_path: Path) -> None:
    env = environment(tmp_path, f"sqlite:///{tmp_path}/cnvh.sqlite3", CNVH_DEBUG="1")
    done = cnvh("check", "--deploy", "--fail-level", "WARNING", env=env, check=False)
    assert done.returncode != 0
    for warning in ("security.W004", "security.W008", "security.W012", "security.W018"):
        assert warning in done.stderr
