from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo import load


class Command(BaseCommand):
    help = (
        "Build the demo site in code: pages, images, navigation and footer. Safe to run again: "
        "anything that exists already is left alone."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            context = load()
            # Each other app with a `demo` module adds its own content, in INSTALLED_APPS order.
            for app in apps.get_app_configs():
                if app.name == "home" or find_spec(f"{app.name}.demo") is None:
                    continue
                import_module(f"{app.name}.demo").load(context)

        if context.created:
            for item in context.created:
                self.stdout.write(f"  created {item}")
            self.stdout.write(
                self.style.SUCCESS(f"Demo content loaded ({len(context.created)} items).")
            )
        else:
            self.stdout.write("Demo content already present; nothing changed.")
