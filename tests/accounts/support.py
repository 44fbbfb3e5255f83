"""Signing in as staff do in the tests: with the second step done where the account has one."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def add_authenticator(user) -> TOTPDevice:
    """A confirmed authenticator app for the account, as set up in the admin."""
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def current_code(device: TOTPDevice) -> str:
    """The code the person's app shows now."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def sign_in_verified(client, user) -> None:
    """Signed in, second step done: as after entering the password and the app's code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or add_authenticator(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
