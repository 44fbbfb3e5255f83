from django.apps import AppConfig


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = "Knowledge hub"

    def ready(self):
        from hub import editorial, signals  # noqa: F401 - connects their signal handlers
