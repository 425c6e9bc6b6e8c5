"""Data built once for a whole test module, when its tests only read it or change it
inside their own savepoints."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction
from pytest_django import DjangoDbBlocker


@contextmanager
def module_transaction(blocker: DjangoDbBlocker) -> Iterator[None]:
    """A transaction rolled back after the module's last test. Each test's own
    transaction (pytest-django's) is a savepoint inside it, so what one test writes is
    gone for the next."""
    with blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)
