"""Error tracking sends what went wrong, never who was involved."""

import sentry_sdk
from sentry_sdk.transport import Transport

from ops.request_id import request_id_scope
from ops.sentry import init_sentry


class Captured(Transport):
    def __init__(self, options=None):
        super().__init__(options)
        self.events = []

    def capture_envelope(self, envelope):
        for item in envelope.items:
            if item.type == "event":
                self.events.append(item.payload.json)


def test_events_carry_the_request_id_and_no_personal_data():
    transport = Captured()
    init_sentry("https://public@sentry.invalid/1", transport=transport, integrations=[])
    try:
        with request_id_scope("req-7"):
            event = {
                "message": "Internal Server Error: /expression-of-interest/",
                "request": {
                    "url": "https://www.example.org/apply/resume/?token=abc.def",
                    "method": "POST",
                    "query_string": "token=abc.def",
                    "data": {"email": "gill.example@example.com", "contact_name": "Gill"},
                    "cookies": {"sessionid": "s3cret"},
                    "headers": {"Cookie": "sessionid=s3cret", "User-Agent": "Firefox"},
                },
                "extra": {"email": "gill.example@example.com", "reference": "EOI-7K3Q9M"},
            }
            sentry_sdk.capture_event(event)
        sentry_sdk.flush()
    finally:
        sentry_sdk.get_client().close()
        sentry_sdk.init()  # no DSN: off again for the rest of the run

    (sent,) = transport.events
    text = str(sent)
    assert sent["tags"]["request_id"] == "req-7"
    assert sent["request"]["url"] == "https://www.example.org/apply/resume/"
    assert sent["request"]["headers"] == {"User-Agent": "Firefox"}
    assert "EOI-7K3Q9M" in text
    for secret in ("gill.example@example.com", "Gill", "s3cret", "abc.def"):
        assert secret not in text
