from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "caching"
    verbose_name = "HTTP caching"

    def ready(self):
        from caching import signals

        signals.connect()
