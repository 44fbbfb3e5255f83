from django.shortcuts import render
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a friendly 403 that leads back to the form the post came from.

    The form's URL is the one that was posted to, so going back there (or the browser's Back
    button, which keeps what was typed) gets the person a fresh, valid form.
    """
    admin = request.path.startswith("/admin/")
    return render(
        request,
        "submissions/csrf_failure.html",
        {"form_url": "/admin/" if admin else request.path},
        status=403,
    )
