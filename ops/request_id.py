"""A request id for every request, in its response, its log lines and the tasks it enqueues.

The id comes from the `X-Request-ID` header when `REQUEST_ID_TRUST_HEADER` is on (set it only
when the proxy in front of the app sets or overwrites that header, so a client cannot choose
its own), and is made here otherwise. It lives in a context variable, so the logging filter
(`ops.logs.RequestIdFilter`) can add it to every line, and a task can carry it into the worker
(`request_id_scope`).
"""

import functools
import re
import uuid
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

HEADER = "X-Request-ID"
_META_KEY = "HTTP_X_REQUEST_ID"
# What a proxy's id may look like: a UUID, hex, or another short token. Anything else (spaces,
# quotes, very long values) could confuse a log reader, so a new id is made instead.
_ACCEPTABLE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,99}")

_current: ContextVar[str | None] = ContextVar("request_id", default=None)


def new_request_id() -> str:
    return uuid.uuid4().hex


def get_request_id() -> str | None:
    """The id of the request (or task) being handled in this context; None outside one."""
    return _current.get()


@contextmanager
def request_id_scope(request_id: str | None):
    """Use `request_id` (or a new one, if None) for everything logged inside the block."""
    token = _current.set(request_id or new_request_id())
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def id_for(request) -> str:
    """The trusted proxy's id for this request if there is an acceptable one, else a new id."""
    if settings.REQUEST_ID_TRUST_HEADER:
        candidate = request.META.get(_META_KEY, "")
        if _ACCEPTABLE.fullmatch(candidate):
            return candidate
    return new_request_id()


class RequestIdMiddleware:
    """Give each request an id (`request.id`), log with it, and send it back as X-Request-ID.

    First in MIDDLEWARE, so every other middleware's log lines, and the error pages, have it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = id_for(request)
        # Not reset on the way out: Django logs a 4xx or 5xx response after the middleware has
        # returned, and a streamed response runs later still. `clear_request_id` (connected to
        # `request_finished`) ends it once the response has been sent.
        _current.set(request.id)
        response = self.get_response(request)
        response[HEADER] = request.id
        return response


def clear_request_id(**kwargs) -> None:
    _current.set(None)


def carries_request_id(function):
    """For a task: run it under the `request_id` keyword argument it was enqueued with.

    Put it under `@task`. Enqueue with `request_id=get_request_id()`, so the worker's log
    lines for the task carry the id of the request that enqueued it (a new id if none).
    """

    @functools.wraps(function)
    def wrapper(*args, request_id: str | None = None, **kwargs):
        with request_id_scope(request_id):
            return function(*args, **kwargs)

    return wrapper
