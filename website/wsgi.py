import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.production")
# This process serves web requests: production settings give its database connections a
# statement timeout, which migrations, commands and the worker do not get.
os.environ.setdefault("DJANGO_WEB_PROCESS", "1")

application = get_wsgi_application()
