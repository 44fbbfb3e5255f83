from django import template

from wagtail.models import Site

from home.models import SiteSettings
from home.navigation import get_navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """The header and footer links of the current site: {'primary_navigation': [NavLink], ...}."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {}
    return get_navigation(SiteSettings.for_request(request), request)
