"""The load scenario: the day-to-day mix of a city's cnvh, against `cnvh serve`.

- The public (most of the traffic): the overview, the indicators, one indicator, the
  estimates.
- Data readers: the CSV downloads of the overview and of an indicator, and the REST API's
  public reads (estimate figures, indicators, one indicator, scopes).
- Officers: each logs in as a different officer of a different agency (the names come
  from the file `cnvh load-demo --scale city --officers-file` writes), opens their work
  and their tasks, and submits their reports: drafts and returned ones, or new ones for
  the periods due. Saving a draft happens too.
- One approver (the coordinator): the approval queue, approving, now and then returning.
- API writers: officers whose programs write through the REST API with a token (made on
  the tokens page once at the start): their drafts and returned reports, filled in and
  submitted.

`make load` runs it (bench/load/run.py); by hand:

    locust -f bench/load/locustfile.py --host http://127.0.0.1:8000

Environment: CNVH_LOAD_OFFICERS (the officers file, default var/load/officers.txt),
CNVH_LOAD_PASSWORD (the demo password), CNVH_LOAD_APPROVER (default dieuphoi).
"""

import itertools
import os
import random
import re
from pathlib import Path
from typing import Any

from locust import HttpUser, between, task

PASSWORD = os.environ.get("CNVH_LOAD_PASSWORD", "cnvh-demo-2026")
OFFICERS_FILE = Path(os.environ.get("CNVH_LOAD_OFFICERS", "var/load/officers.txt"))
APPROVER = os.environ.get("CNVH_LOAD_APPROVER", "dieuphoi")
INDICATORS = ("cnvh-grdp-share", "cnvh-value-added", "cnvh-employment-share", "events")
SCOPES = ("hanoi-plan", "fcs-core", "dcms-creative")

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
REPORT_LINK = re.compile(r'href="/reports/(\d+)/"')
TASK_LINK = re.compile(r'href="/plan/tasks/(\d+)/"')
START_FORM = re.compile(
    r'name="task" value="(\d+)">\s*<input type="hidden" name="period" value="(\d+)">'
)
APPROVE_ACTION = re.compile(r'action="/approvals/(\d+)/approve/"')
SELECTED = re.compile(r'<option value="([^"]*)" selected>')
NEW_TOKEN = re.compile(r'<code id="new-token-value">([^<]+)</code>')
VALUE_FIELD = re.compile(r'name="(value_\d+)"')

_officer_numbers = itertools.count()


def officer_names() -> list[str]:
    if not OFFICERS_FILE.exists():
        return []
    return [line.strip() for line in OFFICERS_FILE.read_text().splitlines() if line.strip()]


def csrf_token(text: str) -> str:
    found = CSRF.search(text)
    return found.group(1) if found else ""


class Member(HttpUser):
    """A person who logs in; the subclasses say who."""

    abstract = True
    username = ""

    def log_in(self) -> None:
        form = self.client.get("/login/", name="/login/ (form)")
        with self.client.post(
            "/login/",
            {
                "username": self.username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": csrf_token(form.text),
            },
            name="/login/ (log in)",
            allow_redirects=False,
            catch_response=True,
        ) as answer:
            if answer.status_code != 302:
                answer.failure(f"{self.username} could not log in ({answer.status_code})")

    def post_form(self, url: str, page: str, data: dict[str, Any], name: str) -> None:
        """POST as the page's form would; a redirect (302) is success."""
        data = {"csrfmiddlewaretoken": csrf_token(page), **data}
        with self.client.post(
            url, data, name=name, allow_redirects=False, catch_response=True
        ) as answer:
            if answer.status_code != 302:
                answer.failure(f"{name}: {answer.status_code}")


class PublicVisitor(HttpUser):
    weight = 30
    wait_time = between(0.5, 2)

    @task(10)
    def overview(self) -> None:
        self.client.get("/", name="/ (overview)")

    @task(3)
    def indicators(self) -> None:
        self.client.get("/indicators/", name="/indicators/")

    @task(3)
    def indicator(self) -> None:
        code = random.choice(INDICATORS)
        self.client.get(f"/indicators/{code}/", name="/indicators/[code]/")

    @task(1)
    def estimates(self) -> None:
        self.client.get("/estimates/", name="/estimates/")


class DataReader(HttpUser):
    """A client reading the published figures as files."""

    weight = 7
    wait_time = between(1, 4)

    @task(3)
    def overview_csv(self) -> None:
        table = random.choice(("years", "sectors"))
        scope = random.choice(SCOPES)
        self.client.get(f"/?format=csv&table={table}&scope={scope}", name="/?format=csv")

    @task(2)
    def indicator_csv(self) -> None:
        code = random.choice(INDICATORS)
        self.client.get(f"/indicators/{code}/?format=csv", name="/indicators/[code]/?format=csv")

    # The REST API's public reads.
    @task(3)
    def api_estimate_rows(self) -> None:
        scope = random.choice(SCOPES)
        query = random.choice(("dimension=sector", "dimension=total", "dimension=area&limit=1000"))
        self.client.get(f"/api/estimate-rows?scope={scope}&{query}", name="/api/estimate-rows")

    @task(2)
    def api_indicators(self) -> None:
        self.client.get("/api/indicators", name="/api/indicators")

    @task(2)
    def api_indicator(self) -> None:
        code = random.choice(INDICATORS)
        self.client.get(f"/api/indicators/{code}", name="/api/indicators/[code]")

    @task(1)
    def api_scopes(self) -> None:
        self.client.get("/api/scopes", name="/api/scopes")


class Officer(Member):
    """An agency's officer writing and submitting its reports."""

    fixed_count = 12
    wait_time = between(2, 6)

    def on_start(self) -> None:
        names = officer_names()
        if not names:
            raise RuntimeError(f"no officers listed in {OFFICERS_FILE}")
        # Each user its own officer (of its own agency): submissions never collide.
        self.username = names[next(_officer_numbers) % len(names)]
        self.log_in()

    @task(4)
    def work(self) -> None:
        work = self.client.get("/my-work/", name="/my-work/").text
        tasks = TASK_LINK.findall(work)
        if tasks:
            self.client.get(f"/plan/tasks/{random.choice(tasks)}/", name="/plan/tasks/[id]/")
        reports = REPORT_LINK.findall(work)
        if reports:
            self.report(reports[0], submit=random.random() < 0.8)
        elif started := START_FORM.search(work):
            self.start_report(work, *started.groups())

    @task(1)
    def plan(self) -> None:
        self.client.get("/plan/", name="/plan/")

    def start_report(self, work: str, task_id: str, period_id: str) -> None:
        data = {"task": task_id, "period": period_id, "csrfmiddlewaretoken": csrf_token(work)}
        answer = self.client.post(
            "/reports/start/", data, name="/reports/start/", allow_redirects=False
        )
        found = re.search(r"/reports/(\d+)/", answer.headers.get("Location", ""))
        if found:
            self.report(found.group(1), submit=True)

    def report(self, report_id: str, submit: bool) -> None:
        page = self.client.get(f"/reports/{report_id}/", name="/reports/[id]/").text
        status = SELECTED.search(page)
        data = {
            "task_status": status.group(1) if status else "in_progress",
            "percent_done": str(random.randint(20, 90)),
            "narrative": "Đã triển khai các nội dung của kỳ theo kế hoạch (kiểm thử tải).",
            **{field: str(random.randint(1, 6)) for field in VALUE_FIELD.findall(page)},
        }
        if submit:
            data["submit"] = "1"
            name = "/reports/[id]/ (submit)"
        else:
            data["save"] = "1"
            name = "/reports/[id]/ (save draft)"
        self.post_form(f"/reports/{report_id}/", page, data, name)


class Approver(Member):
    """The coordinator going through the approval queue."""

    fixed_count = 1
    wait_time = between(2, 5)
    username = APPROVER

    def on_start(self) -> None:
        self.log_in()

    @task
    def approve(self) -> None:
        page = self.client.get("/approvals/", name="/approvals/").text
        waiting = APPROVE_ACTION.findall(page)
        if not waiting:
            return
        report = random.choice(waiting[:20])
        if random.random() < 0.2:
            reason = {f"r{report}-reason": "Đề nghị bổ sung số liệu (kiểm thử tải)."}
            self.post_form(f"/approvals/{report}/return/", page, reason, "/approvals/[id]/return/")
        else:
            self.post_form(f"/approvals/{report}/approve/", page, {}, "/approvals/[id]/approve/")


class ApiWriter(Member):
    """An agency's program writing its reports through the REST API with a token."""

    fixed_count = 2
    wait_time = between(3, 8)

    def on_start(self) -> None:
        names = officer_names()
        if not names:
            raise RuntimeError(f"no officers listed in {OFFICERS_FILE}")
        self.username = names[next(_officer_numbers) % len(names)]
        self.log_in()
        form = self.client.get("/api/tokens/", name="/api/tokens/").text
        made = self.client.post(
            "/api/tokens/",
            {"name": "load test", "days": "30", "csrfmiddlewaretoken": csrf_token(form)},
            name="/api/tokens/ (make)",
        )
        found = NEW_TOKEN.search(made.text)
        if found is None:
            raise RuntimeError(f"{self.username} could not make an API token")
        # From here on, the token only: as a program would.
        self.client.cookies.clear()
        self.client.headers["Authorization"] = f"Bearer {found.group(1)}"

    @task(3)
    def read_work(self) -> None:
        self.client.get("/api/me", name="/api/me")
        self.client.get("/api/tasks?limit=50", name="/api/tasks")

    @task(2)
    def write_reports(self) -> None:
        for status in ("returned", "draft"):
            listed = self.client.get(
                f"/api/reports?status={status}&limit=5", name="/api/reports?status"
            )
            items = listed.json().get("items", []) if listed.ok else []
            mine = [item for item in items if item["allowed"]["submit"]]
            if mine:
                self.submit(mine[0])
                return

    def submit(self, report: dict[str, Any]) -> None:
        body = {
            "narrative": "Đã triển khai các nội dung của kỳ theo kế hoạch (API, kiểm thử tải).",
            "percent_done": random.randint(20, 90),
        }
        self.client.patch(f"/api/reports/{report['id']}", json=body, name="/api/reports/[id]")
        self.client.post(f"/api/reports/{report['id']}/submit", name="/api/reports/[id]/submit")
