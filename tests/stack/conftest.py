"""A stack of the tests' own, started once per session: `deploy.stack.Stack` on free ports.

Everything `make stack` runs (SeaweedFS, Varnish with the repository's VCL, two gunicorn app
servers with the production settings, the email worker) on 127.0.0.1 only, with a PostgreSQL
database of its own (DATABASE_URL's name plus `_stack`, dropped at the end) and the Redis database
STACK_TEST_REDIS_URL (default 1, cleared first). Its log goes to `stack.log` in the session's
temporary folder, and its tail is shown when a test fails.
"""

import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from deploy.stack import ROOT, VARNISHD, Output, Ports, Stack
from tests.stack.client import Client

ADMIN_PASSWORD = "stack-tests-only-not-secret"


def _database_url() -> str:
    source = os.environ.get("DATABASE_URL", "")
    if urlsplit(source).scheme in {"postgres", "postgresql"}:
        parts = urlsplit(source)
        return urlunsplit(parts._replace(path=f"/{parts.path.lstrip('/') or 'difference'}_stack"))
    return "postgres://postgres@127.0.0.1:5432/difference_test_stack"


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    if not Path(VARNISHD).exists():
        pytest.fail(f"{VARNISHD} is missing: `make test` installs Debian's varnish.", pytrace=False)
    folder = tmp_path_factory.mktemp("stack")
    log = (folder / "stack.log").open("w")
    running = Stack(
        data_dir=folder,
        ports=Ports.free(),
        database_url=_database_url(),
        redis_url=os.environ.get("STACK_TEST_REDIS_URL", "redis://127.0.0.1:6379/1"),
        output=Output(stream=log, colour=False),
        extra_env={"DJANGO_ADMIN_PASSWORD": ADMIN_PASSWORD, "LOG_LEVEL": "INFO"},
    )
    running.log_path = folder / "stack.log"
    running.drop_database()
    try:
        running.start(clear_cache=True)
        yield running
    finally:
        running.stop()
        running.drop_database()
        log.close()


@pytest.fixture(scope="session")
def admin_cookies(stack) -> dict[str, str]:
    """The cookies of an admin signed in with both steps, once for the session.

    Production asks every admin for a code from an authenticator app after the password, and a
    code is good once: so the admin gets a device here, signs in once, and each test's editor
    starts from these cookies (sessions live in the database: any app server knows them).
    """
    script = (
        "from django.contrib.auth import get_user_model;"
        "from django_otp.plugins.otp_totp.models import TOTPDevice;"
        "user = get_user_model().objects.get(username='admin');"
        "device = TOTPDevice.objects.create(user=user, name='stack tests', confirmed=True);"
        "print('KEY', device.key)"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=stack.env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    key = bytes.fromhex(re.search(r"KEY ([0-9a-f]+)", result.stdout).group(1))
    client = Client(stack.app_url(1))
    client.log_in("admin", ADMIN_PASSWORD, key)
    return dict(client.cookies)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed and "stack" in item.fixturenames:
        stack = item.funcargs.get("stack")
        if stack is not None:
            lines = stack.log_path.read_text(errors="replace").splitlines()[-60:]
            report.sections.append(("stack log (last 60 lines)", "\n".join(lines)))
    return report
