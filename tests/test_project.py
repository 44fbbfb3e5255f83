"""Guardrails: system checks pass and every model change has its migration."""

from io import StringIO

from django.core.management import call_command

import pytest


def test_system_checks_pass():
    call_command("check", fail_level="WARNING")


@pytest.mark.django_db
def test_no_model_change_is_missing_a_migration():
    out = StringIO()
    try:
        call_command("makemigrations", check=True, dry_run=True, stdout=out)
    except SystemExit as exit_:
        pytest.fail(f"Missing migrations:\n{out.getvalue()} ({exit_})")
