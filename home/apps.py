from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site pages"

    def ready(self):
        # Imported once the app registry is ready, as Django requires of signal receivers.
        from home import navigation  # noqa: F401 - connects the cache-clearing signals
