"""An email backend that behaves like a mail server that is down."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class FailingEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class RefusingExceptAdminsBackend(BaseEmailBackend):
    """A mail server that refuses every message except those to settings.ADMINS, which it
    keeps in django.core.mail.outbox (as the locmem backend does)."""

    def send_messages(self, email_messages):
        from django.conf import settings
        from django.core import mail

        admins = {address for _, address in settings.ADMINS}
        for message in email_messages:
            if not set(message.recipients()) <= admins:
                raise smtplib.SMTPRecipientsRefused({})
            mail.outbox.append(message)
        return len(email_messages)
