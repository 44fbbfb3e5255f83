"""/health/live and /health/ready, as a load balancer and a monitor see them."""

import json
from datetime import timedelta

from django.utils import timezone

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from tests.faults.proxy import free_port

pytestmark = pytest.mark.django_db

DURABLE = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "durable": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}


def broken_cache():
    return {
        "default": {
            "BACKEND": "ops.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        }
    }


def ready(client, query=""):
    response = client.get(f"/health/ready{query}")
    return response, json.loads(response.content)


def enqueue_waiting_task(seconds_ago, deferred=False):
    now = timezone.now()
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="submissions.tasks.send_submission_emails",
        backend_name="durable",
        run_after=now - timedelta(seconds=seconds_ago) if deferred else get_date_max(),
    )
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=now - timedelta(seconds=seconds_ago))
    return task


def test_liveness_needs_nothing(client, django_assert_num_queries, settings):
    settings.CACHES = broken_cache()
    with django_assert_num_queries(0):
        response = client.get("/health/live")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_ready_when_everything_answers(client, settings, django_assert_max_num_queries):
    settings.TASKS = DURABLE
    with django_assert_max_num_queries(2):
        response, body = ready(client)
    assert response.status_code == 200
    assert body["status"] == "ok"
    assert {name: check["ok"] for name, check in body["checks"].items()} == {
        "database": True,
        "cache": True,
        "queue": True,
    }
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Type"] == "application/json"


def test_not_ready_when_the_cache_is_down_unless_excluded(client, settings):
    settings.CACHES = broken_cache()
    response, body = ready(client)
    assert response.status_code == 503
    assert body["status"] == "fail"
    assert body["checks"]["cache"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True

    response, body = ready(client, "?exclude=cache")
    assert response.status_code == 200
    assert body["checks"]["cache"] == {**body["checks"]["cache"], "ok": False, "excluded": True}


def test_not_ready_when_tasks_wait_longer_than_allowed(client, settings):
    settings.TASKS = DURABLE
    settings.HEALTH_QUEUE_MAX_WAIT = 600
    enqueue_waiting_task(seconds_ago=30)  # waiting, but not for long: fine
    enqueue_waiting_task(seconds_ago=3600, deferred=True)  # a retry due an hour ago
    assert ready(client)[0].status_code == 503
    body = ready(client)[1]
    assert body["checks"]["queue"]["overdue"] == 1
    assert body["checks"]["queue"]["longest_wait_seconds"] >= 3600

    DBTaskResult.objects.filter(run_after__lt=timezone.now()).update(
        status=TaskResultStatus.SUCCESSFUL
    )
    assert ready(client)[0].status_code == 200


def test_probes_skip_the_https_redirect_and_host_validation(client, settings):
    """A balancer probes over plain HTTP, by the server's address."""
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["www.example.org"]
    for path in ("/health/live", "/health/ready"):
        response = client.get(path, HTTP_HOST="10.0.0.7:8000")
        assert response.status_code == 200, path
    assert client.get("/", HTTP_HOST="10.0.0.7:8000").status_code == 400


def test_readiness_holds_no_personal_data(client, settings):
    settings.TASKS = DURABLE
    enqueue_waiting_task(seconds_ago=3600)
    text = ready(client)[0].content.decode()
    assert "send_submission_emails" not in text and "@" not in text
