"""Records for the fault tests, made inside a child process's database (`cnvh shell`):
an officer with a draft report to submit, and a coordinator who is told of it."""

import json

from cnvh.plan.models import Notification, Role
from tests import factories

PASSWORD = "s3cret-pass-word"  # what tests.factories.user gives everyone


def report_world() -> None:
    lead = factories.agency("so-vhtt")
    officer = factories.user(Role.OFFICER, of=lead, name="canbo")
    factories.user(Role.COORDINATOR, of=lead, name="dieuphoi")
    task = factories.task(lead=lead, code="1.1")
    period = factories.quarter()
    report = factories.report(task, period, officer, narrative="")
    due = Notification.objects.create(
        user=officer, kind=Notification.Kind.DUE_SOON, task=task, period=period
    )
    print(json.dumps({"report": report.pk, "officer": officer.username, "due": due.pk}))
