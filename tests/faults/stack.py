"""The fault suite's stack: the site as production runs it, on loopback, with parts to break.

gunicorn (2 sync workers, `website.settings.production`) talks to PostgreSQL and to a Redis of
its own (`redis-server` on a free port), each through a `FaultProxy`; a `db_worker` sends the
forms' emails to an aiosmtpd server (`deploy/mail.py`). Every process is started here, in its own
process group, and stopped at the end; the database is dropped.
"""

import email
import http.client
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from email import policy
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

from .proxy import FaultProxy, free_port

BASE_DIR = Path(__file__).resolve().parents[2]
PARTNERSHIPS = "partnerships@faults.test"
ADMINS = "ops@faults.test"
REFERENCE = re.compile(r"\bEOI-[A-Z0-9]{6}\b")


def venv_executable(name: str) -> str:
    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else name


def database_urls() -> tuple[str, str]:
    """(URL of the suite's own database, its name), on DATABASE_URL's PostgreSQL server or,
    when DATABASE_URL is not PostgreSQL, on the local one (FAULTS_DATABASE_URL overrides)."""
    source = os.environ.get("FAULTS_DATABASE_URL") or os.environ.get("DATABASE_URL", "")
    if urlsplit(source).scheme not in {"postgres", "postgresql"}:
        source = "postgres://postgres@127.0.0.1:5432/difference"
    parts = urlsplit(source)
    name = f"{parts.path.lstrip('/') or 'difference'}_faults"
    return urlunsplit(parts._replace(path=f"/{name}")), name


def maintenance(url: str, *statements) -> None:
    import psycopg

    conninfo = urlunsplit(urlsplit(url)._replace(scheme="postgresql"))
    with psycopg.connect(conninfo, dbname="postgres", autocommit=True, connect_timeout=10) as conn:
        for statement in statements:
            conn.execute(statement)


def query(url: str, sql: str, params=()):
    import psycopg

    conninfo = urlunsplit(urlsplit(url)._replace(scheme="postgresql"))
    with psycopg.connect(conninfo, autocommit=True, connect_timeout=10) as conn:
        return conn.execute(sql, params).fetchall()


@dataclass
class Response:
    status: int
    headers: dict
    body: str
    seconds: float


class Browser:
    """A person's browser, reduced to what the suite needs: cookies (the production cookies are
    Secure, and the suite speaks plain HTTP to gunicorn as the TLS proxy would), the HTTPS
    header the proxy adds, and a time limit on every request."""

    def __init__(self, port: int, timeout: float = 20):
        self.port, self.timeout = port, timeout
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, data: dict | None = None) -> Response:
        headers = {"Host": f"127.0.0.1:{self.port}", "X-Forwarded-Proto": "https"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://127.0.0.1:{self.port}"
        started = time.monotonic()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return Response(
            response.status,
            {k.lower(): v for k, v in response.getheaders()},
            text,
            time.monotonic() - started,
        )

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post(self, path: str, data: dict) -> Response:
        return self.request("POST", path, data)


def hidden_value(html: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', html) or re.search(
        rf'value="([^"]*)" name="{name}"', html
    )
    assert match, f"no {name} in the form"
    return match.group(1)


@dataclass
class Ledger:
    """What the suite did and saw, for the counts at the end."""

    submitted: set[str] = field(default_factory=set)  # references confirmed to the sender
    refused_posts: int = 0  # posts answered 503 (nothing saved, the person is told so)
    pages: Counter = field(default_factory=Counter)  # (scenario, "as expected" or not)
    slowest: dict[str, float] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)

    def page(self, scenario: str, ok: bool, seconds: float) -> None:
        self.pages[(scenario, ok)] += 1
        self.slowest[scenario] = max(self.slowest.get(scenario, 0.0), seconds)


class Stack:
    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.database_url, self.database_name = database_urls()
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.mail_dir = tmp / "mail"
        self.mail_dir.mkdir()
        self.smtp_port = free_port()
        self.redis_port = free_port()
        self.processes: dict[str, subprocess.Popen] = {}
        self.logs: dict[str, Path] = {}
        self.ledger = Ledger()
        database = urlsplit(self.database_url)
        self.db_proxy = FaultProxy(database.port or 5432, database.hostname or "127.0.0.1")
        self.redis_proxy = FaultProxy(self.redis_port)
        proxied_database = urlunsplit(
            database._replace(
                netloc=database.netloc.replace(
                    f"{database.hostname}:{database.port or 5432}",
                    f"127.0.0.1:{self.db_proxy.port}",
                )
            )
        )
        self.env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DATABASE_URL", "REDIS_URL", "EMAIL_BACKEND", "EMAIL_FILE_PATH"}
        } | {
            "DJANGO_SETTINGS_MODULE": "website.settings.production",
            "SECRET_KEY": "faults-only-not-secret-" + "k" * 40,
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": self.database_url,
            "MEDIA_ROOT": str(tmp / "media"),
            "SERVE_MEDIA": "1",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(self.smtp_port),
            "EMAIL_USE_TLS": "0",
            "PARTNERSHIPS_EMAILS": PARTNERSHIPS,
            "ADMINS": ADMINS,
            "SUBMISSIONS_MIN_FILL_SECONDS": "0",
            "SUBMISSIONS_EMAIL_FIRST_RETRY": "1",
            "HEALTH_QUEUE_MAX_WAIT": "3",
            "DB_STATEMENT_TIMEOUT": "2",
            "CACHE_RETRY_AFTER": "2",
            "WAGTAILADMIN_BASE_URL": self.url,
            "DEMO_SITE_HOSTNAME": "127.0.0.1",
            "DEMO_SITE_PORT": str(self.port),
            "PYTHONUNBUFFERED": "1",
        }
        self.web_env = self.env | {
            "DATABASE_URL": proxied_database,
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_proxy.port}/0",
        }

    # --- processes ---------------------------------------------------------------------------

    def _start(self, name: str, command: list[str], env: dict) -> subprocess.Popen:
        log = self.logs.setdefault(name, self.tmp / f"{name}.log")
        with log.open("a") as out:
            process = subprocess.Popen(
                command,
                cwd=BASE_DIR,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.processes[name] = process
        return process

    def stop(self, name: str, sig=signal.SIGTERM) -> None:
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)

    def manage(self, *args: str, check: bool = True, timeout: float = 240):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"manage.py {' '.join(args)}:\n{result.stdout}{result.stderr}")
        return result

    def start_redis(self) -> None:
        self._start(
            "redis",
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.redis_port),
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            self.env,
        )
        self.wait_for_port(self.redis_port)

    def start_smtp(self) -> None:
        self._start(
            "smtp",
            [
                sys.executable,
                "-m",
                "deploy.mail",
                str(self.smtp_port),
                str(self.mail_dir),
            ],
            self.env,
        )
        self.wait_for_port(self.smtp_port)

    def start_worker(self) -> None:
        self._start(
            "worker",
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--backend",
                "durable",
                "--interval",
                "0.2",
                "--no-startup-delay",
                "--no-reload",
            ],
            self.env,
        )

    def start_web(self) -> None:
        self._start(
            "web",
            [
                venv_executable("gunicorn"),
                "website.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
                "--timeout",
                "30",
                "--graceful-timeout",
                "5",
                "--error-logfile",
                "-",
            ],
            self.web_env,
        )
        self.wait_until(lambda: self.browser().get("/health/live").status == 200, 30, "gunicorn")

    def wait_for_port(self, port: int, seconds: float = 15) -> None:
        import socket

        def answers():
            with socket.socket() as sock:
                sock.settimeout(0.5)
                return sock.connect_ex(("127.0.0.1", port)) == 0

        self.wait_until(answers, seconds, f"port {port}")

    def wait_until(self, condition, seconds: float, what: str, interval: float = 0.2):
        deadline = time.monotonic() + seconds
        last = None
        while time.monotonic() < deadline:
            try:
                last = condition()
                if last:
                    return last
            except (OSError, http.client.HTTPException) as error:
                last = error
            time.sleep(interval)
        raise AssertionError(f"{what}: not within {seconds}s (last: {last!r})\n{self.log_tails()}")

    def log_tails(self, lines: int = 15) -> str:
        out = []
        for name, path in self.logs.items():
            tail = path.read_text(errors="replace").splitlines()[-lines:] if path.exists() else []
            out.append(f"--- {name}.log\n" + "\n".join(tail))
        return "\n".join(out)

    def setup(self) -> None:
        from psycopg import sql

        maintenance(
            self.database_url,
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(self.database_name)
            ),
            sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.database_name)),
        )
        collectstatic = subprocess.Popen(  # needs no database: alongside the migrations
            [sys.executable, "manage.py", "collectstatic", "--noinput"],
            cwd=BASE_DIR,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.manage("migrate", "--noinput")
        self.manage("load_demo_content")
        _, errors = collectstatic.communicate(timeout=240)
        assert collectstatic.returncode == 0, errors
        self.demo_references = self._references()  # the demo's enquiries, sent no email
        self.start_redis()
        self.start_smtp()
        self.start_worker()
        self.start_web()

    def teardown(self) -> None:
        from psycopg import sql

        for name in list(self.processes):
            self.stop(name, signal.SIGKILL if name == "worker" else signal.SIGTERM)
        self.db_proxy.close()
        self.redis_proxy.close()
        maintenance(
            self.database_url,
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(self.database_name)
            ),
        )

    # --- what a person does ------------------------------------------------------------------

    def browser(self) -> Browser:
        return Browser(self.port)

    def open_form(self) -> tuple[Browser, dict]:
        """A person opens the schools' form: their browser, and the answers they will send."""
        browser = self.browser()
        page = browser.get("/expression-of-interest/")
        assert page.status == 200, page.status
        n = len(self.ledger.submitted) + self.ledger.refused_posts
        return browser, {
            "csrfmiddlewaretoken": hidden_value(page.body, "csrfmiddlewaretoken"),
            "form_state": hidden_value(page.body, "form_state"),
            "school_name": f"Fault Suite Academy {n}",
            "urn": f"{700000 + n}",
            "setting_type": "ap-academy",
            "phase": "secondary",
            "local_authority": "lincolnshire",
            "ofsted_judgement": "good",
            "pupils_on_roll": "120",
            "contact_name": f"Contact {n}",
            "contact_role": "Headteacher",
            "email": f"contact{n}@school.faults.test",
            "telephone": "01632 960 001",
            "improvement_areas": ["curriculum"],
            "start_term": hidden_start_term(page.body),
            "heard_about": "colleague",
            "privacy_acknowledged": "on",
            "website": "",
        }

    def send(self, browser: Browser, answers: dict) -> Response:
        """Press Send; follow the redirect to the confirmation, and note the reference."""
        response = browser.post("/expression-of-interest/", answers)
        if response.status == 302:
            confirmation = browser.get(urlsplit(response.headers["location"]).path)
            assert confirmation.status == 200, confirmation.status
            reference = REFERENCE.search(confirmation.body).group(0)
            self.ledger.submitted.add(reference)
            return confirmation
        if response.status == 503:
            self.ledger.refused_posts += 1
        return response

    def submit_enquiry(self) -> str:
        browser, answers = self.open_form()
        response = self.send(browser, answers)
        assert response.status == 200, f"{response.status}\n{self.log_tails()}"
        return REFERENCE.search(response.body).group(0)

    # --- what was stored and delivered -------------------------------------------------------

    def _references(self) -> set[str]:
        rows = query(self.database_url, "SELECT reference FROM submissions_partnershipenquiry")
        return {row[0] for row in rows}

    def stored_references(self) -> set[str]:
        """The enquiries stored since the suite started (not the demo content's)."""
        return self._references() - self.demo_references

    def delivered(self) -> Counter:
        """(reference, recipient) of each form email the mail server accepted, with counts."""
        counts = Counter()
        for path in self.mail_dir.glob("*.eml"):
            message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
            recipients = [a.strip().lower() for a in str(message["To"]).split(",")]
            if recipients == [ADMINS]:
                continue
            match = REFERENCE.search(str(message["Subject"]))
            for recipient in recipients:
                counts[(match.group(0) if match else "?", recipient)] += 1
        return counts

    def alerts(self) -> list[str]:
        subjects = []
        for path in self.mail_dir.glob("*.eml"):
            message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
            if str(message["To"]).strip().lower() == ADMINS:
                subjects.append(str(message["Subject"]))
        return subjects

    def expected_deliveries(self) -> set[tuple[str, str]]:
        rows = query(
            self.database_url,
            "SELECT reference, email FROM submissions_partnershipenquiry WHERE NOT is_spam",
        )
        rows = [(ref, addr) for ref, addr in rows if ref not in self.demo_references]
        return {(ref, addr.lower()) for ref, addr in rows} | {
            (ref, PARTNERSHIPS) for ref, _ in rows
        }

    def set_mail_mode(self, mode: str) -> None:
        (self.mail_dir / "mode").write_text(mode)


def hidden_start_term(html: str) -> str:
    match = re.search(r'name="start_term"[^>]*value="([^"]+)"', html) or re.search(
        r'<input[^>]*value="([^"]+)"[^>]*name="start_term"', html
    )
    assert match, "no start term in the form"
    return match.group(1)
