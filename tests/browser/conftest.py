"""A real server for the browser tests, and Playwright set up to drive Debian's Chromium.

Once per session: a database of its own (PostgreSQL when DATABASE_URL points at it, as in CI;
a SQLite file otherwise), a media folder and an email folder of its own, migrated and filled
with the demo content by `manage.py` in subprocesses, then served by gunicorn on a free local
port. The server writes every email it sends to a file in `SiteServer.email_dir` (Django's
file-based backend), where a test can read it; `SiteServer.shell()` runs code against its
database. Its gunicorn workers share a cache (files in a folder of its own), so the rate limits
count every worker's posts, and it trusts one proxy's X-Forwarded-For, so a test over HTTP can
post from an address of its own. The server is stopped and the PostgreSQL database dropped when
the session ends.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
BROWSER_TESTS_DIR = Path(__file__).resolve().parent
SETTINGS_MODULE = "website.settings.test"

# Debian's Chromium; Playwright never downloads a browser here. CHROMIUM overrides the path.
CHROMIUM_PATH = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

SERVER_START_TIMEOUT = 120  # seconds: the first request renders images, slow on a busy machine
COMMAND_TIMEOUT = 180  # seconds, for migrate and load_demo_content


@dataclass(frozen=True)
class SiteServer:
    url: str  # http://127.0.0.1:PORT, no trailing slash
    host: str  # 127.0.0.1:PORT
    log_path: Path
    email_dir: Path  # one file per connection, each holding the messages sent through it
    env: dict = field(default_factory=dict, repr=False)  # the server's environment

    def manage(self, *args: str) -> str:
        """Run `manage.py ARGS` against the server's database; its output."""
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT,
            check=False,
        )
        assert result.returncode == 0, f"manage.py {args[0]} failed:\n{result.stderr[-4000:]}"
        return result.stdout

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no server log)"

    def shell(self, code: str) -> str:
        """Run Python in `manage.py shell` against the server's database; its output."""
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
            cwd=BASE_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT,
            check=False,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout


def _venv_executable(name: str) -> str:
    """An executable from the virtualenv running pytest (.venv/bin), else from PATH."""
    candidate = Path(sys.executable).parent / name
    if candidate.exists():
        return str(candidate)
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: run `make install-dev`.", pytrace=False)
    return found


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _is_postgres(url: str) -> bool:
    return urlsplit(url).scheme in {"postgres", "postgresql", "pgsql", "postgis"}


def _postgres_maintenance_sql(url: str, *statements) -> None:
    """Run statements in the `postgres` maintenance database of DATABASE_URL's server."""
    import psycopg

    # libpq reads the URL itself (host, port, user, password, sslmode...); only the name differs.
    conninfo = urlunsplit(urlsplit(url)._replace(scheme="postgresql"))
    with psycopg.connect(conninfo, dbname="postgres", autocommit=True, connect_timeout=10) as conn:
        for statement in statements:
            conn.execute(statement)


def _recreate_postgres_database(url: str, name: str) -> None:
    from psycopg import Error, sql

    try:
        _postgres_maintenance_sql(
            url,
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)),
            sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)),
        )
    except Error as error:
        pytest.fail(
            f"Could not create the browser tests' PostgreSQL database {name!r} on the server "
            f"of DATABASE_URL: {error}",
            pytrace=False,
        )


def _drop_postgres_database(url: str, name: str) -> None:
    from psycopg import sql

    _postgres_maintenance_sql(
        url, sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    )


def _browser_database(tmp_dir: Path) -> tuple[str, str | None]:
    """DATABASE_URL for the server, and the PostgreSQL database name to drop afterwards."""
    source = os.environ.get("DATABASE_URL", "")
    if source and _is_postgres(source):
        parts = urlsplit(source)
        base_name = parts.path.lstrip("/") or "difference"
        name = f"{base_name}_browser"
        _recreate_postgres_database(source, name)
        return urlunsplit(parts._replace(path=f"/{name}")), name
    return f"sqlite:///{tmp_dir / 'browser.sqlite3'}", None


def _run_manage(args: list[str], env: dict[str, str], log) -> None:
    command = [sys.executable, "manage.py", *args]
    log.write(f"$ {' '.join(command)}\n")
    log.flush()
    result = subprocess.run(
        command,
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=COMMAND_TIMEOUT,
        check=False,
    )
    log.write(result.stdout)
    log.flush()
    if result.returncode != 0:
        pytest.fail(
            f"`manage.py {' '.join(args)}` failed with exit code {result.returncode}:\n"
            f"{result.stdout[-4000:]}",
            pytrace=False,
        )


def _wait_until_serving(process: subprocess.Popen, url: str, server: SiteServer) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    last_error = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(
                f"gunicorn exited with code {process.returncode} before serving.\n"
                f"{server.log_tail()}",
                pytrace=False,
            )
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - local URL
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            last_error = error
        time.sleep(0.2)
    pytest.fail(
        f"gunicorn did not answer {url} within {SERVER_START_TIMEOUT}s ({last_error}).\n"
        f"{server.log_tail()}",
        pytrace=False,
    )


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    # gunicorn's master stops its workers on SIGTERM; the process group is ours alone.
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def site_server(tmp_path_factory) -> Iterator[SiteServer]:
    """The demo site, served by gunicorn from its own database and media folder."""
    tmp_dir = tmp_path_factory.mktemp("browser-site")
    media_root = tmp_dir / "media"
    media_root.mkdir()
    email_dir = tmp_dir / "emails"
    email_dir.mkdir()
    port = _free_port()
    log_path = tmp_dir / "server.log"

    database_url, postgres_name = _browser_database(tmp_dir)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SETTINGS_MODULE,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        # DEBUG is off, so Django serves image renditions only when told to (production leaves
        # /media/ to the web server or a CDN).
        "SERVE_MEDIA": "1",
        # Emails go to files the tests can read (website/settings/test.py reads these).
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(email_dir),
        # gunicorn's workers share one cache, so each rate limit counts every worker's posts.
        "CACHE_DIR": str(tmp_dir / "cache"),
        # As behind a proxy: X-Forwarded-For names the client, so the tests over HTTP each
        # post from an address of their own (the browser sends none: 127.0.0.1).
        "SUBMISSIONS_PROXY_COUNT": "1",
        # The demo loader points the default site at this host and port.
        "DEMO_SITE_HOSTNAME": "127.0.0.1",
        "DEMO_SITE_PORT": str(port),
        "PYTHONUNBUFFERED": "1",
    }
    server = SiteServer(
        url=f"http://127.0.0.1:{port}",
        host=f"127.0.0.1:{port}",
        log_path=log_path,
        email_dir=email_dir,
        env=env,
    )
    process = None
    try:
        with log_path.open("w") as log:
            _run_manage(["migrate", "--noinput"], env, log)
            _run_manage(["load_demo_content"], env, log)
        command = [
            _venv_executable("gunicorn"),
            "website.wsgi:application",
            "--chdir",
            str(BASE_DIR),
            "--bind",
            server.host,
            "--workers",
            "2",
            "--timeout",
            "60",
            "--graceful-timeout",
            "5",
            "--access-logfile",
            "-",
            "--error-logfile",
            "-",
        ]
        with log_path.open("a") as log:
            process = subprocess.Popen(
                command,
                cwd=BASE_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, so it can be stopped whole
            )
        _wait_until_serving(process, f"{server.url}/", server)
        yield server
    finally:
        if process is not None:
            _stop(process)
        if postgres_name is not None:
            _drop_postgres_database(os.environ["DATABASE_URL"], postgres_name)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run the browser tests after every other test in the session.

    Playwright's sync API leaves an asyncio event loop running in the main thread from the
    first browser test to the end of the session, and Django refuses database queries from a
    thread with a running loop (SynchronousOnlyOperation). Database tests collected after
    tests/browser (tests/home, tests/website...) would fail in a full `pytest` run otherwise.
    """
    browser_items = [item for item in items if BROWSER_TESTS_DIR in item.path.parents]
    if browser_items:
        others = [item for item in items if BROWSER_TESTS_DIR not in item.path.parents]
        items[:] = others + browser_items


# ---------- pytest-playwright overrides ----------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Debian's Chromium, headless; never a browser downloaded by Playwright."""
    if not (os.path.isfile(CHROMIUM_PATH) and os.access(CHROMIUM_PATH, os.X_OK)):
        pytest.fail(
            f"Chromium was not found at {CHROMIUM_PATH}. The browser tests need Debian's "
            "Chromium: run `apt-get install chromium` (or `make test-browser`), or set "
            "CHROMIUM to its path.",
            pytrace=False,
        )
    return {
        "headless": True,
        **browser_type_launch_args,
        "executable_path": CHROMIUM_PATH,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def base_url(site_server):
    """Every browser context resolves page.goto("/about/") against the test server."""
    return site_server.url
