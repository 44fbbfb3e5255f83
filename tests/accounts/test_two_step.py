"""Two-step verification in the admin, as a member of staff goes through it."""

import io

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

import pytest
from bs4 import BeautifulSoup
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .support import add_authenticator, current_code

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
VERIFY = "/admin/account/two-step/verify/"
SETUP = "/admin/account/two-step/setup/"
REGISTER = "/admin/submissions/teacherapplication/"


@pytest.fixture(autouse=True)
def required(settings):
    settings.ADMIN_SECOND_FACTOR_REQUIRED = True


def member(django_user_model, group, name="sam"):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "right-password-1")
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def sign_in(client, username, password="right-password-1", next_url=REGISTER):  # noqa: S107
    return client.post(
        f"{LOGIN}?next={next_url}", {"username": username, "password": password, "next": next_url}
    )


def test_a_recruiter_without_an_app_must_set_one_up_then_keeps_recovery_codes(
    client, django_user_model
):
    member(django_user_model, "Recruitment")
    sign_in(client, "sam")

    # The password alone opens nothing: every admin page leads to the setup.
    response = client.get(REGISTER)
    assert response.status_code == 302
    assert response["Location"].startswith(SETUP)
    assert client.get("/admin/")["Location"].startswith(SETUP)

    page = client.get(response["Location"])
    html = BeautifulSoup(page.content, "html.parser")
    assert html.select_one("[data-qr-code] svg") is not None
    secret = html.select_one("[data-secret]").text
    assert len(secret.replace(" ", "")) == 32  # the key, typed in when the QR code cannot be
    assert "must use two-step verification" in page.text
    device = TOTPDevice.objects.get(confirmed=False)
    assert page.context["secret"] == secret
    # Reloading keeps the same key under the person scanning it.
    assert client.get(SETUP).context["secret"] == secret

    wrong = client.post(SETUP, {"code": "000000", "password": "right-password-1"})
    assert "That code is not right" in wrong.text
    bad_password = client.post(SETUP, {"code": current_code(device), "password": "nope"})
    assert "That password is not right" in bad_password.text

    # Each wrong code makes the next try wait (1 s, then 2, 4...): let that second pass.
    TOTPDevice.objects.update(throttling_failure_timestamp=None)
    done = client.post(
        SETUP, {"code": current_code(device), "password": "right-password-1", "next": REGISTER}
    )
    codes_page = client.get(done["Location"])
    codes = [
        c.text
        for c in BeautifulSoup(codes_page.content, "html.parser").select(
            "[data-recovery-codes] code"
        )
    ]
    assert len(codes) == 10 and len(set(codes)) == 10
    # Shown once only.
    assert client.get(done["Location"]).status_code == 302
    assert client.get(REGISTER).status_code == 200

    # Next sign-in: a code is asked for; a recovery code works once.
    client.logout()
    sign_in(client, "sam")
    assert client.get(REGISTER)["Location"].startswith(VERIFY)
    ok = client.post(VERIFY, {"code": codes[0].upper(), "next": REGISTER})
    assert ok["Location"] == REGISTER
    assert client.get(REGISTER).status_code == 200
    assert StaticToken.objects.count() == 9
    client.logout()
    sign_in(client, "sam")
    again = client.post(VERIFY, {"code": codes[0], "next": REGISTER})
    assert "That code is not right, or has been used" in again.text


def test_an_app_code_completes_the_sign_in_and_cannot_be_replayed(client, django_user_model):
    user = member(django_user_model, "Partnerships")
    device = add_authenticator(user)
    sign_in(client, "sam", next_url="/admin/submissions/partnershipenquiry/")
    redirect = client.get("/admin/submissions/partnershipenquiry/")
    assert redirect["Location"].startswith(VERIFY)
    assert "next=%2Fadmin%2Fsubmissions%2Fpartnershipenquiry%2F" in redirect["Location"]

    code = current_code(device)
    response = client.post(VERIFY, {"code": code, "next": "/admin/submissions/partnershipenquiry/"})
    assert response["Location"] == "/admin/submissions/partnershipenquiry/"
    assert client.get("/admin/submissions/partnershipenquiry/").status_code == 200

    client.logout()
    sign_in(client, "sam")
    replay = client.post(VERIFY, {"code": code})
    assert replay.status_code == 200 and "not right" in replay.text


def test_next_cannot_lead_off_the_site(client, django_user_model):
    user = member(django_user_model, "Partnerships")
    device = add_authenticator(user)
    sign_in(client, "sam")
    response = client.post(VERIFY, {"code": current_code(device), "next": "https://evil.example/"})
    assert response["Location"] == "/admin/"


def test_superusers_must_use_it_and_editors_may(client, django_user_model):
    django_user_model.objects.create_superuser("root", "root@example.org", "right-password-1")
    sign_in(client, "root")
    assert client.get("/admin/")["Location"].startswith(SETUP)
    client.logout()

    member(django_user_model, "Editors", name="ed")
    sign_in(client, "ed")
    assert client.get("/admin/").status_code == 200
    status = client.get("/admin/account/two-step/")
    assert "is <strong>off</strong>" in status.text
    # Editors can turn it on...
    assert client.get(SETUP).status_code == 200


def test_an_editor_who_turned_it_on_is_asked_for_a_code_and_may_turn_it_off(
    client, django_user_model
):
    user = member(django_user_model, "Editors", name="ed")
    device = add_authenticator(user)
    sign_in(client, "ed")
    assert client.get("/admin/")["Location"].startswith(VERIFY)
    client.post(VERIFY, {"code": current_code(device)})
    refused = client.post("/admin/account/two-step/", {"password": "wrong"})
    assert "That password is not right" in refused.text
    client.post("/admin/account/two-step/", {"password": "right-password-1"})
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_required_accounts_cannot_turn_it_off(client, django_user_model):
    user = member(django_user_model, "Recruitment")
    device = add_authenticator(user)
    sign_in(client, "sam")
    client.post(VERIFY, {"code": current_code(device)})
    page = client.get("/admin/account/two-step/")
    assert "stays on" in page.text
    client.post("/admin/account/two-step/", {"password": "right-password-1"})
    assert TOTPDevice.objects.filter(user=user).exists()


def test_the_requirement_follows_permissions_not_group_names(client, django_user_model):
    user = member(django_user_model, None)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_partnershipenquiry"),
    )
    sign_in(client, "sam")
    assert client.get("/admin/")["Location"].startswith(SETUP)


def test_development_may_switch_the_requirement_off(client, django_user_model, settings):
    settings.ADMIN_SECOND_FACTOR_REQUIRED = False
    member(django_user_model, "Recruitment")
    sign_in(client, "sam")
    assert client.get(REGISTER).status_code == 200


def test_a_lost_phone_is_reset_by_command(client, django_user_model):
    user = member(django_user_model, "Recruitment")
    add_authenticator(user)
    call_command("reset_two_step", "sam", stdout=io.StringIO())
    assert not TOTPDevice.objects.filter(user=user).exists()
    sign_in(client, "sam")
    assert client.get(REGISTER)["Location"].startswith(SETUP)
