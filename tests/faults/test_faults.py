"""The site keeps serving when its services fail, says so honestly, and loses nothing.

One stack (tests/faults/stack.py: gunicorn with the production settings, PostgreSQL, Redis, an
SMTP server, the worker), and the scenarios in order, each putting the service back:

1. everything up; 2. Redis stopped, then hanging; 3. the database unreachable, hanging, and
holding a lock past the statement timeout; 4. the mail server refusing, then back; 5. the
worker killed mid-task and restarted. Last, the counts: every submission the site confirmed is
stored, every email expected was delivered exactly once.

Loopback only; the suite takes a few minutes (most of it migrating and loading the demo).
"""

import json
import signal
import time

import pytest

from .stack import PARTNERSHIPS

pytestmark = pytest.mark.faults

# What a reader, a school and a member of staff open first.
PAGES = (
    "/",
    "/hub/",
    "/search/?q=science",
    "/case-studies/lincolnshire-pru-turnaround/",
    "/expression-of-interest/",
    "/apply/",
    "/admin/login/",
)


def check_pages(stack, scenario: str, status: int, within: float, **others: int) -> None:
    """Every page answers `status` (or, for the paths in `others`, theirs) within `within` s."""
    browser = stack.browser()
    for path in PAGES:
        expected = others.get(path, status)
        response = browser.get(path)
        ok = response.status == expected and response.seconds < within
        stack.ledger.page(scenario, ok, response.seconds)
        assert ok, f"{scenario}: {path} answered {response.status} in {response.seconds:.1f}s"
        if expected == 503:
            assert response.headers["retry-after"].isdigit()
            assert "Sorry, the service is unavailable" in response.body
            assert response.headers["x-request-id"] in response.body


def health(stack, path: str):
    response = stack.browser().get(path)
    return response.status, json.loads(response.body), response.seconds


def test_everything_up(stack):
    browser = stack.browser()
    for path in PAGES:  # the first view of a page makes its image renditions: not timed
        assert browser.get(path).status == 200, path
    check_pages(stack, "all up", 200, within=5)
    assert health(stack, "/health/live")[0] == 200
    status, body, _ = health(stack, "/health/ready")
    assert status == 200, body
    stack.submit_enquiry()


def test_redis_stopped_then_hanging(stack):
    stack.stop("redis")
    stack.redis_proxy.down()  # the port is closed, as with no Redis at all
    try:
        check_pages(stack, "Redis stopped", 200, within=5)
        reference = stack.submit_enquiry()
        assert reference in stack.stored_references()
        status, body, _ = health(stack, "/health/ready")
        assert status == 503 and body["checks"]["cache"]["ok"] is False
        assert health(stack, "/health/ready?exclude=cache")[0] == 200

        stack.start_redis()
        stack.redis_proxy.hang(existing="stall")  # accepts, never answers
        check_pages(stack, "Redis hanging", 200, within=5)
        stack.submit_enquiry()
    finally:
        stack.redis_proxy.up()
        if "redis" not in stack.processes:
            stack.start_redis()
    stack.wait_until(lambda: health(stack, "/health/ready")[0] == 200, 15, "ready again")


def test_database_unreachable_then_hanging_then_locked(stack):
    # A person opened the form before the database went away, and presses Send during it.
    waiting_browser, waiting_answers = stack.open_form()
    stack.db_proxy.down()
    try:
        check_pages(stack, "database unreachable", 503, within=5)
        response = stack.send(waiting_browser, waiting_answers)
        assert response.status == 503
        assert "nothing has been saved" in response.body
        status, body, _ = health(stack, "/health/ready")
        assert status == 503 and body["checks"]["database"]["ok"] is False
        assert health(stack, "/health/live")[0] == 200

        stack.db_proxy.hang(existing="drop")  # accepts connections, never answers
        check_pages(stack, "database hanging", 503, within=10)
        status, body, seconds = health(stack, "/health/ready")
        assert status == 503 and seconds < 10
        assert health(stack, "/health/live")[0] == 200
    finally:
        stack.db_proxy.up()
    stack.wait_until(lambda: health(stack, "/health/ready")[0] == 200, 15, "ready again")

    # Back: the same person sends again, and it is stored once.
    response = stack.send(waiting_browser, waiting_answers)
    assert response.status == 200, response.status

    # The server answers, but a statement waits on a lock: cancelled after the timeout (2 s).
    import psycopg

    from .stack import urlsplit, urlunsplit

    conninfo = urlunsplit(urlsplit(stack.database_url)._replace(scheme="postgresql"))
    with psycopg.connect(conninfo) as locker:
        locker.execute("LOCK TABLE wagtailcore_page IN ACCESS EXCLUSIVE MODE")
        # The admin's sign-in page reads no page, so it is not held up.
        check_pages(stack, "database locked", 503, within=6, **{"/admin/login/": 200})
        assert health(stack, "/health/ready")[0] == 200  # the database itself answers
        locker.rollback()
    check_pages(stack, "database back", 200, within=5)


def test_mail_server_refusing_then_back(stack):
    stack.set_mail_mode("refuse")
    try:
        references = {stack.submit_enquiry() for _ in range(3)}
        time.sleep(4)  # attempts at 0, 1 and 3 seconds: all refused
        delivered = {reference for reference, _ in stack.delivered()}
        assert not references & delivered
        assert all(r in stack.stored_references() for r in references)
    finally:
        stack.set_mail_mode("accept")
    stack.wait_until(
        lambda: references <= {reference for reference, _ in stack.delivered()},
        30,
        "emails delivered once the mail server is back",
    )


def test_worker_killed_mid_task_then_restarted(stack):
    stack.set_mail_mode("slow")
    try:
        first = stack.submit_enquiry()
        stack.wait_until(lambda: list(stack.mail_dir.glob("stuck-*")), 15, "worker mid-task")
        stack.stop("worker", signal.SIGKILL)  # killed while talking to the mail server
        later = {stack.submit_enquiry() for _ in range(2)}  # the worker is down
        stack.wait_until(
            lambda: health(stack, "/health/ready")[1]["checks"]["queue"]["overdue"] >= 2,
            10,
            "readiness to report the backlog",
        )
        assert health(stack, "/health/ready")[0] == 503
        result = stack.manage("check_queue", "--max-wait", "3", check=False)
        assert result.returncode == 1 and "waiting longer than 3 s" in result.stderr
    finally:
        stack.set_mail_mode("accept")
        stack.start_worker()
    stack.wait_until(
        lambda: later <= {reference for reference, _ in stack.delivered()}, 30, "backlog sent"
    )
    # The task that was running when the worker died is never run again: check_queue says so,
    # and the sweeper enqueues what it had not sent.
    result = stack.manage("check_queue", "--max-run", "1", check=False)
    assert result.returncode == 1 and "running for longer than 1 s" in result.stderr
    assert first not in {reference for reference, _ in stack.delivered()}
    stack.manage("send_pending_submission_emails", "--older-than", "0")
    stack.wait_until(
        lambda: first in {reference for reference, _ in stack.delivered()}, 30, "swept"
    )


def test_counts_nothing_lost_nothing_twice(stack, capsys):
    stack.wait_until(
        lambda: stack.expected_deliveries() <= set(stack.delivered()), 30, "every email"
    )
    time.sleep(2)  # any duplicate still on its way arrives
    stored = stack.stored_references()
    delivered = stack.delivered()
    expected = stack.expected_deliveries()
    duplicates = sum(count - 1 for count in delivered.values() if count > 1)
    ledger = stack.ledger
    pages_ok = sum(n for (_, ok), n in ledger.pages.items() if ok)
    pages_all = sum(ledger.pages.values())
    with capsys.disabled():
        print(
            "\nFault suite counts:"
            f"\n  pages answered as expected (200 or 503): {pages_ok} of {pages_all}"
            + "".join(
                f"\n    {scenario}: slowest {seconds:.2f}s"
                for scenario, seconds in ledger.slowest.items()
            )
            + f"\n  submissions confirmed to the sender: {len(ledger.submitted)}; stored: "
            f"{len(stored)}; posts answered 503 (not stored): {ledger.refused_posts}"
            f"\n  emails expected: {len(expected)}; delivered: {sum(delivered.values())}; "
            f"duplicates: {duplicates}"
            f"\n  alerts to the admins: {len(stack.alerts())}"
            f"\n  setup {ledger.timings['setup']:.0f}s"
        )
    assert pages_ok == pages_all
    assert stored == ledger.submitted
    assert set(delivered) == expected
    assert duplicates == 0
    assert all(
        recipient in {PARTNERSHIPS} or "@school.faults.test" in recipient
        for _, recipient in delivered
    )
