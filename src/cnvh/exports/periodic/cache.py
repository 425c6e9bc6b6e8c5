"""A periodic report's PDF, kept once made: laying it out takes seconds (WeasyPrint on
the demo plan's 143 tasks: 2.5-4 s), and people download the same report again and again.

The key holds everything the document is made of, read before it is built:
- the form's choices (plan, period, heading and signature fields) and the language;
- today's date (tasks become overdue with it, and the date line defaults to it);
- the public pages' generation (`cnvh.presentation.page_cache`), renewed once a change to the plan,
  an approval, a publication or an import commits;
- the latest change to any progress report (its history), because a submission counts in
  completeness and timeliness without renewing the generation;
- the latest change to each record the registries' sections read (their histories), which
  the public pages' generation does not follow.
A report built while a change commits is stored under the key read before it, which no
request asks for again. The document is the same for every member who may export it.
"""

import hashlib
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import get_language

from cnvh.exports.periodic import registries
from cnvh.plan.models import ProgressReport
from cnvh.presentation import page_cache

TIMEOUT = 3600


def _latest_change(model: Any) -> str:
    return str(model.history.aggregate(latest=Max("history_id"))["latest"])


def key(choices: dict[str, Any]) -> str:
    plain = {name: getattr(value, "pk", value) for name, value in sorted(choices.items())}
    parts = [
        repr(plain),
        get_language() or "",
        timezone.localdate().isoformat(),
        page_cache.generation(),
        _latest_change(ProgressReport),
        *(_latest_change(model) for model in registries.records()),
    ]
    return "cnvh:periodic-pdf:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def cached_pdf(choices: dict[str, Any], make: Callable[[], bytes]) -> bytes:
    if not page_cache.enabled():
        return make()
    found = key(choices)
    made: bytes | None = cache.get(found)
    if made is None:
        made = make()
        cache.set(found, made, TIMEOUT)
    return made
