"""Data built once for a whole test module, when its tests only read it or change it
inside their own savepoints; and pages read without leaving a trace in it."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from django.db import transaction
from django.test import Client
from pytest_django import DjangoDbBlocker

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response


@contextmanager
def module_transaction(blocker: DjangoDbBlocker) -> Iterator[None]:
    """A transaction rolled back after the module's last test. Each test's own
    transaction (pytest-django's) is a savepoint inside it, so what one test writes is
    gone for the next."""
    with blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


def rolled_back_get(client: Client, url: str) -> "Response":
    """A GET whose writes (a notice marked read, a session touched) are undone, so that
    the pages read after it find the data as it was."""
    with transaction.atomic():
        response = client.get(url)
        transaction.set_rollback(True)
    return response
