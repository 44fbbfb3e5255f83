"""Two-step verification can be switched off in development only; production's cookies."""

import os
import subprocess
import sys
from pathlib import Path

from django.core.checks import run_checks

ROOT = Path(__file__).resolve().parents[2]
CODE = (
    "from django.conf import settings as s; "
    "print(s.ADMIN_SECOND_FACTOR_REQUIRED, s.SESSION_COOKIE_NAME, s.CSRF_COOKIE_NAME)"
)


def settings_of(module, **env):
    base = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", CODE],
        cwd=ROOT,
        env={
            **base,
            "DJANGO_SETTINGS_MODULE": module,
            "SECRET_KEY": "x" * 60,
            "ALLOWED_HOSTS": "www.example.org",
            "EMAIL_HOST": "mail.example.org",  # production refuses to start without one
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1].split()  # after the shell's own notes


def test_make_run_signs_in_with_a_password_alone_unless_asked():
    assert settings_of("website.settings.dev")[0] == "False"
    assert settings_of("website.settings.dev", ADMIN_SECOND_FACTOR_REQUIRED="1")[0] == "True"


def test_production_always_requires_it_and_uses_host_cookies():
    assert settings_of("website.settings.production", ADMIN_SECOND_FACTOR_REQUIRED="0") == [
        "True",
        "__Host-sessionid",
        "__Host-csrftoken",
    ]


def test_check_deploy_refuses_a_production_without_it(settings):
    settings.ADMIN_SECOND_FACTOR_REQUIRED = False
    errors = [e.id for e in run_checks(include_deployment_checks=True)]
    assert "accounts.E001" in errors
    settings.ADMIN_SECOND_FACTOR_REQUIRED = True
    assert "accounts.E001" not in [e.id for e in run_checks(include_deployment_checks=True)]
