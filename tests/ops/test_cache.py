"""The production cache backend against a real Redis, a closed port and a Redis that hangs."""

import logging
import os
import time

import pytest

from ops.cache import ResilientRedisCache
from tests.faults.proxy import FaultProxy, free_port

# The tests' own Redis database (REDIS_TEST_URL overrides it); only keys under this prefix.
REDIS_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/5")


def make_cache(location, retry_after=10, timeout=0.2):
    return ResilientRedisCache(
        location,
        {
            "KEY_PREFIX": f"tests-{os.getpid()}",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": timeout,
                "SOCKET_TIMEOUT": timeout,
                "RETRY_AFTER": retry_after,
            },
        },
    )


@pytest.fixture
def redis_proxy():
    """A proxy in front of the real Redis, to make it fail."""
    host_port = REDIS_URL.split("//", 1)[1].split("/", 1)[0]
    proxy = FaultProxy(int(host_port.rsplit(":", 1)[1]), host_port.rsplit(":", 1)[0])
    yield proxy
    proxy.close()


def test_it_is_a_normal_cache_while_redis_answers():
    cache = make_cache(REDIS_URL)
    cache.set("greeting", {"hello": "world"}, timeout=30)
    assert cache.get("greeting") == {"hello": "world"}
    assert cache.add("counter", 0, timeout=30) is True
    assert cache.incr("counter") == 1
    cache.delete_many(["greeting", "counter"])
    assert cache.get("greeting") is None


def test_a_closed_port_is_a_miss_and_one_log_line(caplog):
    cache = make_cache(f"redis://127.0.0.1:{free_port()}/0")
    with caplog.at_level(logging.WARNING, logger="ops.cache"):
        assert cache.get("anything", "default") == "default"
        cache.set("key", "value")
        assert cache.get_many(["a", "b"]) == {}
        assert cache.add("counter", 0) is None
        assert cache.incr("counter") is None
        cache.delete("key")
    failures = [r for r in caplog.records if r.name == "ops.cache"]
    assert len(failures) == 1, [r.getMessage() for r in failures]
    assert "Cache unavailable (ConnectionError" in failures[0].getMessage()
    assert cache.available is False


def test_a_hanging_redis_costs_one_timeout_then_is_skipped(redis_proxy):
    cache = make_cache(f"redis://127.0.0.1:{redis_proxy.port}/5", retry_after=0.6)
    cache.set("warm", "yes", timeout=30)
    assert cache.get("warm") == "yes"

    redis_proxy.hang(existing="stall")
    started = time.monotonic()
    assert cache.get("warm", "miss") == "miss"  # waits for the socket timeout once
    first = time.monotonic() - started
    started = time.monotonic()
    for _ in range(20):
        assert cache.get("warm", "miss") == "miss"
    skipped = time.monotonic() - started
    assert 0.15 < first < 2
    assert skipped < 0.05, "calls during the pause must not wait for Redis"

    redis_proxy.up()
    time.sleep(0.7)  # the pause ends; the next call tries Redis again
    assert cache.get("warm") == "yes"
    assert cache.available is True
    cache.delete("warm")
