from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site pages"

    def ready(self):
        # Imported once the app registry is ready, as Django requires of signal receivers.
        from wagtail.models import ReferenceIndex

        from home.models import SiteSettings

        # Wagtail indexes the references of pages and snippets by itself, not of settings. With
        # the site settings indexed, a page linked from the navigation or the footer says so in
        # its usage count, and unpublishing, moving or deleting it warns the editor first.
        ReferenceIndex.register_model(SiteSettings)
