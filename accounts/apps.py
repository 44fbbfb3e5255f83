from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Staff accounts"

    def ready(self):
        from . import checks, signals  # noqa: F401 (system checks and signal receivers)
