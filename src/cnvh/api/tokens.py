"""Making, finding and revoking API tokens."""

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from cnvh.api.models import ApiToken

TOKEN_START = "cnvh_"
PREFIX_LENGTH = 12
LIFETIMES_DAYS = (30, 90, 365)
# How stale last_used_at may be: a busy client does not write on every request.
LAST_USED_PRECISION = timedelta(minutes=1)


def digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def create_token(user: Any, name: str, days: int) -> tuple[ApiToken, str]:
    """A new token of `user`; the raw token is returned here and never again."""
    raw = TOKEN_START + secrets.token_urlsafe(32)
    now = timezone.now()
    token = ApiToken(
        user=user,
        name=name.strip()[:100],
        prefix=raw[:PREFIX_LENGTH],
        key_hash=digest(raw),
        created_at=now,
        expires_at=now + timedelta(days=days),
    )
    token._history_user = user  # type: ignore[attr-defined]
    token.save()
    return token, raw


def revoke(token: ApiToken, user: Any) -> None:
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().get(pk=token.pk)
        if token.revoked_at is not None:
            return
        token.revoked_at = timezone.now()
        token._history_user = user  # type: ignore[attr-defined]
        token.save()


def authenticate(raw: str) -> ApiToken | None:
    """The token `raw` names, if it may be used now: not revoked, not expired, and its
    owner still active. Marks it used."""
    if not raw.startswith(TOKEN_START) or len(raw) > 200:
        return None
    token = ApiToken.objects.select_related("user").filter(key_hash=digest(raw)).first()
    now = timezone.now()
    if token is None or not token.usable(now) or not token.user.is_active:
        return None
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        # An update, not save(): no history row and no race with a revocation.
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
