from django.conf import settings

from csp.middleware import CSPMiddleware, PolicyParts


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict site policy everywhere, relaxed for the Wagtail admin and its previews.

    Wagtail's admin relies on inline styles and scripts, data: and blob: images and same-origin
    frames. Public pages get none of that, and no one may frame them.

    A preview is the public page rendered for the admin: Wagtail renders it through the whole
    middleware chain again with a stand-in request for the page's public address, marked
    `is_preview`, and returns that response from the admin's preview URL. It keeps the public
    policy, so an editor sees what readers will get, except that the admin (the same origin) may
    frame it: the editor's preview panel and its accessibility checks live in that frame.
    """

    ADMIN_POLICY = {
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
    PREVIEW_POLICY = {
        "frame-ancestors": ["'self'"],
    }

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if getattr(request, "is_preview", False):
            policy = self.PREVIEW_POLICY
        elif request.path_info.startswith(settings.ADMIN_URL_PREFIX):
            policy = self.ADMIN_POLICY
        else:
            return parts
        return PolicyParts(
            config=parts.config,
            update=parts.update,
            replace={**(parts.replace or {}), **policy},
            nonce=parts.nonce,
        )
