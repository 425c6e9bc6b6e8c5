"""API tokens, and the API's writes counted for the rate limit.

A token is shown once, when it is made; only its SHA-256 is kept, so a copy of the
database gives nobody a usable token. Tokens are random (256 bits), so a plain hash
is enough: there is nothing to guess a token from.
"""

from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=100)
    # The first characters, to tell one's tokens apart; far too few to use.
    prefix = models.CharField(_("starts with"), max_length=16)
    key_hash = models.CharField(_("SHA-256 of the token"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    # Each use moves last_used_at; the history keeps what people did, not every request.
    history = HistoricalRecords(excluded_fields=["last_used_at"])

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def usable(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and now < self.expires_at


class ApiWrite(models.Model):
    """One write request through the API: the rows a person's rate limit counts, in
    the database so that every server process counts the same ones."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="+", verbose_name=_("user")
    )
    token = models.ForeignKey(
        ApiToken,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("token"),
    )
    method = models.CharField(_("method"), max_length=8)
    path = models.CharField(_("path"), max_length=255)
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("API write")
        verbose_name_plural = _("API writes")
        indexes = [models.Index(fields=["user", "at"], name="apiwrite_user_at")]

    def __str__(self) -> str:
        return f"{self.method} {self.path} {self.at:%Y-%m-%d %H:%M:%S}"
