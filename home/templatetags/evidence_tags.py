"""Template helpers for the evidence blocks."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# The same escapes as Django's json_script: no "</script>" or "<!--" can end the element early.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter(is_safe=True)
def json_ld(data):
    """Structured data as <script type="application/ld+json">, escaped like json_script.

    A JSON-LD script is data, not code: browsers do not run it, so the Content-Security-Policy
    (script-src 'self') does not block it.
    """
    if not data:
        return ""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308
