from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command

import pytest

pytestmark = pytest.mark.django_db


def ensure_admin(**kwargs):
    out = StringIO()
    call_command("ensure_admin", stdout=out, **kwargs)
    return out.getvalue()


def test_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("DJANGO_ADMIN_PASSWORD", "a-long-chosen-passphrase")
    output = ensure_admin()
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password("a-long-chosen-passphrase")
    assert "a-long-chosen-passphrase" not in output


def test_generated_password_is_printed_once_and_differs_each_time(monkeypatch):
    monkeypatch.delenv("DJANGO_ADMIN_PASSWORD", raising=False)
    output = ensure_admin()
    password = output.split("password: ")[1].split()[0]
    assert len(password) >= 12
    assert get_user_model().objects.get(username="admin").check_password(password)

    again = ensure_admin()
    assert "exists" in again and password not in again
    assert get_user_model().objects.get(username="admin").check_password(password)

    get_user_model().objects.all().delete()
    other = ensure_admin().split("password: ")[1].split()[0]
    assert other != password
