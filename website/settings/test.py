"""Test settings: fast and deterministic. DATABASE_URL selects PostgreSQL (as CI does)."""

import os
from pathlib import Path

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# In-process tests read emails from django.core.mail.outbox. The browser tests' server runs in
# another process, so they set EMAIL_BACKEND to the file-based backend and EMAIL_FILE_PATH to a
# folder of their own, and read the messages from there.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or "django.core.mail.backends.locmem.EmailBackend"
if os.environ.get("EMAIL_FILE_PATH"):
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
# The browser tests give their server processes a media folder of their own.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "test-media")  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# The browser tests' server runs several gunicorn workers: they share one cache (and so one
# count for each rate limit) through files in a folder of the server's own.
if os.environ.get("CACHE_DIR"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ["CACHE_DIR"],
        }
    }
# Background tasks run at once; the tests that prove durability switch "durable" to the database.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "durable": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}

# --- Staff access (see base.py) --------------------------------------------------------------
# Django's test client signs in without a request, which django-axes refuses: off here, on in
# the tests of the lock-out (and always in production). Tests of staff pages sign in with a
# verified second step (tests/accounts/support.py) or switch the requirement on themselves.
AXES_ENABLED = env_bool("AXES_ENABLED", False)
ADMIN_SECOND_FACTOR_REQUIRED = env_bool("ADMIN_SECOND_FACTOR_REQUIRED", False)
# --- end of staff access ----------------------------------------------------------------------
