from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site pages"

    def ready(self):
        from home import navigation  # noqa: F401 - connects the cache-clearing signals
