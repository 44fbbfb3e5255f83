"""Turn a refused publish of an unconfirmed case study into a message in the admin.

Most publishing goes through the editor, whose form asks for the safeguarding confirmation.
A reviewer who approves from the dashboard or the workflow list publishes the version in
review as it stands; if it was edited after submission without the confirmation,
`CaseStudyPage.publish()` refuses it inside the workflow's transaction (so nothing changes) and
this middleware tells the reviewer why, instead of an error page.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from .safeguarding import SafeguardingNotConfirmed


class SafeguardingErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, SafeguardingNotConfirmed):
            return None
        messages.error(request, exception.messages[0])
        back = request.headers.get("referer", "")
        if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
            back = reverse("wagtailadmin_home")
        return redirect(back)
