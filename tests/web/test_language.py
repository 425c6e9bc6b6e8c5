"""The Vietnamese pages speak Vietnamese: rendered for the public, an officer, a
coordinator and a statistician over the demo plan, a published estimate and an import,
their visible text holds none of the English words known to have leaked before."""

import re
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client

from cnvh.estimates.store import publish, save_estimate
from cnvh.exchange.models import Dataset, EstimateRun, ImportRecord
from cnvh.plan.demo.load import load_demo_plan
from cnvh.plan.models import ProgressReport, Task
from tests.conftest import engine_estimate

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 26)


# English that showed on Vietnamese pages, or could: Django's new empty choice, counts
# and units written in English, the engine's words for its breakdowns, an import's status
# and provenance headings the engine names. Codes (in <code>) are not prose and not read.
LEAKS = [
    "Select an option",
    "rows",
    "million VND",
    "sector",
    "Imported",
    "demo data",
    "computed_at",
    "timings_seconds",
    "(events)",
    "(sessions)",
    "(people)",
    "(enterprises)",
]


class VisibleText(HTMLParser):
    """The prose a reader sees: text nodes, not attributes, scripts, styles or code
    (a key such as units.sha256 is shown as the engine names it, in <code>)."""

    HIDDEN = {"script", "style", "template", "code", "pre"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden and data.strip():
            self.parts.append(" ".join(data.split()))


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return "\n".join(parser.parts)


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: Any) -> Iterator[dict[str, Any]]:
    """The demo plan, a published estimate and an import, once for the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        assert load_demo_plan(TODAY, demo_mode=True) is not None
        result = engine_estimate()
        # Keys the engine writes that the test result lacks.
        result.provenance["computed_at"] = "2025-11-26T04:00:00+00:00"
        result.provenance["timings_seconds"] = {"read": 0.25, "compute": 1.5}
        estimate = save_estimate(result, label="test", synthetic=True)
        publish(estimate)
        people = get_user_model().objects
        statistician = people.get(username="thongke")
        record = ImportRecord.objects.create(
            kind="units",
            file_name="units.csv",
            file_size=1234567,
            sha256="ab" * 32,
            status=ImportRecord.Status.IMPORTED,
            rows_read=1340,
            rows_saved=1340,
            created_by=statistician,
        )
        dataset = Dataset.objects.create(
            kind="units",
            import_record=record,
            file="datasets/units.parquet",
            checksum="blake3:" + "cd" * 32,
            rows=1340,
            years=[2024],
            unit="million VND",
        )
        run = EstimateRun.objects.create(
            scope_key="hanoi-plan",
            units=dataset,
            totals=dataset,
            by=["sector", "area"],
            status=EstimateRun.Status.DONE,
            estimate=estimate,
            created_by=statistician,
        )
        officer = people.get(username="canbo")
        report = ProgressReport.objects.filter(task__lead_agency__memberships__user=officer).first()
        yield {
            "estimate": estimate,
            "import": record,
            "task": Task.objects.order_by("pk").first(),
            "report": report,
            "run": run,
            "dataset": dataset,
            "indicator": "cnvh-grdp-share",
        }
        transaction.set_rollback(True)


def pages(world: dict[str, Any]) -> dict[str | None, list[str]]:
    """Each person (None: the public) and the pages they open."""
    task, estimate, record = world["task"], world["estimate"], world["import"]
    public = [
        "/",
        "/estimates/",
        f"/estimates/{estimate.pk}/",
        "/indicators/",
        "/indicators/cnvh-grdp-share/",
        "/exports/",
        "/open-data/",
    ]
    officer = ["/my-work/", "/notifications/", "/plan/"]
    if world["report"] is not None:
        officer.append(f"/reports/{world['report'].pk}/")
    coordinator = [
        "/",
        "/plan/",
        f"/plan/tasks/{task.pk}/",
        f"/plan/tasks/{task.pk}/edit/",
        f"/plan/indicators/{world['indicator']}/targets/",
        "/approvals/",
        "/agencies/",
        "/agencies/so-vhtt/",
        "/exports/",
        "/exports/periodic/",
        "/estimates/",
        f"/estimates/{estimate.pk}/",
    ]
    statistician = [
        "/imports/",
        "/imports/new/",
        f"/imports/{record.pk}/",
        "/estimate-runs/new/",
        f"/estimate-runs/{world['run'].pk}/",
        "/estimates/",
        f"/estimates/{estimate.pk}/",
    ]
    return {None: public, "canbo": officer, "dieuphoi": coordinator, "thongke": statistician}


def rendered(world: dict[str, Any]) -> Iterator[tuple[str, str]]:
    for username, urls in pages(world).items():
        client = Client()
        client.cookies["django_language"] = "vi"
        if username:
            client.force_login(get_user_model().objects.get(username=username))
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, (username, url, response.status_code)
            yield f"{username or 'public'} {url}", visible_text(response.content.decode())


@pytest.mark.parametrize("leak", LEAKS)
def test_no_known_english_on_vietnamese_pages(world: dict[str, Any], leak: str) -> None:
    found = [
        name
        for name, text in texts(world)
        if re.search(rf"(?<![\w.]){re.escape(leak)}(?![\w.])", text, flags=re.IGNORECASE)
    ]
    assert found == [], f"{leak!r} on these Vietnamese pages"


def test_the_leaks_were_looked_for_where_they_were(world: dict[str, Any]) -> None:
    """The pages above show what once leaked, now in Vietnamese."""
    shown = dict(texts(world))
    record = shown[f"thongke /imports/{world['import'].pk}/"]
    assert (
        "Đã nhập" in record and f"#{world['dataset'].pk} — 1.340 dòng, 2024, triệu đồng" in record
    )
    assert "Đã nhập" in shown["thongke /imports/"]
    assert "1.340 dòng" in shown["thongke /estimate-runs/new/"]
    assert "ngành, địa bàn" in shown[f"thongke /estimate-runs/{world['run'].pk}/"]
    estimate = shown[f"thongke /estimates/{world['estimate'].pk}/"]
    assert "Thời gian của từng bước (giây)" in estimate
    assert "triệu đồng" in estimate and "ngành, địa bàn" in estimate
    assert "- Chọn một mục -" in shown[f"dieuphoi /plan/tasks/{world['task'].pk}/edit/"]
    assert "(sự kiện)" in shown[f"dieuphoi /plan/tasks/{world['task'].pk}/"]


_TEXTS: dict[int, list[tuple[str, str]]] = {}


def texts(world: dict[str, Any]) -> list[tuple[str, str]]:
    """Every page's visible text, rendered once for the module."""
    key = id(world)
    if key not in _TEXTS:
        _TEXTS.clear()
        _TEXTS[key] = list(rendered(world))
    return _TEXTS[key]
