"""What every admin request passes through: two-step verification, the session's time limits
and the password-reset limit."""

import time
from datetime import UTC, datetime
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

from wagtail.admin import messages

from submissions.protection import check_email_rate_limit, check_rate_limit

from . import second_factor
from .views import password_reset_limited

# Admin pages that must work before the second step: signing in and out, the second step
# itself, and what their pages load.
BEFORE_SECOND_STEP = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "accounts_two_step_verify",
    "accounts_two_step_setup",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}
# Requests the admin's pages make by themselves (an open editor tells the server every few
# seconds that it is still open): they are not activity.
BACKGROUND_NAMESPACES = {"wagtailadmin_editing_sessions"}

SESSION_STARTED = "accounts.started_at"
SESSION_SEEN = "accounts.seen_at"
SEEN_GRANULARITY = 60  # seconds: the session is written at most once a minute for this


def _is_admin(request) -> bool:
    return request.path_info.startswith(settings.ADMIN_URL_PREFIX)


def _login_redirect(request, to: str):
    return redirect(f"{reverse(to)}?{urlencode({'next': request.get_full_path()})}")


class AdminSessionMiddleware:
    """Staff sessions end `ADMIN_SESSION_HOURS` after signing in, and after
    `ADMIN_SESSION_IDLE_MINUTES` without a request to the admin (background requests of an
    open page do not count). The next admin request then signs the person out and asks them
    to sign in again, returning to the page they asked for."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not (_is_admin(request) and request.user.is_authenticated):
            return None
        session, now = request.session, time.time()
        started = session.setdefault(SESSION_STARTED, now)
        seen = session.get(SESSION_SEEN, started)
        idle = now - seen > settings.ADMIN_SESSION_IDLE_MINUTES * 60
        if now - started > settings.ADMIN_SESSION_HOURS * 3600 or idle:
            logout(request)
            messages.warning(
                request,
                "You were signed out after "
                + (
                    f"{settings.ADMIN_SESSION_IDLE_MINUTES} minutes without activity"
                    if idle
                    else f"{settings.ADMIN_SESSION_HOURS} hours"
                )
                + ". Sign in again to carry on.",
            )
            return _login_redirect(request, "wagtailadmin_login")
        # "Remember me" keeps the cookie, but never past the working day. The end is a fixed
        # moment, so once set the session is not written again for it on every request.
        day_ends = datetime.fromtimestamp(started + settings.ADMIN_SESSION_HOURS * 3600, tz=UTC)
        if not session.get_expire_at_browser_close() and session.get_expiry_date() > day_ends:
            session.set_expiry(day_ends)
        match = request.resolver_match
        if match.namespace not in BACKGROUND_NAMESPACES and now - seen >= SEEN_GRANULARITY:
            session[SESSION_SEEN] = now
        return None


class SecondFactorMiddleware:
    """After the password, the admin asks for the second step: a code from the authenticator
    app of an account that has one, and setting one up for an account that must
    (`second_factor.is_required`). Runs after django-otp's OTPMiddleware, which tells whether
    this session is verified."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not (_is_admin(request) and user.is_authenticated) or user.is_verified():
            return None
        if request.resolver_match.url_name in BEFORE_SECOND_STEP:
            return None
        if second_factor.confirmed_devices(user):
            return _login_redirect(request, "accounts_two_step_verify")
        if second_factor.is_required(user):
            return _login_redirect(request, "accounts_two_step_setup")
        return None


class PasswordResetLimitMiddleware:
    """Password-reset requests are limited per client address and per email address
    (`ADMIN_PASSWORD_RESET_RATE_LIMIT`), so the form cannot be used to flood a mailbox or to
    probe accounts quickly. The addresses are counted as keyed hashes, never stored."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or (
            request.resolver_match.url_name != "wagtailadmin_password_reset"
        ):
            return None
        limit = settings.ADMIN_PASSWORD_RESET_RATE_LIMIT
        waits = [check_rate_limit(request, "password-reset", limit=limit)]
        email = request.POST.get("email", "").strip().lower()
        if email:
            waits.append(check_email_rate_limit("password-reset-email", email, limit=limit))
        wait = max((w for w in waits if w is not None), default=None)
        if wait is not None:
            return password_reset_limited(request, wait)
        return None
