"""Staff sessions end after a working day and after half an hour without using the admin."""

import time

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from accounts.middleware import SESSION_SEEN, SESSION_STARTED

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, django_user_model, settings):
    settings.ADMIN_SESSION_HOURS = 9
    settings.ADMIN_SESSION_IDLE_MINUTES = 30
    user = django_user_model.objects.create_user("ed", "ed@example.org", "right-password-1")
    user.groups.add(Group.objects.get(name="Editors"))
    response = client.post(
        "/admin/login/", {"username": "ed", "password": "right-password-1", "next": "/admin/"}
    )
    assert response.status_code == 302
    return client


def shift(client, **seconds_ago):
    """Pretend the session started, or was last used, this many seconds ago."""
    session = client.session
    now = time.time()
    if "started" in seconds_ago:
        session[SESSION_STARTED] = now - seconds_ago["started"]
    if "seen" in seconds_ago:
        session[SESSION_SEEN] = now - seconds_ago["seen"]
    session.save()


def test_remember_me_keeps_the_cookie_for_a_working_day_at_most(client, staff):
    client.logout()
    client.post(
        "/admin/login/",
        {"username": "ed", "password": "right-password-1", "remember": "on", "next": "/admin/"},
    )
    assert client.session.get_expiry_age() > 9 * 3600  # Wagtail's "remember me": two weeks
    client.get("/admin/")
    assert 9 * 3600 - 5 <= client.session.get_expiry_age() <= 9 * 3600
    assert 9 * 3600 - 5 <= client.cookies["sessionid"]["max-age"] <= 9 * 3600


def test_a_remembered_session_is_not_written_again_on_every_request(client, staff):
    """The end of the working day is set once; pages opened a second or more apart do not write
    the session each time (it used to be rewritten whenever the clock had moved on a second)."""
    client.logout()
    client.post(
        "/admin/login/",
        {"username": "ed", "password": "right-password-1", "remember": "on", "next": "/admin/"},
    )
    client.get("/admin/")  # sets the day's end and marks the session seen
    ends = client.session.get_expiry_date()
    time.sleep(1.1)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/pages/").status_code == 200
    writes = [
        q["sql"] for q in queries if q["sql"].startswith("UPDATE") and "django_session" in q["sql"]
    ]
    assert writes == []
    assert client.session.get_expiry_date() == ends


def test_without_remember_me_the_cookie_ends_with_the_browser(staff):
    staff.get("/admin/")
    assert staff.session.get_expire_at_browser_close()


def test_half_an_hour_idle_signs_out_and_comes_back_to_the_page(staff):
    shift(staff, seen=29 * 60)
    assert staff.get("/admin/pages/").status_code == 200  # activity: the clock restarts
    shift(staff, seen=31 * 60)

    response = staff.get("/admin/pages/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=%2Fadmin%2Fpages%2F"
    login = staff.get(response["Location"])
    assert "signed out after 30 minutes without activity" in login.text
    assert staff.get("/admin/").status_code == 302  # signed out for good


def test_a_working_day_after_signing_in_the_session_ends_however_busy(staff):
    shift(staff, started=9 * 3600 + 60, seen=10)
    response = staff.get("/admin/")
    assert response["Location"].startswith("/admin/login/")
    assert "signed out after 9 hours" in staff.get(response["Location"]).text


def test_an_open_editor_pinging_in_the_background_is_not_activity(staff, home_page):
    shift(staff, seen=25 * 60)
    ping = reverse(
        "wagtailadmin_editing_sessions:ping", args=["wagtailcore", "page", home_page.pk, 0]
    )
    staff.post(ping)
    assert time.time() - staff.session[SESSION_SEEN] >= 25 * 60
    shift(staff, seen=31 * 60)
    assert staff.get("/admin/")["Location"].startswith("/admin/login/")


def test_public_pages_do_not_sign_anyone_out(staff, home_page):
    shift(staff, seen=31 * 60)
    assert staff.get("/").status_code == 200
    assert staff.session.get("_auth_user_id")
