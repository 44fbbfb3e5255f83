"""Admin sign-in resists guessing (django-axes), and password resets are rate limited.

These run in-process; tests/accounts/test_production_http.py shows the same against gunicorn
with the production settings.
"""

import re

from django.core import mail

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture(autouse=True)
def axes_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    settings.SUBMISSIONS_PROXY_COUNT = 1


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("boss", "boss@example.org", "right-pw-12")


def attempt(client, password, client_address="198.51.100.7", forged="203.0.113.1"):
    # One proxy in front appends the address it saw; whatever the client wrote comes before it.
    return client.post(
        LOGIN,
        {"username": "boss", "password": password},
        HTTP_X_FORWARDED_FOR=f"{forged}, {client_address}",
    )


def test_twelve_wrong_passwords_then_the_right_one_does_not_sign_in(client, admin_user):
    statuses = [attempt(client, "wrong", forged=f"203.0.113.{i}").status_code for i in range(12)]
    # The form answers again for the first few, then the lock-out page.
    assert statuses[:4] == [200] * 4
    assert set(statuses[5:]) == {429}

    response = attempt(client, "right-pw-12", forged="192.0.2.99")

    assert response.status_code == 429
    page = BeautifulSoup(response.content, "html.parser")
    assert page.h1.text.startswith("Sign-in locked for 15 minutes")
    assert "Try again after" in page.select_one("[data-retry-at]").text
    assert client.get("/admin/").status_code == 302  # not signed in


def test_the_account_is_locked_from_any_address_and_the_address_for_any_account(
    client, admin_user, django_user_model
):
    for i in range(5):
        attempt(client, "wrong", client_address=f"198.51.100.{i}")
    # Another address, the right password: the account itself is locked.
    assert attempt(client, "right-pw-12", client_address="198.51.100.200").status_code == 429

    django_user_model.objects.create_superuser("other", "o@example.org", "other-pw-12")
    for i in range(5):
        client.post(
            LOGIN,
            {"username": f"guess{i}", "password": "x"},
            HTTP_X_FORWARDED_FOR="198.51.100.66",
        )
    # That address guessed at five accounts: it may not try a sixth, even rightly.
    response = client.post(
        LOGIN,
        {"username": "other", "password": "other-pw-12"},
        HTTP_X_FORWARDED_FOR="198.51.100.66",
    )
    assert response.status_code == 429


def test_a_right_password_before_the_limit_resets_the_count(client, admin_user):
    for _ in range(4):
        attempt(client, "wrong")
    assert attempt(client, "right-pw-12").status_code == 302
    client.logout()
    for _ in range(4):
        assert attempt(client, "wrong").status_code == 200


def test_password_reset_requests_are_limited_per_address_and_per_email(
    client, admin_user, settings
):
    settings.ADMIN_PASSWORD_RESET_RATE_LIMIT = "3/3600"
    url = "/admin/password_reset/"
    for i in range(3):
        response = client.post(
            url, {"email": "boss@example.org"}, HTTP_X_FORWARDED_FOR=f"x, 198.51.100.{i}"
        )
        assert response.status_code == 302
    assert len(mail.outbox) == 3
    # A fourth for the same mailbox, from yet another address: refused, no email.
    refused = client.post(url, {"email": "boss@example.org"}, HTTP_X_FORWARDED_FOR="x, 192.0.2.1")
    assert refused.status_code == 429
    assert re.search(r"Try again in \d+ minutes?\.", refused.text)
    assert int(refused["Retry-After"]) > 0
    assert len(mail.outbox) == 3
    # And one address asking for many mailboxes.
    for i in range(3):
        client.post(url, {"email": f"n{i}@example.org"}, HTTP_X_FORWARDED_FOR="x, 192.0.2.50")
    assert (
        client.post(
            url, {"email": "n9@example.org"}, HTTP_X_FORWARDED_FOR="x, 192.0.2.50"
        ).status_code
        == 429
    )


def test_nothing_personal_is_logged_on_a_failed_sign_in(client, admin_user, caplog):
    with caplog.at_level("DEBUG"):
        for _ in range(6):
            attempt(client, "wrong", client_address="198.51.100.77")
    text = caplog.text
    assert "boss" not in text
    assert "198.51.100.77" not in text
