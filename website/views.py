import posixpath

from django.conf import settings
from django.http import (
    Http404,
    HttpResponseNotFound,
    HttpResponsePermanentRedirect,
    HttpResponseServerError,
)
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.csrf import requires_csrf_token
from django.views.static import serve

# Folders of MEDIA_ROOT never served from /media/: Wagtail's documents, which /documents/<id>/
# serves after checking the document's collection privacy.
PRIVATE_MEDIA_FOLDERS = ("documents",)


def page_not_found(request, exception=None, template_name="404.html"):
    """The site's 404 page, inside the usual header and footer."""
    body = loader.render_to_string(template_name, {"request_path": request.path}, request)
    return HttpResponseNotFound(body)


def page_not_found_preview(request):
    return page_not_found(request)


@requires_csrf_token
def server_error(request, template_name="500.html"):
    """Rendered without a request context: nothing here may touch the database."""
    body = loader.get_template(template_name).render()
    return HttpResponseServerError(body)


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
