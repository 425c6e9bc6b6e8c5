"""/health/: whether this process can reach its database, for a monitor or a proxy.

Answers 200 {"status": "ok"} or 503 {"status": "error", "error": <the kind of fault>}.
The database's own message is logged, not returned: it can name hosts and users.
"""

import logging
import time

from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    started = time.perf_counter()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.error("Health check: database unreachable: %s", error)
        return JsonResponse(
            {"status": "error", "database": "unreachable", "error": type(error).__name__},
            status=503,
        )
    elapsed_ms = round((time.perf_counter() - started) * 1000, 1)
    return JsonResponse({"status": "ok", "database": "ok", "database_ms": elapsed_ms})


urlpatterns = [path("", health, name="health")]
