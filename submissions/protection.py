"""Abuse protection for public forms: honeypot, minimum fill time, per-IP rate limit.

None of these stop a determined person; together they stop most automated posts at no cost
to people. A post caught by the honeypot or the fill time is stored flagged as spam and
answered exactly as a real one would be (so a bot learns nothing), but sends no email.
"""

import hashlib
import secrets
import time
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache

HONEYPOT_FIELD = "website"
STATE_FIELD = "form_state"
_SALT = "submissions.form-state"


class HoneypotInput(forms.TextInput):
    """A text box people never see or hear: hidden by CSS and from assistive technology."""

    def __init__(self):
        super().__init__(attrs={"autocomplete": "off", "tabindex": "-1"})


@dataclass(frozen=True)
class FormState:
    """What the form page signed into its hidden field: a token and the time it was shown."""

    token: str
    issued_at: float
    valid: bool = True

    @classmethod
    def issue(cls) -> "FormState":
        return cls(token=secrets.token_urlsafe(24), issued_at=time.time())

    def sign(self) -> str:
        return signing.dumps({"t": self.token, "at": round(self.issued_at, 3)}, salt=_SALT)

    @classmethod
    def read(cls, value: str | None) -> "FormState":
        """The state a post carried; a fresh, invalid one if it was missing or tampered with."""
        try:
            data = signing.loads(value or "", salt=_SALT)
            return cls(token=str(data["t"])[:64], issued_at=float(data["at"]))
        except (signing.BadSignature, KeyError, TypeError, ValueError):
            return cls(token=secrets.token_urlsafe(24), issued_at=time.time(), valid=False)

    def filled_too_fast(self, now: float | None = None) -> bool:
        return ((now or time.time()) - self.issued_at) < settings.SUBMISSIONS_MIN_FILL_SECONDS


def spam_reasons(data, state: FormState) -> list[str]:
    """Why a post looks automated (empty when it does not). Reasons are logged: no content."""
    reasons = []
    if data.get(HONEYPOT_FIELD):
        reasons.append("honeypot")
    if not state.valid:
        reasons.append("form-state")
    elif state.filled_too_fast():
        reasons.append("too-fast")
    return reasons


# --- rate limit ---------------------------------------------------------------------------


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or X-Forwarded-For as set by our own proxies."""
    proxies = settings.SUBMISSIONS_PROXY_COUNT
    if proxies:
        forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [p for p in forwarded if p]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def rate_limit(setting: str | None = None) -> tuple[int, int]:
    """(posts, seconds) from a "posts/seconds" setting: the forms' own by default."""
    posts, _, seconds = (setting or settings.SUBMISSIONS_RATE_LIMIT).partition("/")
    return int(posts), int(seconds or 60)


def check_rate_limit(
    request, scope: str, *, limit: str | None = None, identity: str | None = None
) -> int | None:
    """Count this post; None if allowed, else the seconds until the window ends.

    Counted per client address (or per `identity`, such as an email address), `limit` posts
    per window as "posts/seconds" (the forms' SUBMISSIONS_RATE_LIMIT by default). The cache key
    holds a keyed hash of the address, never the address itself. Fixed windows in the shared
    cache (Redis in production): cheap, and good enough to stop floods.
    """
    limit, window = rate_limit(limit)
    now = int(time.time())
    window_start = now - now % window
    digest = hashlib.blake2b(
        (identity if identity is not None else client_ip(request)).encode(),
        key=settings.SECRET_KEY.encode()[:64],
        digest_size=16,
    ).hexdigest()
    key = f"submissions:rate:{scope}:{digest}:{window_start}"
    cache.add(key, 0, timeout=window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=window + 5)
        count = 1
    if count > limit:
        return window_start + window - now
    return None
