"""Template helpers for the evidence blocks."""

from django import template

from home.structured_data import json_ld_script

register = template.Library()


@register.filter(is_safe=True)
def json_ld(data):
    """Structured data as <script type="application/ld+json">, escaped like json_script.

    A JSON-LD script is data, not code: browsers do not run it, so the Content-Security-Policy
    (script-src 'self') does not block it.
    """
    return json_ld_script(data)
