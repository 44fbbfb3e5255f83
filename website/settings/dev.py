"""Local development: `make run`. SQLite, console email, local-memory cache."""

import os

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = True
# A development-only key; production refuses to start without SECRET_KEY in the environment.
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-not-secret-8f2c1e9a7d4b6305")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

# Serve un-hashed files straight from static/ so edits show without collectstatic.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
SERVE_MEDIA = True
WHITENOISE_AUTOREFRESH = True
# Form emails go straight to the console: no `manage.py db_worker` to run alongside runserver.
# Production keeps them in the database until the worker sends them (see the README).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "durable": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}

# --- Staff access (see base.py) --------------------------------------------------------------
# `make run`'s demo admin signs in with a password alone unless ADMIN_SECOND_FACTOR_REQUIRED=1.
# Development only: production always requires the second step.
ADMIN_SECOND_FACTOR_REQUIRED = env_bool("ADMIN_SECOND_FACTOR_REQUIRED", False)
# --- end of staff access ----------------------------------------------------------------------
