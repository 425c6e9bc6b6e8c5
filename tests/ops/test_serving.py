"""`cnvh serve`, `/health/` and `cnvh worker`, each as the server runs them."""

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client

from .conftest import Site
from .processes import cnvh, environment, get, serving


@pytest.mark.django_db
def test_health_answers_ok_with_the_database_reachable(client: Client) -> None:
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert "no-cache" in response["Cache-Control"]


def test_serve_serves_pages_static_files_and_health(make_site: Callable[..., Site]) -> None:
    site = make_site("city")
    with serving(site.env, "--workers", "2") as base:
        status, _, body = get(f"{base}/health/")
        assert status == 200
        assert json.loads(body)["database"] == "ok"

        status, headers, page = get(f"{base}/")
        assert status == 200
        assert headers["Content-Type"].startswith("text/html")
        # collectstatic ran: the page links hashed file names, served compressed.
        hashed = re.findall(rb'(?:src|href)="(/static/[^"]+\.[0-9a-f]{12}\.(?:js|css))"', page)
        assert hashed, page[:2000]
        status, headers, _ = get(f"{base}{hashed[0].decode()}", {"Accept-Encoding": "gzip"})
        assert status == 200
        assert headers.get("Content-Encoding") == "gzip"
        assert "immutable" in headers.get("Cache-Control", "")


def test_health_says_503_without_telling_secrets(tmp_path: Path) -> None:
    # A PostgreSQL port where nothing listens: the database is unreachable.
    url = "postgres://cnvh:TopSecret42@127.0.0.1:9/cnvh"
    with serving(environment(tmp_path, url), "--workers", "1", "--no-collectstatic") as base:
        status, _, body = get(f"{base}/health/")
    assert status == 503
    answer = json.loads(body)
    assert answer["status"] == "error"
    assert answer["database"] == "unreachable"
    assert "TopSecret42" not in body.decode()
    assert "127.0.0.1" not in body.decode()


def test_serve_refuses_a_worker_count_that_is_not_a_number(tmp_path: Path) -> None:
    env = environment(tmp_path, f"sqlite:///{tmp_path}/db.sqlite3", CNVH_WORKERS="many")
    done = cnvh("serve", env=env, check=False)
    assert done.returncode != 0
    assert "CNVH_WORKERS" in done.stderr


def test_worker_runs_a_queued_task(make_site: Callable[..., Site]) -> None:
    site = make_site("city")
    queued = cnvh(
        "shell",
        "--no-imports",
        "-c",
        "from tests.ops.tasks import count_users; print(count_users.enqueue('users').id)",
        env=site.env,
    ).stdout.strip()
    cnvh("worker", "--batch", "--no-startup-delay", env=site.env)
    result = cnvh(
        "shell",
        "--no-imports",
        "-c",
        "from tests.ops.tasks import count_users; "
        f"r = count_users.get_result({queued!r}); print(r.status, r.return_value)",
        env=site.env,
    ).stdout.strip()
    assert result == "SUCCESSFUL users: 0"
