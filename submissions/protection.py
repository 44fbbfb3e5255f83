"""Abuse protection for public forms: honeypot, minimum fill time, rate limits.

None of these stop a determined person; together they stop most automated posts at no cost
to people. A post caught by the honeypot or the fill time is stored flagged as spam and
answered exactly as a real one would be (so a bot learns nothing), but sends no email.
"""

import hashlib
import logging
import math
import secrets
import time
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

HONEYPOT_FIELD = "website"
STATE_FIELD = "form_state"
_SALT = "submissions.form-state"
logger = logging.getLogger(__name__)


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


# --- rate limits ----------------------------------------------------------------------------
#
# Each limit has a scope ("apply-start", "enquiry-email"...) and is counted per key: a client
# address, an email address, a draft. `settings.SUBMISSIONS_RATE_LIMITS` gives each scope as
# "count/seconds": a window opens at the first use a key makes of a scope and lasts that many
# seconds; within it, `count` uses are allowed. Counters live in the shared cache (Redis in
# production) under a keyed hash of the key, never the address itself.

# A post repeating one already let through (a double click, a reload) is let through again, at
# most this many times, whatever the count: what it repeats is stored once, and its sender sees
# the confirmation rather than being told the answers were not sent.
MAX_REPEATS = 10


@dataclass(frozen=True)
class Rate:
    """At most `count` uses per window of `seconds`."""

    count: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> "Rate":
        count, _, seconds = str(text).partition("/")
        return cls(int(count), int(seconds or 60))

    def __str__(self) -> str:
        return f"{self.count}/{self.seconds}"


def rate(scope: str) -> Rate:
    """The limit of a scope, from settings.SUBMISSIONS_RATE_LIMITS."""
    try:
        return Rate.parse(settings.SUBMISSIONS_RATE_LIMITS[scope])
    except KeyError:
        raise ImproperlyConfigured(
            f"No rate limit for {scope!r} in SUBMISSIONS_RATE_LIMITS"
        ) from None


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or X-Forwarded-For as set by our own proxies."""
    proxies = settings.SUBMISSIONS_PROXY_COUNT
    if proxies:
        forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [p for p in forwarded if p]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def _digest(value: str) -> str:
    """A keyed hash: the cache never holds an address, and a hash cannot be looked up."""
    return hashlib.blake2b(
        value.encode(), key=settings.SECRET_KEY.encode()[:64], digest_size=16
    ).hexdigest()


def _count(key: str, seconds: int) -> tuple[int, int] | None:
    """Count one use under `key`: (uses in the window so far, seconds until the window ends),
    or None if the cache is unavailable.

    `add` opens the window (it fails if one is open); `incr` is atomic, so concurrent posts
    are all counted. (The cache is used here and for `hit()`'s marks of admitted tokens.)
    """
    now = time.time()
    if cache.add(key, 1, timeout=seconds):
        cache.set(f"{key}:opened", now, timeout=seconds)
        return 1, seconds
    try:
        count = cache.incr(key)
    except ValueError:  # the window closed between add and incr: open another
        cache.set(key, 1, timeout=seconds)
        cache.set(f"{key}:opened", now, timeout=seconds)
        return 1, seconds
    if count is None:  # the cache is down: the production backend answers None, not an error
        return None
    opened = cache.get(f"{key}:opened") or now
    return count, max(1, math.ceil(opened + seconds - now))


def hit(
    scope: str, key: str, *, repeat_of: str | None = None, limit: str | None = None
) -> int | None:
    """Count one use of `scope` by `key`; None if allowed, else the seconds to wait.

    `limit` ("count/seconds") overrides the scope's entry in SUBMISSIONS_RATE_LIMITS, for a
    limit with a setting of its own (the admin's password-reset limit).

    `repeat_of` is the post's idempotency token (a form state's, a draft's): a token this scope
    has let through before is let through again, up to MAX_REPEATS times, without being counted,
    so a double click at the limit reaches the stored submission's confirmation.

    When the cache is down, the post is allowed and a warning logged: a person's form matters
    more than the limit.
    """
    limit = Rate.parse(limit) if limit else rate(scope)
    admitted = f"submissions:rate:{scope}:admitted:{_digest(repeat_of)}" if repeat_of else ""
    if admitted and cache.get(admitted) is not None:
        repeats = _count(f"{admitted}:repeats", limit.seconds)
        if repeats is None or repeats[0] <= MAX_REPEATS:
            return None
    counted = _count(f"submissions:rate:{scope}:{_digest(key)}", limit.seconds)
    if counted is None:
        logger.warning("Rate limit not applied to a %s post: the cache is unavailable", scope)
        return None
    count, remaining = counted
    if count > limit.count:
        return remaining
    if admitted:
        cache.set(admitted, 1, timeout=limit.seconds)
    return None
    return None


def check_rate_limit(
    request, scope: str, *, repeat_of: str | None = None, limit: str | None = None
) -> int | None:
    """Count a post from the client's address; None if allowed, else the seconds to wait."""
    return hit(scope, f"address:{client_ip(request)}", repeat_of=repeat_of, limit=limit)


def check_email_rate_limit(
    scope: str, email: str, *, repeat_of: str | None = None, limit: str | None = None
) -> int | None:
    """Count a use of an email address (in any case); None if allowed, else the seconds to wait."""
    return hit(scope, f"email:{email.strip().lower()}", repeat_of=repeat_of, limit=limit)
