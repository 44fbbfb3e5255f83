"""Production: everything secret or site-specific comes from the environment.

Required: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, EMAIL_HOST (and friends). Recommended:
REDIS_URL, WAGTAILADMIN_BASE_URL. See the README for the full list.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = False

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("Set SECRET_KEY in the environment.")
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("Set ALLOWED_HOSTS (comma-separated) in the environment.")
CSRF_TRUSTED_ORIGINS = [f"https://{host.lstrip('.')}" for host in ALLOWED_HOSTS]  # noqa: F405

# TLS is terminated by the load balancer or reverse proxy, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_SAMESITE = "Lax"

CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True  # noqa: F405

# --- Staff access (see base.py): never switched off here, whatever the environment says ----
ADMIN_SECOND_FACTOR_REQUIRED = True
AXES_ENABLED = True
# "__Host-" cookies are sent only over HTTPS, for this host and every path, and cannot be set
# by a sibling subdomain.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
# --- end of staff access ----------------------------------------------------------------

# --- Cache (faults): Redis as a speed-up, never a dependency ---------------------------------
# Shared across app servers when REDIS_URL is set; per-process memory otherwise. A Redis that is
# down or not answering makes pages slower, not broken: django-redis ignores its errors (a miss),
# short socket timeouts bound each call, and after a failure this process skips Redis for
# CACHE_RETRY_AFTER seconds (ops/cache.py). Sessions are in the database (base.py).
if REDIS_URL := os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "ops.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "the-difference",
            "TIMEOUT": 300,
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("CACHE_CONNECT_TIMEOUT", "0.5")),
                "SOCKET_TIMEOUT": float(os.environ.get("CACHE_SOCKET_TIMEOUT", "0.5")),
                "RETRY_AFTER": float(os.environ.get("CACHE_RETRY_AFTER", "10")),
            },
        }
    }

# Form emails are recorded as sent once the backend has taken them, so a backend that drops
# them (dummy, console, locmem) would lose them silently. Production sends through SMTP only,
# and refuses to start without a mail server.
if not os.environ.get("EMAIL_HOST"):
    raise ImproperlyConfigured(
        "Set EMAIL_HOST (and EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS) "
        "in the environment: the forms' emails to applicants, schools and staff go through it. "
        "Production does not start without a mail server, so no email is ever silently lost."
    )
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ["EMAIL_HOST"]
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 587))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = 10

# Keep database connections open between requests under gunicorn.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DB_CONN_MAX_AGE", 60))  # noqa: F405

# --- Database (faults): fail fast, with a 503 ---------------------------------------------------
# A database that is down or does not answer gives a quick 503 page (website/views.py), never a
# request that hangs until gunicorn kills its worker: connecting gives up after
# DB_CONNECT_TIMEOUT seconds and, in web processes only, a statement is cancelled after
# DB_STATEMENT_TIMEOUT seconds. Migrations, management commands and the worker (no
# DJANGO_WEB_PROCESS, which website/wsgi.py sets) have no statement timeout.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    _db_options = DATABASES["default"].setdefault("OPTIONS", {})  # noqa: F405
    _db_options["connect_timeout"] = int(os.environ.get("DB_CONNECT_TIMEOUT", "3"))
    if env_bool("DJANGO_WEB_PROCESS"):
        _timeout_ms = int(float(os.environ.get("DB_STATEMENT_TIMEOUT", "5")) * 1000)
        _db_options["options"] = (
            f"{_db_options.get('options', '')} -c statement_timeout={_timeout_ms}".strip()
        )

# --- Error tracking (faults): Sentry only when SENTRY_DSN is set, without personal data -------
if SENTRY_DSN := os.environ.get("SENTRY_DSN"):
    from ops.sentry import init_sentry

    init_sentry(
        SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        release=os.environ.get("SENTRY_RELEASE") or None,
    )

# --- Media in object storage, and the front cache -------------------------------------------
# Kept in one block, apart from the rest. README "Scaling to several app servers" and
# "The front cache" describe both; `make stack` runs them (deploy/stack.py).

# Uploads in an S3-compatible bucket when AWS_STORAGE_BUCKET_NAME is set (django-storages; the
# credentials come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the machine's role).
# Otherwise files stay under MEDIA_ROOT. Names are never reused (a new upload with the same name
# gets a suffix), so a cached file never changes under its URL.
if AWS_STORAGE_BUCKET_NAME := os.environ.get("AWS_STORAGE_BUCKET_NAME", ""):
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_ADDRESSING_STYLE = os.environ.get("AWS_S3_ADDRESSING_STYLE") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_S3_SIGNATURE_VERSION = "s3v4"
    AWS_S3_FILE_OVERWRITE = False
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "public, max-age=86400"}
    STORAGES["default"] = {"BACKEND": "website.storage.MediaStorage"}  # noqa: F405
    if AWS_S3_CUSTOM_DOMAIN:
        for directive in ("img-src", "media-src"):
            CONTENT_SECURITY_POLICY["DIRECTIVES"][directive].append(  # noqa: F405
                f"https://{AWS_S3_CUSTOM_DOMAIN.split('/')[0]}"
            )
# Documents always go through Wagtail's serve view, which enforces private collections, never
# by a redirect to the file.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Purge the front cache when content changes (caching/). FRONTEND_CACHE_URL is Varnish's address
# as the app servers reach it (Wagtail's HTTP backend sends it PURGE requests). A CDN instead:
# FRONTEND_CACHE_CLOUDFLARE_ZONEID with CLOUDFLARE_BEARER_TOKEN, or
# FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID (AWS credentials as for the bucket).
WAGTAILFRONTENDCACHE = {}
if FRONTEND_CACHE_URL := os.environ.get("FRONTEND_CACHE_URL", ""):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": FRONTEND_CACHE_URL,
    }
if zone := os.environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID", ""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
        "ZONEID": zone,
    }
if distribution := os.environ.get("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID", ""):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": distribution,
    }
# --- end of media and front cache -----------------------------------------------------------
