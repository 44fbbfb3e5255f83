"""When a member of staff signs in, their session's clock starts (accounts.middleware ends the
session after the working day or half an hour idle, and caps a "remember me" cookie)."""

import time

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
