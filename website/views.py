import posixpath
import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseNotFound,
    HttpResponsePermanentRedirect,
)
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.csrf import requires_csrf_token
from django.views.static import serve

from ops.request_id import get_request_id

# Folders of MEDIA_ROOT never served from /media/: Wagtail's documents, which /documents/<id>/
# serves after checking the document's collection privacy.
PRIVATE_MEDIA_FOLDERS = ("documents",)


# What the database being unreachable, hanging (a connect or statement timeout) or restarting
# looks like from a request. Anything else is a 500.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def page_not_found(request, exception=None, template_name="404.html"):
    """The site's 404 page, inside the usual header and footer."""
    body = loader.render_to_string(template_name, {"request_path": request.path}, request)
    return HttpResponseNotFound(body)


def page_not_found_preview(request):
    return page_not_found(request)


def error_page(request, template_name: str, status: int) -> HttpResponse:
    """An error page that needs no database: a plain context, no context processors."""
    context = {
        "request_id": getattr(request, "id", None) or get_request_id(),
        "contact_email": settings.CONTACT_EMAIL,
        "posted": request.method == "POST",
    }
    body = loader.get_template(template_name).render(context)
    return HttpResponse(body, status=status)


def service_unavailable(request) -> HttpResponse:
    """503 with Retry-After: the database cannot be reached, so nothing was saved."""
    response = error_page(request, "503.html", 503)
    response["Retry-After"] = str(settings.SERVICE_UNAVAILABLE_RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """handler500, called for an exception raised anywhere in a request (view or middleware).

    A database that is down or not answering gets the 503 page instead: a temporary failure
    that says so. Django has logged the exception already.
    """
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return service_unavailable(request)
    return error_page(request, template_name, 500)


@requires_csrf_token
def bad_request(request, exception=None, template_name="400.html"):
    return error_page(request, template_name, 400)


@requires_csrf_token
def permission_denied(request, exception=None, template_name="403.html"):
    return error_page(request, template_name, 403)


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; send them to the hashed file."""
    return HttpResponsePermanentRedirect(static("images/favicon.ico"))


def serve_media(request, path):
    """Uploaded images and renditions, when SERVE_MEDIA is on; never documents, whose only way
    out is Wagtail's document view (private collections stay private)."""
    # The path as django.views.static.serve will resolve it (`a/../documents/x` included).
    folder = posixpath.normpath(path.replace("\\", "/")).lstrip("/").split("/", 1)[0]
    if folder in PRIVATE_MEDIA_FOLDERS:
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)
