from django.http import HttpResponseNotFound, HttpResponsePermanentRedirect, HttpResponseServerError
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.csrf import requires_csrf_token


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
