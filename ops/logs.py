"""Logging: the request id on every line, at most one line per interval, alerts to ADMINS."""

import logging
import threading
import time
import traceback

from django.conf import settings
from django.core.mail import mail_admins

from .request_id import get_request_id


class RequestIdFilter(logging.Filter):
    """Adds `request_id` to each record ("-" outside a request or task) for the formatter."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = get_request_id() or "-"
        return True


class ThrottleFilter(logging.Filter):
    """Lets one record per logger, level and message through each `seconds`; drops the rest.

    For failures that repeat on every call while a service is down (the cache, the mail
    server), so a log or an inbox gets a line a minute rather than thousands. The message's
    template is the key, not its arguments: "Emails of %s not sent" is one message whatever
    the reference.
    """

    def __init__(self, seconds: float = 60, name: str = ""):
        super().__init__(name)
        self.seconds = float(seconds)
        self._last: dict[tuple, float] = {}
        self._lock = threading.Lock()

    def reset(self) -> None:
        with self._lock:
            self._last.clear()

    def filter(self, record: logging.LogRecord) -> bool:
        key = (record.name, record.levelno, str(record.msg))
        now = time.monotonic()
        with self._lock:
            last = self._last.get(key)
            if last is not None and now - last < self.seconds:
                return False
            self._last[key] = now
        return True


class AdminAlertHandler(logging.Handler):
    """Emails ERROR records to settings.ADMINS, with nothing personal in them.

    Django's AdminEmailHandler attaches the request's query string, GET and POST data, and an
    exception's message, any of which can hold a form's answers or a save-and-return token.
    This one sends the log message (ours name references and error classes only), the logger,
    the request id, the request's method and path, and where the exception was raised: its
    class and the traceback's file, line and function names, never its message or variables.
    Throttle it (`ThrottleFilter`) so an outage sends one email, not one per request.
    """

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if not settings.ADMINS:
                return
            message = record.getMessage()
            subject = f"{record.levelname}: {message}".splitlines()[0][:180]
            lines = [message, "", f"Logger: {record.name}"]
            lines.append(
                f"Request id: {getattr(record, 'request_id', None) or get_request_id() or '-'}"
            )
            request = getattr(record, "request", None)
            if request is not None and hasattr(request, "path"):
                lines.append(f"Request: {request.method} {request.path}")
            if record.exc_info and record.exc_info[0] is not None:
                exc_type, _, tb = record.exc_info
                lines += [
                    "",
                    f"Exception: {exc_type.__module__}.{exc_type.__qualname__}",
                    "Raised at:",
                ]
                lines += [
                    f"  {frame.filename}:{frame.lineno} in {frame.name}"
                    for frame in traceback.extract_tb(tb)
                ]
            mail_admins(subject, "\n".join(lines), fail_silently=True)
        except Exception:
            self.handleError(record)
