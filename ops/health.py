"""Health endpoints for load balancers, proxies and monitors.

- `/health/live`: the process is up and answering. Needs nothing: no database, no cache.
- `/health/ready`: this server can do its work. Checks the database (one `SELECT 1`), the cache
  (a write and a read of one small key) and the task queue (how many tasks have waited longer
  than `HEALTH_QUEUE_MAX_WAIT` seconds past their time), and answers 503 when one is not right.
  `?exclude=cache` (repeatable; Kubernetes' `readyz` convention) leaves a check out of the
  answer, for a probe that should only take a server out for some failures.

Both are answered by `HealthCheckMiddleware`, near the top of MIDDLEWARE: before the HTTPS
redirect (a balancer probes over plain HTTP), before host validation (it probes by address),
and before sessions, CSRF and the page tree, so a probe every few seconds costs three small
queries at most. The answer is JSON with states and counts only, never cached.
"""

import json
import logging
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.models import Count, Min, Q
from django.http import HttpResponse
from django.utils import timezone

from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

logger = logging.getLogger(__name__)

LIVE_PATHS = {"/health/live", "/health/live/"}
READY_PATHS = {"/health/ready", "/health/ready/"}
CACHE_KEY = "ops:health"


def check_database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return {"ok": False, "error": type(error).__name__}
    return {"ok": True}


def check_cache() -> dict:
    token = uuid.uuid4().hex
    try:
        cache.set(CACHE_KEY, token, timeout=30)
        ok = cache.get(CACHE_KEY) == token
    except Exception as error:  # a backend that raises instead of ignoring
        return {"ok": False, "error": type(error).__name__}
    return {"ok": ok} if ok else {"ok": False, "error": "unavailable"}


def queue_backlog(max_wait_seconds: float) -> dict:
    """Tasks on the database queue that have waited longer than `max_wait_seconds` past their
    time (when enqueued, or the `run_after` they were deferred to), and the longest wait in
    seconds. One aggregate query over the queue's index of ready tasks."""
    now = timezone.now()
    cutoff = now - timedelta(seconds=max_wait_seconds)
    undeferred = Q(run_after=get_date_max())
    stats = DBTaskResult.objects.filter(status=TaskResultStatus.READY).aggregate(
        deferred=Count("pk", filter=Q(run_after__lt=cutoff)),
        undeferred=Count("pk", filter=undeferred & Q(enqueued_at__lt=cutoff)),
        oldest_deferred=Min("run_after", filter=Q(run_after__lt=cutoff)),
        oldest_undeferred=Min("enqueued_at", filter=undeferred & Q(enqueued_at__lt=cutoff)),
    )
    oldest = [t for t in (stats["oldest_deferred"], stats["oldest_undeferred"]) if t]
    return {
        "overdue": stats["deferred"] + stats["undeferred"],
        "longest_wait_seconds": round((now - min(oldest)).total_seconds()) if oldest else 0,
    }


def stuck_tasks(max_run_seconds: float) -> int:
    """Tasks marked running for longer than `max_run_seconds`: their worker most likely died
    mid-task (killed, out of memory), and the database backend never runs them again."""
    cutoff = timezone.now() - timedelta(seconds=max_run_seconds)
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=cutoff
    ).count()


def uses_database_queue() -> bool:
    return any(
        backend["BACKEND"].startswith("django_tasks_db") for backend in settings.TASKS.values()
    )


def check_queue() -> dict:
    if not uses_database_queue():
        return {"ok": True, "note": "no database queue"}
    try:
        backlog = queue_backlog(settings.HEALTH_QUEUE_MAX_WAIT)
    except DatabaseError as error:
        return {"ok": False, "error": type(error).__name__}
    return {"ok": backlog["overdue"] == 0, **backlog}


CHECKS = {"database": check_database, "cache": check_cache, "queue": check_queue}


def readiness(exclude=()) -> tuple[bool, dict]:
    results = {}
    for name, check in CHECKS.items():
        started = time.monotonic()
        if name == "queue" and not results["database"]["ok"]:
            # The queue is in the database: a second connection attempt would only wait again.
            result = {"ok": False, "error": "database unavailable"}
        else:
            result = check()
        result["ms"] = round((time.monotonic() - started) * 1000, 1)
        if name in exclude:
            result["excluded"] = True
        results[name] = result
    ok = all(result["ok"] for name, result in results.items() if name not in exclude)
    return ok, results


def _json(status: int, payload: dict) -> HttpResponse:
    response = HttpResponse(json.dumps(payload), status=status, content_type="application/json")
    response["Cache-Control"] = "no-store"
    # Django logs every 5xx response at ERROR, which would email the admins about each probe.
    # The middleware logs a failing check itself, at most once a minute (see LOGGING).
    response._has_been_logged = True
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if path in LIVE_PATHS:
            return _json(200, {"status": "ok"})
        if path in READY_PATHS:
            ok, results = readiness(exclude=set(request.GET.getlist("exclude")))
            if not ok:
                failing = [n for n, r in results.items() if not r["ok"] and not r.get("excluded")]
                logger.warning("Not ready: %s", ", ".join(failing))
            return _json(200 if ok else 503, {"status": "ok" if ok else "fail", "checks": results})
        return self.get_response(request)
