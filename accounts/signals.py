"""When a member of staff signs in: their session's clock starts, and its cookie expires with
the session's working-day limit."""

import time

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .middleware import SESSION_SEEN, SESSION_STARTED


@receiver(user_logged_in, dispatch_uid="accounts.start_session_clock")
def start_session_clock(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    now = time.time()
    request.session[SESSION_STARTED] = now
    request.session[SESSION_SEEN] = now
    request.session.set_expiry(settings.ADMIN_SESSION_HOURS * 3600)
