from django.apps import AppConfig


class HubConfig(AppConfig):
    name = "hub"
    verbose_name = "Knowledge hub"

    def ready(self):
        # Imported once the app registry is ready, as Django requires of signal receivers.
        from hub import editorial, signals  # noqa: F401 - connects their signal handlers
