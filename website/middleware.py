from django.conf import settings

from csp.middleware import CSPMiddleware, PolicyParts


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict site policy everywhere, relaxed for the Wagtail admin.

    Wagtail's admin (and the previews it frames) relies on inline styles and scripts, data: and
    blob: images and same-origin frames. Public pages get none of that.
    """

    ADMIN_POLICY = {
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
    }

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(settings.ADMIN_URL_PREFIX):
            return PolicyParts(
                config=parts.config,
                update=parts.update,
                replace={**(parts.replace or {}), **self.ADMIN_POLICY},
                nonce=parts.nonce,
            )
        return parts
