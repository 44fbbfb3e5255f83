"""Settings shared by every environment.

Environment-specific modules (dev, test, production) import everything from here and
override what differs. Nothing secret lives in this file: secrets come from the environment.
"""

import os
from datetime import timedelta
from email.utils import parseaddr
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_overrides(name: str, defaults: dict[str, str]) -> dict[str, str]:
    """`defaults`, with values from a "key=value,..." variable; the key "*" sets every one."""
    values = dict(defaults)
    for item in env_list(name):
        key, _, value = (part.strip() for part in item.partition("="))
        if key != "*" and key not in values:
            raise ImproperlyConfigured(f"{name}: no setting called {key!r}")
        values.update(dict.fromkeys(values if key == "*" else [key], value))
    return values


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "home",
    "taxonomy",
    "hub",
    "casestudies",
    "submissions",
    "listings",
    "ops",
    "accounts",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    # After wagtail.contrib.frontend_cache: it replaces that app's signal handlers.
    "caching",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail_modeladmin",
    "django_tasks",
    "django_tasks_db",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: a request id for everything below, then the health endpoints, answered before the
    # HTTPS redirect, host validation, sessions and the page tree (see ops/health.py).
    "ops.request_id.RequestIdMiddleware",
    "ops.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above the session and CSRF middleware, so it sees the cookies they set.
    "caching.middleware.CacheControlMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.AdminSessionMiddleware",
    "accounts.middleware.SecondFactorMiddleware",
    "accounts.middleware.PasswordResetLimitMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "website.middleware.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "casestudies.middleware.SafeguardingErrorMiddleware",
    "listings.restrictions.RequestMemoMiddleware",
    # The site, its home page and root paths from this process's memory while content stays
    # the same (caching/memo.py).
    "caching.memo.SiteLookupsMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "website.urls"
WSGI_APPLICATION = "website.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite unless DATABASE_URL says otherwise (PostgreSQL in CI and production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # What the planner assumes a page read at random costs, against 1 for a page read in order.
    # PostgreSQL's default (4) is for spinning disks; this database is small enough to be in
    # memory (or on SSD), where 1.1 is the usual setting. With 4, PostgreSQL would rather test
    # every article's search vectors than read the full-text index (listings/migrations/0001) for
    # a common term: 16 to 23 ms against 5 for a hub search with 2,000 articles
    # (docs/performance.md). DB_RANDOM_PAGE_COST changes it; a value set on the server or the
    # role is overridden by this one for the site's connections.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = (  # after any `options` DATABASE_URL gives, not instead of them
        f"{_options.get('options', '')} "
        f"-c random_page_cost={float(os.environ.get('DB_RANDOM_PAGE_COST', '1.1'))}"
    ).strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Whether Django itself serves MEDIA_URL. Off in production, where the web server, object storage
# or a CDN serves uploads; on for a single-machine deployment, the browser tests and benchmarks.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed files served by WhiteNoise; needs `collectstatic`.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# HTTP caching (caching/): how long a shared cache (the front cache, a CDN) may keep a public page,
# and browsers. The front cache is purged when content changes, so the first can be long; the
# second is short, so a browser asks again and gets the fresh page from the front cache.
PUBLIC_CACHE_SECONDS = int(os.environ.get("PUBLIC_CACHE_SECONDS", "600"))
BROWSER_CACHE_SECONDS = int(os.environ.get("BROWSER_CACHE_SECONDS", "0"))
# How long a rendered fragment of a public page stays in Django's cache (caching/fragments.py).
# A change of content replaces the content version in the fragments' keys, so this only bounds
# how long fragments nobody will ask for again take up room.
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "3600"))

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "the-difference",
    }
}

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "The Difference <hello@the-difference.org>"
)
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# --- Faults: alerts, request ids, health, error pages -----------------------------------------
# Who is emailed when something fails (an email task gives up, a server error): comma-separated
# addresses, "Name <address>" allowed. Empty: nobody (errors are still logged).
ADMINS = [parseaddr(address) for address in env_list("ADMINS")]
# Shown on the error pages, which cannot read the site settings (the database may be down).
CONTACT_EMAIL = os.environ.get("CONTACT_EMAIL", "hello@the-difference.org")
# Seconds a browser or client is told to wait (Retry-After) when the database is unavailable.
SERVICE_UNAVAILABLE_RETRY_AFTER = int(os.environ.get("SERVICE_UNAVAILABLE_RETRY_AFTER", "60"))
# Take the request id from X-Request-ID. Only when the proxy in front sets or overwrites it.
REQUEST_ID_TRUST_HEADER = env_bool("REQUEST_ID_TRUST_HEADER", False)
# /health/ready fails when a task has waited this many seconds past its time (worker stopped).
HEALTH_QUEUE_MAX_WAIT = int(os.environ.get("HEALTH_QUEUE_MAX_WAIT", "600"))
# At most one alert email per message per this many seconds (an outage sends one, not hundreds).
ALERT_EMAIL_INTERVAL = int(os.environ.get("ALERT_EMAIL_INTERVAL", "600"))
# Sessions live in the database, never in the cache: a cache outage signs nobody out and loses
# no application in progress.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Background tasks (django-tasks). "default" runs Wagtail's own small tasks at once, as before.
# "durable" keeps tasks in the database until `manage.py db_worker --backend durable` runs them:
# the forms' emails go there, so a mail server outage delays them instead of losing them.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "durable": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}

# Forms (the submissions app): spam and abuse protection, retention, staff notifications.
CSRF_FAILURE_VIEW = "submissions.views.csrf_failure"
SUBMISSIONS_MIN_FILL_SECONDS = float(os.environ.get("SUBMISSIONS_MIN_FILL_SECONDS", "3"))
# Rate limits of the public forms' posts, as "count/seconds": a window opens at a key's first
# post and allows `count` posts in `seconds`. Per client address unless the scope's name ends in
# -email (per email address given) or -draft (per unfinished application). The README explains
# each number: none is reached by a real school behind one shared address.
# SUBMISSIONS_RATE_LIMIT sets the one-page forms' per-address limit; SUBMISSIONS_RATE_LIMITS
# overrides any scope, as "scope=count/seconds,..." ("*=" sets every scope).
SUBMISSIONS_RATE_LIMIT = os.environ.get("SUBMISSIONS_RATE_LIMIT", "20/600")
SUBMISSIONS_RATE_LIMITS = env_overrides(
    "SUBMISSIONS_RATE_LIMITS",
    {
        "enquiry": SUBMISSIONS_RATE_LIMIT,
        "enquiry-email": "10/86400",
        "notify": SUBMISSIONS_RATE_LIMIT,
        "notify-email": "3/86400",
        "eligibility": "60/600",
        "apply-start": "30/3600",
        "apply-step": "600/3600",
        "apply-step-email": "30/3600",
        "apply-send": "20/3600",
        "apply-send-email": "3/86400",
        "resume-link": "20/86400",
        "resume-link-email": "3/86400",
        "resume-open": "20/600",
        "resume-open-draft": "5/3600",
    },
)
# How many reverse proxies in front of the app append to X-Forwarded-For (0: use REMOTE_ADDR).
SUBMISSIONS_PROXY_COUNT = int(os.environ.get("SUBMISSIONS_PROXY_COUNT", "0"))
# Seconds before the first retry of a form's emails after a mail error (doubling after that).
SUBMISSIONS_EMAIL_FIRST_RETRY = int(os.environ.get("SUBMISSIONS_EMAIL_FIRST_RETRY", "60"))
# Emails still unsent this many minutes after a form was sent are "overdue": listed on the
# admin dashboard and reported by `manage.py check_queue`.
SUBMISSIONS_EMAIL_OVERDUE_MINUTES = int(os.environ.get("SUBMISSIONS_EMAIL_OVERDUE_MINUTES", "30"))
# Days a submission is kept before `manage.py purge_expired_submissions` deletes it.
SUBMISSIONS_RETENTION_DAYS = int(os.environ.get("SUBMISSIONS_RETENTION_DAYS", "730"))
# Who is told of a new enquiry (reference and admin link only). Empty: the Partnerships group.
SUBMISSIONS_PARTNERSHIPS_EMAILS = env_list("PARTNERSHIPS_EMAILS")
# Teacher applications: days a sent application is kept, days an unfinished one (and its
# save-and-return link) lasts, and who is told of a new one (empty: the Recruitment group).
APPLICATIONS_RETENTION_DAYS = int(os.environ.get("APPLICATIONS_RETENTION_DAYS", "730"))
APPLICATION_DRAFT_DAYS = int(os.environ.get("APPLICATION_DRAFT_DAYS", "60"))
# Save and return: at most one emailed link per unfinished application per this many seconds
# (the per-address and per-day limits are the "resume-link" scopes above).
APPLICATION_RESUME_LINK_INTERVAL = int(os.environ.get("APPLICATION_RESUME_LINK_INTERVAL", "300"))
APPLICATIONS_RECRUITMENT_EMAILS = env_list("RECRUITMENT_EMAILS")

# --- Staff access and personal data ---------------------------------------------------------
# Days equal-opportunities answers are kept after their cohort's applications close; then
# `purge_expired_submissions` folds them into per-cohort counts and deletes them.
MONITORING_RETENTION_DAYS = int(os.environ.get("MONITORING_RETENTION_DAYS", "365"))
# Documents always go through Wagtail's document view, which checks private collections; never
# straight from /media/ or a storage URL (website.views.serve_media refuses /media/documents/).
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Admin sign-in (django-axes): after ADMIN_LOGIN_FAILURE_LIMIT wrong passwords on one account,
# or from one client address, sign-in is refused for ADMIN_LOGIN_COOLOFF_MINUTES, counted from
# the last failure. The client address is the one the forms' rate limit uses
# (SUBMISSIONS_PROXY_COUNT), so a forged X-Forwarded-For changes nothing.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",  # refuses locked-out sign-ins; a ModelBackend otherwise
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("ADMIN_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("ADMIN_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_CLIENT_IP_CALLABLE = "submissions.protection.client_ip"
AXES_LOCKOUT_CALLABLE = "accounts.views.lockout"
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False  # the time the page gives holds
AXES_VERBOSE = False  # log lines carry no username or address
AXES_DISABLE_ACCESS_LOG = True  # no record of every sign-in's address
AXES_ENABLE_ADMIN = False
# Password-reset requests allowed per client address, and per email address, per window.
ADMIN_PASSWORD_RESET_RATE_LIMIT = os.environ.get("ADMIN_PASSWORD_RESET_RATE_LIMIT", "5/3600")

# Two-step verification (django-otp; accounts/second_factor.py): required for every account
# that can see personal data. Production always requires it; only development may switch it
# off (ADMIN_SECOND_FACTOR_REQUIRED=0), and `check --deploy` refuses that.
ADMIN_SECOND_FACTOR_REQUIRED = True
OTP_TOTP_ISSUER = "The Difference"

# Staff sessions: at most ADMIN_SESSION_HOURS after signing in (the cookie expires then too),
# and ADMIN_SESSION_IDLE_MINUTES without a request to the admin. Visitors' sessions (an
# application in progress) keep Django's default. Messages live in the session, not in a
# cookie of their own.
ADMIN_SESSION_HOURS = int(os.environ.get("ADMIN_SESSION_HOURS", "9"))
ADMIN_SESSION_IDLE_MINUTES = int(os.environ.get("ADMIN_SESSION_IDLE_MINUTES", "30"))
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
# --- end of staff access and personal data --------------------------------------------------

# Security headers that hold in every environment.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

# Content-Security-Policy for public pages: no inline scripts or styles, nothing third-party.
# The Wagtail admin gets a relaxed policy in website.middleware.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "frame-src": ["'none'"],
    }
}
ADMIN_URL_PREFIX = "/admin/"

# Wagtail
WAGTAIL_SITE_NAME = "The Difference"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
# Search: the database backend (PostgreSQL full-text search in production) unless
# WAGTAILSEARCH_BACKEND names another of Wagtail's backends, such as opensearch2 or
# elasticsearch8, at WAGTAILSEARCH_URL (its Python client must be installed; then run
# `manage.py update_index`).
WAGTAILSEARCH_BACKEND = os.environ.get("WAGTAILSEARCH_BACKEND", "database")
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": f"wagtail.search.backends.{WAGTAILSEARCH_BACKEND}"},
}
if WAGTAILSEARCH_BACKEND != "database":
    WAGTAILSEARCH_BACKENDS["default"] |= {
        "URLS": env_list("WAGTAILSEARCH_URL"),
        "INDEX": os.environ.get("WAGTAILSEARCH_INDEX", "the-difference"),
        "TIMEOUT": int(os.environ.get("WAGTAILSEARCH_TIMEOUT", "5")),
    }
WAGTAILIMAGES_FORMAT_CONVERSIONS = {
    "avif": "avif",
    "webp": "webp",
    "bmp": "jpeg",
    "gif": "gif",
}
# Image uploads: at most this many pixels, counting every frame of an animation, checked from
# the file's header before it is decoded; damaged files get a field error (website/images.py).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "website.images.ImageForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILREDIRECTS_AUTO_CREATE = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: the admin policy allows images from this site only, and staff email addresses
# stay here. Avatars are the default image unless a user uploads one.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
# Statistics whose as-of date is older than this many months are listed in the admin's
# Reports > Stale statistics.
STALE_STATISTIC_MONTHS = int(os.environ.get("STALE_STATISTIC_MONTHS", "24"))
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "ops.logs.RequestIdFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        "once_a_minute": {"()": "ops.logs.ThrottleFilter", "seconds": 60},
        "alert_interval": {"()": "ops.logs.ThrottleFilter", "seconds": ALERT_EMAIL_INTERVAL},
    },
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["request_id"],
        },
        # Every ERROR, from anywhere, reaches ADMINS by email (without personal data, at most
        # one per message per ALERT_EMAIL_INTERVAL): a server error, an email task giving up.
        "admins": {
            "class": "ops.logs.AdminAlertHandler",
            "level": "ERROR",
            "filters": ["require_debug_false", "request_id", "alert_interval"],
        },
    },
    "root": {"handlers": ["console", "admins"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own handlers (its debug-only console, its admin emails, which attach the
        # request's data) are replaced by the root logger's.
        "django": {"handlers": [], "level": "INFO"},
        # Bad Host headers are noise from scanners, not errors worth an alert.
        "django.security.DisallowedHost": {"handlers": [], "propagate": False},
        # One line per background task is noise at INFO.
        "django_tasks": {"level": "WARNING"},
        # Repeated on every call or probe while a service is down: once a minute is enough.
        "ops.cache": {"filters": ["once_a_minute"]},
        "ops.health": {"filters": ["once_a_minute"]},
        "submissions.protection": {"filters": ["once_a_minute"]},
    },
}
