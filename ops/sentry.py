"""Optional error tracking with Sentry (or a compatible service), only when SENTRY_DSN is set.

Events carry no personal data: no user or IP address, no request bodies, no local variables
or SQL values are collected (`data_collection`), cookies are removed, the query string (a save-and-return token, a
search) is dropped, and the scrubber also removes fields named like the forms' personal ones.
Each event is tagged with the request id, the same one the logs and the error pages show.
ERROR log lines become events too (Sentry's logging integration), so an email task that gives up
reaches the tracker as well as the admins' inbox.
"""

import sentry_sdk
from sentry_sdk.scrubber import DEFAULT_DENYLIST, DEFAULT_PII_DENYLIST, EventScrubber

from .request_id import get_request_id

# Field names of the forms' personal data, scrubbed wherever they appear in an event.
PERSONAL_FIELDS = [
    "email",
    "contact_name",
    "contact_role",
    "telephone",
    "phone",
    "first_name",
    "last_name",
    "name",
    "postcode",
    "address",
    "referee_name",
    "referee_email",
    "statements",
    "answers",
    "token",
]


# Sentry ignores `event_scrubber` once `data_collection` is set, so scrub_event runs it itself.
SCRUBBER = EventScrubber(
    denylist=DEFAULT_DENYLIST + PERSONAL_FIELDS, pii_denylist=DEFAULT_PII_DENYLIST, recursive=True
)


def scrub_event(event: dict, hint: dict) -> dict:
    SCRUBBER.scrub_event(event)
    request = event.get("request")
    if isinstance(request, dict):
        for key in ("data", "cookies", "query_string", "env"):
            request.pop(key, None)
        headers = request.get("headers")
        if isinstance(headers, dict):
            for name in list(headers):
                if name.lower() in {"cookie", "referer", "x-forwarded-for", "x-real-ip"}:
                    del headers[name]
        if isinstance(request.get("url"), str):
            request["url"] = request["url"].split("?", 1)[0]
    request_id = get_request_id()
    if request_id:
        event.setdefault("tags", {})["request_id"] = request_id
    return event


def init_sentry(
    dsn: str, *, environment: str = "production", release: str | None = None, **options
):
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release,
        # Nothing about people: no user, no request bodies, no variables of stack frames, no
        # values of SQL queries. Cookies and query strings are removed by scrub_event.
        data_collection={
            "user_info": False,
            "http_bodies": [],
            "stack_frame_variables": False,
            "database_query_data": False,
        },
        before_send=scrub_event,
        traces_sample_rate=0,
        **options,
    )
