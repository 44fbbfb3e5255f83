"""Every request has an id, in its response and its log lines (tasks: tests/submissions)."""

import re

import pytest

pytestmark = pytest.mark.django_db

HEX_ID = re.compile(r"[0-9a-f]{32}")


def test_each_request_gets_its_own_id(client, home_page):
    first = client.get("/")["X-Request-ID"]
    second = client.get("/")["X-Request-ID"]
    assert HEX_ID.fullmatch(first) and HEX_ID.fullmatch(second)
    assert first != second


def test_a_proxys_id_is_used_only_when_trusted(client, home_page, settings):
    assert client.get("/", HTTP_X_REQUEST_ID="from-the-client")["X-Request-ID"] != (
        "from-the-client"
    )
    settings.REQUEST_ID_TRUST_HEADER = True
    assert client.get("/", HTTP_X_REQUEST_ID="lb-7f3a.91")["X-Request-ID"] == "lb-7f3a.91"
    # A value that could confuse a log reader is replaced, trusted or not.
    for bad in ("two words", "x" * 200, 'quote"d', ""):
        assert HEX_ID.fullmatch(client.get("/", HTTP_X_REQUEST_ID=bad)["X-Request-ID"])


def test_log_lines_of_a_request_carry_its_id(client, home_page, log_lines):
    response = client.get("/no-such-page/")
    request_id = response["X-Request-ID"]
    lines = [line for line in log_lines() if "Not Found: /no-such-page/" in line]
    assert lines and f"[{request_id}]" in lines[0]
