"""`cnvh ocop-expire`: certificates past their 36 months are marked expired."""

from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from cnvh.crafts import workflow
from cnvh.plan.models import Role
from tests import factories
from tests.crafts import make

pytestmark = pytest.mark.django_db


def test_a_certificate_expires_the_day_after_its_last_day() -> None:
    coordinator, leader = factories.user(Role.COORDINATOR), factories.user(Role.LEADER)
    rating = workflow.propose(make.product(), coordinator, date(2026, 8, 1))
    workflow.score(rating, coordinator, Decimal(30), Decimal(20), Decimal(20))
    workflow.decide(rating, leader, "5/QĐ-UBND", date(2026, 8, 31))
    out = StringIO()
    call_command("ocop-expire", "--today", "31/08/2029", stdout=out)
    assert "0 certificate(s)" in out.getvalue()
    call_command("ocop-expire", "--today", "01/09/2029", stdout=out)
    assert "1 certificate(s) expired on 01/09/2029" in out.getvalue()
    rating.refresh_from_db()
    assert rating.status == "expired"


def test_a_bad_day_is_explained_in_both_languages() -> None:
    with pytest.raises(CommandError, match=r"Ngày không hợp lệ.*Not a date"):
        call_command("ocop-expire", "--today", "31/02/2029")
