"""API tokens: made on the member's page and shown once, kept only as a hash, used,
revoked, expired; refused for inactive people; every change in the token's history."""

import hashlib
import re
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from cnvh.api import tokens
from cnvh.api.models import ApiToken
from tests import factories
from tests.api.world import World

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'<code id="new-token-value">(cnvh_[A-Za-z0-9_\-]+)</code>')


def logged_in(person: Any, **kwargs: Any) -> Client:
    client = Client(**kwargs)
    client.cookies["django_language"] = "en"
    client.force_login(person)
    return client


def me(raw: str) -> Any:
    return Client(headers={"Authorization": f"Bearer {raw}"}).get("/api/me")


def test_the_page_is_for_members(world: World) -> None:
    assert Client().get("/api/tokens/")["Location"].startswith("/login/?next=")
    assert logged_in(world.people["no_role"]).get("/api/tokens/").status_code == 403
    page = logged_in(world.people["statistician"]).get("/api/tokens/")
    assert page.status_code == 200
    assert "statistician script" in page.content.decode()
    # Another person's tokens are not listed.
    assert "coordinator script" not in page.content.decode()


def test_a_token_is_shown_once_and_kept_only_as_its_hash(world: World) -> None:
    person = world.people["officer_of_lead"]
    client = logged_in(person)
    answer = client.post("/api/tokens/", {"name": "Báo cáo tự động", "days": "30"})
    assert answer.status_code == 200
    assert answer["Cache-Control"].startswith("max-age=0")
    found = TOKEN.search(answer.content.decode())
    assert found is not None
    raw = found.group(1)
    token = ApiToken.objects.get(user=person, name="Báo cáo tự động")
    assert token.key_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert raw.startswith(token.prefix) and len(token.prefix) < len(raw) // 3
    stored = ApiToken.objects.filter(pk=token.pk).values().get()
    assert raw not in [str(value) for value in stored.values()]
    assert not token.history.filter(key_hash=raw).exists()
    # 30 days, from now.
    assert timedelta(days=29, hours=23) < token.expires_at - timezone.now() <= timedelta(days=30)
    again = client.get("/api/tokens/").content.decode()
    assert raw not in again and token.prefix in again
    assert me(raw).json()["token"] == "Báo cáo tự động"


def test_use_marks_the_token_used(world: World) -> None:
    token = ApiToken.objects.get(name="coordinator script")
    assert token.last_used_at is None
    body = me(world.tokens["coordinator"]).json()
    assert body["username"] == world.people["coordinator"].username
    assert body["roles"] == [{"role": "coordinator", "agency": world.objects["city"].code}]
    token.refresh_from_db()
    assert token.last_used_at is not None
    # Using a token changes nothing a person did: no history row for it.
    assert token.history.count() == 1


def test_revoking_on_the_page(world: World) -> None:
    person = world.people["leader_of_lead"]
    token = ApiToken.objects.get(user=person)
    raw = world.tokens["leader_of_lead"]
    assert me(raw).status_code == 200
    answer = logged_in(person).post(f"/api/tokens/{token.pk}/revoke/")
    assert answer.status_code == 302
    assert me(raw).status_code == 401
    token.refresh_from_db()
    assert token.revoked_at is not None
    latest = token.history.latest()
    assert latest.revoked_at is not None and latest.history_user == person
    # The creation is in the history too, by its owner.
    assert token.history.earliest().history_user == person
    page = logged_in(person).get("/api/tokens/").content.decode()
    assert "Revoked" in page


def test_nobody_revokes_someone_elses_token(world: World) -> None:
    theirs = ApiToken.objects.get(user=world.people["officer_of_lead"])
    for role in ("administrator", "coordinator", "officer_of_coordinating"):
        answer = logged_in(world.people[role]).post(f"/api/tokens/{theirs.pk}/revoke/")
        assert answer.status_code == 404
    assert me(world.tokens["officer_of_lead"]).status_code == 200


def test_revoking_needs_the_csrf_token(world: World) -> None:
    person = world.people["officer_of_lead"]
    token = ApiToken.objects.get(user=person)
    client = logged_in(person, enforce_csrf_checks=True)
    assert client.post(f"/api/tokens/{token.pk}/revoke/").status_code == 403
    assert client.post("/api/tokens/", {"name": "x", "days": "30"}).status_code == 403
    assert ApiToken.objects.filter(user=person).count() == 1
    assert me(world.tokens["officer_of_lead"]).status_code == 200


def test_an_expired_token_is_refused(world: World) -> None:
    token, raw = tokens.create_token(world.people["statistician"], "short", 30)
    assert me(raw).status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    answer = me(raw)
    assert answer.status_code == 401
    assert answer.json()["code"] == "not_authenticated"


def test_an_inactive_persons_token_is_refused(world: World) -> None:
    person = world.people["coordinator"]
    person.is_active = False
    person.save()
    assert me(world.tokens["coordinator"]).status_code == 401
    assert world.get("coordinator", "/api/scopes").status_code == 401


def test_a_token_acts_with_its_owners_roles_as_they_are_now(world: World) -> None:
    person = world.people["officer_elsewhere"]
    raw = world.tokens["officer_elsewhere"]
    assert world.get("officer_elsewhere", "/api/plans").status_code == 200
    person.memberships.all().delete()
    assert me(raw).json()["roles"] == []
    assert world.get("officer_elsewhere", "/api/plans").status_code == 403


def test_the_form_checks_its_fields(world: World) -> None:
    client = logged_in(world.people["statistician"])
    answer = client.post("/api/tokens/", {"name": "", "days": "7"})
    assert answer.status_code == 200
    assert TOKEN.search(answer.content.decode()) is None
    assert ApiToken.objects.filter(user=world.people["statistician"]).count() == 1


def test_tokens_of_one_person_are_told_apart(db: None) -> None:
    person = factories.user()
    first, raw_first = tokens.create_token(person, "a", 30)
    second, raw_second = tokens.create_token(person, "b", 30)
    assert raw_first != raw_second and first.key_hash != second.key_hash
    assert tokens.authenticate(raw_first) == first
    assert tokens.authenticate(raw_second) == second
    assert tokens.authenticate(raw_first + "x") is None
    assert tokens.authenticate("") is None
