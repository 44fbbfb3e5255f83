from django.apps import AppConfig, apps


class CachingConfig(AppConfig):
    name = "caching"
    verbose_name = "HTTP caching"

    def ready(self):
        from wagtail.contrib.settings.models import BaseSiteSetting
        from wagtail.models import ReferenceIndex

        from caching import signals

        signals.connect()
        # The reference index then knows which pages the site settings link to (the header
        # and footer, on every page): a change to one of those purges the whole site.
        for model in apps.get_models():
            if issubclass(model, BaseSiteSetting):
                ReferenceIndex.register_model(model)
