"""A small, bounded HTTP load generator: threads, http.client, 127.0.0.1 only.

Each thread sends GET requests back to back for a fixed duration (after an uncounted warm-up)
and records every latency. gunicorn's sync workers close the connection after each response,
so http.client reconnects as needed; each request therefore includes a TCP connect, as it
would behind a proxy that does not pool connections.
"""

import http.client
import math
import threading
import time

HOST = "127.0.0.1"
# What a TLS-terminating proxy would send: production settings redirect anything else to https.
HEADERS = {"Host": HOST, "X-Forwarded-Proto": "https", "User-Agent": "difference-bench"}
TIMEOUT = 10  # seconds per request
MAX_REQUESTS_PER_THREAD = 100_000  # a second bound, besides the duration


def fetch(port: int, path: str) -> tuple[int, bytes, dict[str, str]]:
    """One GET to the local server: status, body and headers (lower-case names)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=TIMEOUT)
    try:
        conn.request("GET", path, headers=HEADERS)
        response = conn.getresponse()
        body = response.read()
        return response.status, body, {k.lower(): v for k, v in response.getheaders()}
    finally:
        conn.close()


def _hammer(port, path, deadline, latencies, statuses):
    """`path` is a string, or a function giving each request's path (a new one each time)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=TIMEOUT)
    try:
        for _ in range(MAX_REQUESTS_PER_THREAD):
            if time.perf_counter() >= deadline:
                break
            started = time.perf_counter()
            try:
                conn.request("GET", path() if callable(path) else path, headers=HEADERS)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                conn.close()
                status = 0  # connection error or time-out
            latencies.append(time.perf_counter() - started)
            statuses.append(status)
    finally:
        conn.close()


def _run(port, path, duration, concurrency):
    deadline = time.perf_counter() + duration
    results = [([], []) for _ in range(concurrency)]
    threads = [
        threading.Thread(target=_hammer, args=(port, path, deadline, lat, st))
        for lat, st in results
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies = sorted(x for lat, _ in results for x in lat)
    statuses = [s for _, st in results for s in st]
    return latencies, statuses, elapsed


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    if not sorted_values:
        return float("nan")
    rank = max(1, math.ceil(p / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def measure(port: int, path: str, expect: int, duration: float, concurrency: int) -> dict:
    """Load one path; a response with any status but `expect` counts as an error."""
    _run(port, path, min(2.0, duration), concurrency)  # warm-up: fill both workers' caches
    cpu = time.process_time()
    latencies, statuses, elapsed = _run(port, path, duration, concurrency)
    cpu = time.process_time() - cpu  # the client's own share of the 2 cores
    errors = sum(1 for s in statuses if s != expect)
    return {
        "path": path if isinstance(path, str) else getattr(path, "label", "varying"),
        "expected_status": expect,
        "requests": len(statuses),
        "seconds": round(elapsed, 2),
        "rps": round(len(statuses) / elapsed, 1),
        "p50_ms": round(percentile(latencies, 50) * 1000, 1),
        "p99_ms": round(percentile(latencies, 99) * 1000, 1),
        "max_ms": round(latencies[-1] * 1000, 1) if latencies else None,
        "errors": errors,
        "statuses": {str(s): statuses.count(s) for s in sorted(set(statuses))},
        "client_cpu_s": round(cpu, 1),
    }
