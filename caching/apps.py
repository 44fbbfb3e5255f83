from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "caching"
    verbose_name = "HTTP caching"

    def ready(self):
        from caching import content_version, signals  # noqa: F401 (connects the receivers)

        signals.connect()
