"""Security headers and production settings."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def csp(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def test_public_pages_send_a_strict_content_security_policy(client, home_page):
    policy = csp(client.get("/"))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]


def test_the_admin_gets_a_relaxed_policy(admin_client, home_page):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    policy = csp(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_public_pages_send_the_other_security_headers(client, home_page):
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def production_env(**extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "EMAIL_HOST"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="website.settings.production",
        SECRET_KEY="x" * 20 + "production-check-key-that-is-long-enough-and-random-ish-0123456789",
        ALLOWED_HOSTS="www.example.org",
        EMAIL_HOST="smtp.example.org",
        **extra,
    )
    return env


def run_manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_check_deploy_with_no_warnings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = production_env()
    env.pop("SECRET_KEY")
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_a_mail_server():
    """Without EMAIL_HOST, form emails would be dropped and recorded as sent: no start."""
    env = production_env()
    env.pop("EMAIL_HOST")
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "Set EMAIL_HOST" in result.stderr


def test_production_sends_form_emails_through_smtp():
    code = "from django.conf import settings as s; print(s.EMAIL_BACKEND, s.EMAIL_HOST)"
    result = run_manage("shell", "-c", code, env=production_env())
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.org",
    ]


def test_production_sends_hsts_and_secure_cookies():
    code = (
        "from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_SSL_REDIRECT, "
        "s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.DEBUG, "
        "s.CACHES['default']['BACKEND'].rsplit('.', 1)[-1])"
    )
    result = run_manage(
        "shell", "-c", code, env=production_env(REDIS_URL="redis://127.0.0.1:6379/1")
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == [
        "31536000",
        "True",
        "True",
        "True",
        "True",
        "False",
        "ResilientRedisCache",
    ]


def test_production_fails_fast_on_the_database_and_keeps_sessions_out_of_the_cache():
    code = (
        "from django.conf import settings as s; "
        "o = s.DATABASES['default']['OPTIONS']; c = s.CACHES['default']['OPTIONS']; "
        "print(s.SESSION_ENGINE, o['connect_timeout'], o.get('options', '-'), "
        "c['SOCKET_CONNECT_TIMEOUT'], c['SOCKET_TIMEOUT'])"
    )
    database = {"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/unused"}
    redis = {"REDIS_URL": "redis://127.0.0.1:6379/1"}
    command = run_manage("shell", "-c", code, env=production_env(**database, **redis))
    assert command.returncode == 0, command.stderr
    assert command.stdout.splitlines()[-1].split() == [
        "django.contrib.sessions.backends.db",
        "3",
        # Random reads priced for a database in memory (website/settings/base.py); no timeout.
        "-c",
        "random_page_cost=1.1",
        "0.5",
        "0.5",
    ]

    # gunicorn imports website.wsgi, which marks the process as a web one: statement timeout.
    web = run_manage(
        "shell", "-c", code, env=production_env(DJANGO_WEB_PROCESS="1", **database, **redis)
    )
    assert web.returncode == 0, web.stderr
    assert "-c random_page_cost=1.1 -c statement_timeout=5000" in web.stdout.splitlines()[-1]


def test_connection_options_from_the_database_url_are_kept():
    # `?options=` in DATABASE_URL (a search path, a work_mem) comes first; the site's own
    # planner setting and, in web processes, the statement timeout follow it.
    code = (
        "from django.conf import settings as s; print(s.DATABASES['default']['OPTIONS']['options'])"
    )
    url = "postgres://postgres@127.0.0.1:5432/unused?options=-c%20work_mem%3D8MB"
    env = production_env(
        DATABASE_URL=url, REDIS_URL="redis://127.0.0.1:6379/1", DJANGO_WEB_PROCESS="1"
    )
    command = run_manage("shell", "-c", code, env=env)
    assert command.returncode == 0, command.stderr
    assert command.stdout.splitlines()[-1] == (
        "-c work_mem=8MB -c random_page_cost=1.1 -c statement_timeout=5000"
    )
