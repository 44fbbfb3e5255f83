"""Settings shared by every environment.

Environment-specific modules (dev, test, production) import everything from here and
override what differs. Nothing secret lives in this file: secrets come from the environment.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "home",
    "taxonomy",
    "hub",
    "casestudies",
    "submissions",
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
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above the session and CSRF middleware, so it sees the cookies they set.
    "caching.middleware.CacheControlMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "website.middleware.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "casestudies.middleware.SafeguardingErrorMiddleware",
    "taxonomy.listing.RequestMemoMiddleware",
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
SERVER_EMAIL = DEFAULT_FROM_EMAIL

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
# At most this many form posts per client IP address per window (seconds): "posts/seconds".
SUBMISSIONS_RATE_LIMIT = os.environ.get("SUBMISSIONS_RATE_LIMIT", "20/600")
# How many reverse proxies in front of the app append to X-Forwarded-For (0: use REMOTE_ADDR).
SUBMISSIONS_PROXY_COUNT = int(os.environ.get("SUBMISSIONS_PROXY_COUNT", "0"))
# Days a submission is kept before `manage.py purge_expired_submissions` deletes it.
SUBMISSIONS_RETENTION_DAYS = int(os.environ.get("SUBMISSIONS_RETENTION_DAYS", "730"))
# Who is told of a new enquiry (reference and admin link only). Empty: the Partnerships group.
SUBMISSIONS_PARTNERSHIPS_EMAILS = env_list("PARTNERSHIPS_EMAILS")
# Teacher applications: days a sent application is kept, days an unfinished one (and its
# save-and-return link) lasts, and who is told of a new one (empty: the Recruitment group).
APPLICATIONS_RETENTION_DAYS = int(os.environ.get("APPLICATIONS_RETENTION_DAYS", "730"))
APPLICATION_DRAFT_DAYS = int(os.environ.get("APPLICATION_DRAFT_DAYS", "60"))
APPLICATIONS_RECRUITMENT_EMAILS = env_list("RECRUITMENT_EMAILS")

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
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILREDIRECTS_AUTO_CREATE = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
# Statistics whose as-of date is older than this many months are listed in the admin's
# Reports > Stale statistics.
STALE_STATISTIC_MONTHS = int(os.environ.get("STALE_STATISTIC_MONTHS", "24"))
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Bad Host headers are noise from scanners, not errors worth an alert.
        "django.security.DisallowedHost": {"handlers": [], "propagate": False},
        # One line per background task is noise at INFO.
        "django_tasks": {"level": "WARNING"},
    },
}
