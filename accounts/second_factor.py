"""Two-step verification for the admin: an authenticator app (TOTP) and recovery codes.

Built on django-otp: a `TOTPDevice` is the authenticator app (six-digit codes that change every
30 seconds; a code is accepted once, and wrong codes slow further tries down), a `StaticDevice`
holds ten single-use recovery codes for when the phone is lost. A session is *verified* once a
code from either has been entered in it (`django_otp.login`).

Who must use it: anyone who can see applicants' or schools' personal data in the admin
(`submissions.access.sees_personal_data`: superusers, the Partnerships and Recruitment teams,
readers of the equal-opportunities report, and whoever is given those permissions later), when
`ADMIN_SECOND_FACTOR_REQUIRED` is on (always in production). Anyone else may turn it on; once
they have, every sign-in asks for a code.
"""

import base64

from django.conf import settings
from django.db import transaction

import segno
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from submissions.access import sees_personal_data

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"


def is_required(user) -> bool:
    """Must this account verify with a second factor before using the admin?"""
    return bool(settings.ADMIN_SECOND_FACTOR_REQUIRED) and sees_personal_data(user)


def has_second_factor(user) -> bool:
    """Has this account set up an authenticator app (recovery codes alone do not count)?"""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def confirmed_devices(user) -> list:
    return list(devices_for_user(user, confirmed=True))


def unconfirmed_app(user) -> TOTPDevice:
    """The authenticator app being set up: the same secret until it is confirmed, so reloading
    the page does not change the QR code under the person scanning it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").last()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def secret_text(device: TOTPDevice) -> str:
    """The secret as an app asks for it when typed in: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG QR code (no request, no image file)."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=4, dark="#0b0c0c", light="#ffffff", title="QR code for your authenticator app"
    )


def new_recovery_codes(user) -> list[str]:
    """Replace the account's recovery codes with ten new ones, returned once for showing."""
    with transaction.atomic():
        device, _ = StaticDevice.objects.get_or_create(
            user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def confirm_app(device: TOTPDevice, token: str) -> bool:
    """Confirm an app being set up with a code it shows; other unconfirmed ones go."""
    if not device.verify_token(token):
        return False
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    return True


def verify(user, token: str):
    """The device a code belongs to (an app code, or a recovery code, which is then used up),
    or None. Each device slows down repeated wrong codes (django-otp's throttling)."""
    token = "".join(token.split()).lower()
    if not token:
        return None
    for device in confirmed_devices(user):
        if device.verify_token(token):
            return device
    return None


def remove_all(user) -> None:
    """Turn two-step verification off for an account (or reset it for a lost phone)."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
