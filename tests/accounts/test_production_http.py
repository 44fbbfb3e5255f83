"""Over HTTP, against gunicorn running the production settings on a database of its own.

One server for the module: the sign-in lock-out (12 wrong passwords, then the right one, with
a forged X-Forwarded-For on every attempt), two-step verification forced by production, the
"__Host-" cookies, the password-reset limit and /media/documents/ refused. Every request has a
timeout; the server is stopped and its database dropped at the end.
"""

import os
import re
import secrets
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import pytest
from django_otp.oath import totp

from tests.browser.conftest import (
    BASE_DIR,
    SiteServer,
    _drop_postgres_database,
    _free_port,
    _is_postgres,
    _recreate_postgres_database,
    _run_manage,
    _stop,
    _venv_executable,
    _wait_until_serving,
)

pytestmark = pytest.mark.production_server

PASSWORD = "a-long-right-password-" + secrets.token_hex(4)
CLIENT = "198.51.100.7"  # what the proxy in front saw, appended to X-Forwarded-For
REQUEST_TIMEOUT = 15  # seconds, every request


@dataclass
class Browser:
    """Just enough of a browser: cookies (whatever their Secure flag: TLS ends at the proxy,
    which this test plays by sending X-Forwarded-Proto), CSRF token, redirects not followed."""

    host: str
    port: int
    cookies: dict = field(default_factory=dict)
    set_cookie_headers: list = field(default_factory=list)

    def request(self, method, path, data=None, forwarded_for=None, headers=None):
        connection = HTTPConnection(self.host, self.port, timeout=REQUEST_TIMEOUT)
        sent = {
            "Host": f"{self.host}:{self.port}",
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": forwarded_for or f"192.0.2.1, {CLIENT}",
            **(headers or {}),
        }
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["Origin"] = f"https://{self.host}:{self.port}"
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            text = response.read().decode(errors="replace")
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            self.set_cookie_headers.append(header)
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or morsel.value == "":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response.status, dict(response.headers), text

    def csrf_token(self, path) -> str:
        status, _, text = self.request("GET", path)
        assert status == 200, text[:500]
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text).group(1)

    def sign_in(self, username, password, forwarded_for=None):
        token = self.csrf_token("/admin/login/")
        return self.request(
            "POST",
            "/admin/login/",
            {"csrfmiddlewaretoken": token, "username": username, "password": password},
            forwarded_for=forwarded_for,
        )


@dataclass
class ProductionServer:
    server: SiteServer
    port: int
    media_root: Path
    totp_key: bytes

    def browser(self) -> Browser:
        return Browser("127.0.0.1", self.port)


@pytest.fixture(scope="module")
def production(tmp_path_factory) -> Iterator[ProductionServer]:
    tmp_dir = tmp_path_factory.mktemp("production-site")
    media_root = tmp_dir / "media"
    (media_root / "documents").mkdir(parents=True)
    (media_root / "images").mkdir()
    (media_root / "documents" / "private.pdf").write_bytes(b"%PDF-1.4 private")
    (media_root / "images" / "public.txt").write_text("public")
    port = _free_port()
    # Production refuses to start without a mail server: one on loopback that keeps what it gets.
    mail_port = _free_port()
    mail = subprocess.Popen(
        [_venv_executable("python"), "-m", "deploy.mail", str(mail_port), str(tmp_dir / "mail")],
        cwd=BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    source = os.environ.get("DATABASE_URL", "")
    postgres_name = None
    if source and _is_postgres(source):
        parts = urlsplit(source)
        postgres_name = f"{parts.path.lstrip('/') or 'difference'}_production"
        _recreate_postgres_database(source, postgres_name)
        database_url = urlunsplit(parts._replace(path=f"/{postgres_name}"))
    else:
        database_url = f"sqlite:///{tmp_dir / 'production.sqlite3'}"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"EMAIL_HOST", "EMAIL_BACKEND", "EMAIL_FILE_PATH", "AXES_ENABLED"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="website.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url,
        SECURE_SSL_REDIRECT="0",
        SUBMISSIONS_PROXY_COUNT="1",
        SERVE_MEDIA="1",
        MEDIA_ROOT=str(media_root),
        # A cache every worker shares, so rate limits count across them.
        REDIS_URL=os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/12"),
        # Development may turn two-step verification off; production must ignore it.
        ADMIN_SECOND_FACTOR_REQUIRED="0",
        DJANGO_ADMIN_PASSWORD=PASSWORD,
        PYTHONUNBUFFERED="1",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(mail_port),
        EMAIL_USE_TLS="0",
    )
    log_path = tmp_dir / "server.log"
    server = SiteServer(
        url=f"http://127.0.0.1:{port}",
        host=f"127.0.0.1:{port}",
        log_path=log_path,
        email_dir=tmp_dir,
    )
    process = None
    try:
        with log_path.open("w") as log:
            _run_manage(["migrate", "--noinput"], env, log)
            # Production serves hashed static files (into staticfiles/, git-ignored, as the
            # benchmarks do); quick when they are there already.
            _run_manage(["collectstatic", "--noinput"], env, log)
            _run_manage(["ensure_admin"], env, log)  # "admin", with PASSWORD
            # A second superuser who has set up an authenticator app: prints its key.
            script = (
                "from django.contrib.auth import get_user_model;"
                "from django_otp.plugins.otp_totp.models import TOTPDevice;"
                f"u = get_user_model().objects.create_superuser('second', 's@example.org', '{PASSWORD}');"
                "d = TOTPDevice.objects.create(user=u, name='app', confirmed=True);"
                "print('KEY', d.key)"
            )
            result = subprocess.run(
                [_venv_executable("python"), "manage.py", "shell", "-c", script],
                cwd=BASE_DIR,
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
                check=True,
            )
            key = re.search(r"KEY ([0-9a-f]+)", result.stdout).group(1)
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
                start_new_session=True,
            )
        _wait_until_serving(process, f"{server.url}/admin/login/", server)
        yield ProductionServer(server, port, media_root, bytes.fromhex(key))
    finally:
        if process is not None:
            _stop(process)
        _stop(mail)
        if postgres_name is not None:
            _drop_postgres_database(source, postgres_name)


def test_twelve_wrong_passwords_then_the_right_one_does_not_sign_in(production):
    browser = production.browser()
    statuses = []
    for attempt in range(12):
        # Each attempt forges a different X-Forwarded-For; the proxy appends the real address.
        status, _, _ = browser.sign_in(
            "admin", "wrong-password", forwarded_for=f"10.{attempt}.0.1, {CLIENT}"
        )
        statuses.append(status)
    assert statuses[:4] == [200] * 4  # the form again, with its error
    assert set(statuses[5:]) == {429}

    status, _, text = browser.sign_in("admin", PASSWORD, forwarded_for=f"10.99.0.1, {CLIENT}")

    assert status == 429
    assert "Sign-in locked for 15 minutes" in text
    assert "Try again after" in text
    status, headers, _ = browser.request("GET", "/admin/")
    assert status == 302 and headers["Location"].startswith("/admin/login/")

    # The account is locked whatever address the next try comes from.
    elsewhere = production.browser()
    status, _, _ = elsewhere.sign_in("admin", PASSWORD, forwarded_for="198.51.100.200")
    assert status == 429, production.server.log_tail()


def test_production_asks_for_the_second_step_and_uses_host_cookies(production):
    browser = production.browser()
    status, headers, _ = browser.sign_in("second", PASSWORD, forwarded_for="198.51.100.8")
    assert status == 302, production.server.log_tail()
    status, headers, _ = browser.request("GET", "/admin/", forwarded_for="198.51.100.8")
    assert status == 302
    assert headers["Location"].startswith("/admin/account/two-step/verify/")

    token = browser.csrf_token("/admin/account/two-step/verify/")
    code = f"{totp(production.totp_key):06d}"
    status, headers, _ = browser.request(
        "POST",
        "/admin/account/two-step/verify/",
        {"csrfmiddlewaretoken": token, "code": code, "next": "/admin/"},
        forwarded_for="198.51.100.8",
    )
    assert (status, headers["Location"]) == (302, "/admin/")
    status, _, _ = browser.request("GET", "/admin/", forwarded_for="198.51.100.8")
    assert status == 200

    assert set(browser.cookies) == {"__Host-sessionid", "__Host-csrftoken"}
    for header in browser.set_cookie_headers:
        if header.startswith("__Host-"):
            assert "Secure" in header and "Path=/" in header and "Domain" not in header


def test_password_reset_requests_are_limited(production):
    browser = production.browser()
    statuses = []
    for _ in range(7):
        token = browser.csrf_token("/admin/password_reset/")
        status, _, _ = browser.request(
            "POST",
            "/admin/password_reset/",
            {"csrfmiddlewaretoken": token, "email": "nobody@example.org"},
            forwarded_for="198.51.100.9",
        )
        statuses.append(status)
    assert statuses[:5] == [302] * 5
    assert statuses[5:] == [429, 429]


@pytest.mark.parametrize(
    "path",
    [
        "/media/documents/private.pdf",
        "/media/images/../documents/private.pdf",
        "/media//documents/private.pdf",
        "/media/./documents/private.pdf",
        "/media/documents%2Fprivate.pdf",
    ],
)
def test_documents_are_never_served_from_media(production, path):
    browser = production.browser()
    status, _, text = browser.request("GET", path)
    assert status == 404
    assert "private" not in text
    assert browser.request("GET", "/media/images/public.txt")[0] == 200
