"""The shared cache (Redis, through django-redis) as an optional speed-up, never a dependency.

django-redis with IGNORE_EXCEPTIONS turns a failed call into a miss (`get` returns the default,
`set` does nothing, `incr` returns None), so pages, forms and the admin keep working when Redis
is down, only slower. Two things are added here:

- **A pause after a failure.** While Redis is down every call would still try to reach it: a
  refused connection is quick, but a Redis that accepts and never answers costs the socket
  timeout on every call, and a page makes several. After a failure, this process skips Redis
  for `RETRY_AFTER` seconds (OPTIONS, default 10), then tries again with the next call.
- **One log line per pause**, not one per call, on the `ops.cache` logger (throttled further
  by the logging configuration).
"""

import logging
import sys
import threading
import time

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted

logger = logging.getLogger("ops.cache")


class CacheSkipped(ConnectionInterrupted):
    """Raised instead of calling Redis while the pause after a failure lasts."""

    def __init__(self):
        super().__init__(connection=None)


class _FailureRecorder:
    """Stands in for django-redis's logger, which it calls each time it ignores an error."""

    def __init__(self, cache: "ResilientRedisCache"):
        self.cache = cache

    def exception(self, msg, *args, **kwargs):
        error = sys.exc_info()[1]
        if not isinstance(error, CacheSkipped):
            self.cache.record_failure(error)


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        options = params.get("OPTIONS", {})
        self.retry_after = float(options.get("RETRY_AFTER", 10))
        # What makes django-redis ignore errors and report each one to `self.logger`.
        self._ignore_exceptions = True
        self._log_ignored_exceptions = True
        self.logger = _FailureRecorder(self)
        self._skip_until = 0.0
        self._lock = threading.Lock()

    @property
    def client(self):
        if time.monotonic() < self._skip_until:
            raise CacheSkipped()
        return super().client

    @property
    def available(self) -> bool:
        """False while this process is skipping Redis after a failure."""
        return time.monotonic() >= self._skip_until

    def record_failure(self, error: BaseException | None) -> None:
        with self._lock:
            self._skip_until = time.monotonic() + self.retry_after
        cause = error.__cause__ if error is not None and error.__cause__ else error
        logger.warning(
            "Cache unavailable (%s: %s); serving without it, trying again in %g s",
            type(cause).__name__,
            cause,
            self.retry_after,
        )
