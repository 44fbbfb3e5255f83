"""URLs that fail on purpose, for tests/website/test_error_pages.py."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.db import OperationalError
from django.http import HttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from website.urls import handler400, handler403, handler404, handler500  # noqa: F401


def denied(request):
    raise PermissionDenied


def suspicious(request):
    raise SuspiciousOperation("odd")


def broken(request):
    raise RuntimeError("a bug")


@csrf_exempt
def database_gone(request):
    raise OperationalError("connection timeout expired")


class DatabaseGoneMiddleware:
    """A middleware whose database call fails, as a session or user lookup would."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raise OperationalError("server closed the connection unexpectedly")


def fine(request):
    return HttpResponse("fine")


urlpatterns = [
    path("denied/", denied),
    path("suspicious/", suspicious),
    path("broken/", broken),
    path("database-gone/", database_gone),
    path("fine/", fine),
]
