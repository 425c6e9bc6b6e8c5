"""One city for a whole test module, where its tests only make requests.

Building the city takes about half a second, and the URL table's tests are hundreds:
they share one, built in a transaction that is rolled back after the module's last
test. Each test runs in a savepoint inside it, so what one test writes is gone for
the next, as with a city of its own.
"""

from collections.abc import Iterator

import pytest
from django.test import override_settings
from pytest_django import DjangoDbBlocker

from tests.rolled_back import module_transaction
from tests.security.world import World, build


@pytest.fixture(scope="module")
def shared_world(
    django_db_setup: None,
    django_db_blocker: DjangoDbBlocker,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[World]:
    media = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=media), module_transaction(django_db_blocker):
        yield build(media)
