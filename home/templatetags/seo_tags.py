"""Structured data and sharing for any page: `{% site_json_ld %}` on the home page,
`{% breadcrumb_json_ld %}` on every page below it (base.html), `json_ld` for any dict."""

from django import template

from wagtail.models import Site

from home import sharing_cards, structured_data
from home.models import SiteSettings

register = template.Library()


@register.filter(is_safe=True)
def json_ld(data):
    """Structured data as <script type="application/ld+json"> (data, which CSP allows)."""
    return structured_data.json_ld_script(data)


@register.simple_tag(takes_context=True)
def site_json_ld(context):
    """The organisation and the website, with its search, for the home page."""
    request = context.get("request")
    if request is None:
        return ""
    site = Site.find_for_request(request)
    site_settings = SiteSettings.for_request(request) if site is not None else None
    return structured_data.json_ld_script(
        structured_data.home_page_graph(
            request, site_settings, site.site_name if site is not None else ""
        )
    )


@register.simple_tag(takes_context=True)
def breadcrumb_json_ld(context):
    """A BreadcrumbList of the page's breadcrumbs, as shown above its content."""
    page, request = context.get("page"), context.get("request")
    if page is None or request is None or getattr(page, "depth", 0) <= 2:
        return ""
    return structured_data.json_ld_script(
        structured_data.breadcrumb_list(structured_data.page_breadcrumbs(page, request))
    )


@register.simple_tag(takes_context=True)
def sharing_card_url(context, page):
    """The address of the card drawn for `page` (home/sharing_cards.py), for pages that have
    no image to be shared with: hub articles and case studies."""
    request = context.get("request")
    if page is None or request is None or not getattr(page, "pk", None):
        return ""
    return sharing_cards.card_full_url(page, request)
