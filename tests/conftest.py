"""Fixtures shared by the Django tests."""

import os
import tempfile
from collections.abc import Callable, Iterator

import pytest
from django.test import TestCase, TransactionTestCase
from django.utils import translation
from pytest_django.fixtures import Settings
from pytest_django.plugin import blocking_manager_key

from cnvh.estimates.models import Estimate as StoredEstimate
from cnvh.estimates.store import save_estimate
from cnvh.stats.result import Estimate, EstimateRow, ScopeInfo
from tests.shipped import ship_missing_rows

# Hand-picked figures (million VND). Shares: 3.5% in 2021 rising to 4.2% in 2024.
GRDP = {2021: 1_100_000_000.0, 2022: 1_196_000_000.0, 2023: 1_300_000_000.0, 2024: 1_430_000_000.0}
SHARES = {2021: 0.035, 2022: 0.038, 2023: 0.040, 2024: 0.042}
SECTORS_2024 = {"tourism": 25_060_000.0, "design": 20_000_000.0, "crafts": 15_000_000.0}


def scope_info(key: str = "hanoi-plan") -> ScopeInfo:
    return ScopeInfo(
        key=key,
        version="2025.1",
        classification="VSIC2018",
        checksum="ab12" * 16,
        title_vi=f"Kế hoạch Hà Nội ({key})",
        title_en=f"Hanoi plan ({key})",
        sectors={
            "tourism": {"title_vi": "Du lịch văn hóa", "title_en": "Cultural tourism"},
            "design": {"title_vi": "Thiết kế", "title_en": "Design"},
            "crafts": {"title_vi": "Thủ công mỹ nghệ", "title_en": "Handicrafts"},
        },
    )


def engine_estimate(key: str = "hanoi-plan", *, with_ci: bool = True) -> Estimate:
    rows = []
    for year, share in SHARES.items():
        ci = (share - 0.003, share + 0.003) if with_ci else (None, None)
        rows.append(
            EstimateRow(
                year=year,
                sector=None,
                area=None,
                value_added=share * GRDP[year],
                share=share,
                employment=150_000.0 + year,
                establishments=12_000.0,
                employment_share=0.03,
                share_ci_low=ci[0],
                share_ci_high=ci[1],
            )
        )
    for sector, value in SECTORS_2024.items():
        rows.append(EstimateRow(2024, sector, None, value, value / GRDP[2024], 50_000.0, 4_000.0))
    rows.append(EstimateRow(2024, "design", "00004", 1_000_000.0, None, 2_000.0, 150.0))
    provenance = {
        "engine": "cnvh 0.1.0",
        "created": "2025-11-26T04:00:00+00:00",
        "inputs": {
            "units": {"path": "units.parquet", "sha256": "cd34" * 16, "rows": 1200},
            "totals": {"path": "totals.csv", "sha256": "ef56" * 16, "rows": 4},
        },
        "options": {"by": ["sector", "area"], "unit": "million VND", "bootstrap": 200},
    }
    return Estimate(scope=scope_info(key), unit="million VND", rows=rows, provenance=provenance)


@pytest.fixture
def make_estimate() -> Callable[..., Estimate]:
    """A factory of engine results: make_estimate("fcs-core", with_ci=False)."""
    return engine_estimate


@pytest.fixture
def stored_estimate(db: None) -> StoredEstimate:
    return save_estimate(engine_estimate(), label="test", synthetic=True)


# The modules that take longest (seconds on PostgreSQL, two processes), started first:
# pytest-xdist hands modules out in the order collected (`--no-loadscope-reorder` in the
# Makefile), and a long module started last leaves one process working alone at the end.
LONGEST_MODULES = {
    "tests/security/test_urls.py": 200,
    "tests/ops/test_faults_kill.py": 135,
    "tests/security/test_malformed_input.py": 130,
    "tests/ops/test_faults_database.py": 76,
    "tests/ops/test_backup.py": 74,
    "tests/plan/test_permissions.py": 72,
    "tests/exchange/test_faults_kill.py": 69,
    "tests/enterprises/test_demo.py": 55,
    "tests/security/test_csrf.py": 54,
    "tests/security/test_links.py": 50,
    "tests/api/test_schemathesis.py": 47,
    "tests/ops/test_serving.py": 45,
    "tests/exchange/test_cli.py": 37,
    "tests/web/test_form_labels.py": 37,
    "tests/estimates/test_load_demo.py": 35,
    "tests/security/test_escaping.py": 33,
}


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # A stable sort: within a module, and among the other modules, the order stays.
    items.sort(key=lambda item: -LONGEST_MODULES.get(item.nodeid.split("::")[0], 0))


def pytest_configure(config: pytest.Config) -> None:
    # `cnvh estimate` keeps its record of checked files with the person's caches; the
    # tests keep theirs apart, each process its own.
    os.environ["CNVH_CHECKED_FILES_DIR"] = tempfile.mkdtemp(prefix="cnvh-checked-files-")
    # WhiteNoise warns when STATIC_ROOT does not exist; tests never run collectstatic.
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")


@pytest.fixture(autouse=True)
def own_cache(settings: Settings, request: pytest.FixtureRequest) -> None:
    """Each test its own empty cache in memory: a page stored by one test (or by another
    run sharing var/) must not be served in the next. The public pages' cache is off:
    a test's transaction never commits, so its changes would not renew the pages;
    tests/web/test_page_cache.py turns it on."""
    settings.CNVH_PAGE_CACHE = False
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": request.node.nodeid,
        }
    }


@pytest.fixture(autouse=True)
def default_language() -> None:
    """Each test starts in the site's default language (Vietnamese). A request in English
    leaves English active in the thread; a lazy message read after its `override` block
    then came out in whichever language the test before had left."""
    translation.deactivate()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: Settings) -> None:
    """Argon2 is slow on purpose; tests that are not about hashing use a fast one.
    tests/plan/test_login.py checks the real setting."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _empties_the_database(item: pytest.Item) -> bool:
    """Whether the test ends by flushing every table (a transactional test), rather
    than by rolling its transaction back."""
    cls = getattr(item, "cls", None)
    if cls is not None and issubclass(cls, TransactionTestCase):
        return not issubclass(cls, TestCase)
    marker = item.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return True
    names = getattr(item, "fixturenames", ())
    return "transactional_db" in names or "live_server" in names


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """The migrations' own rows back after a transactional test: the tests after it, in
    whatever order and process they run, find the database as migrated. After the last
    test of a process the test database is already gone, and nothing comes after."""
    result = yield
    if nextitem is not None and _empties_the_database(item):
        with item.config.stash[blocking_manager_key].unblock():
            ship_missing_rows()
    return result
