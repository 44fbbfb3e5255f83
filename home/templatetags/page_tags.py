"""`{% prepare_page %}`, `{% link_url %}` and `{% parent_url %}`.

`{% prepare_page %}`: at the start of a page's fragments (base.html), fetch together what
drawing the page needs beyond its own row (`BasePage.prepare_to_draw`). Inside the fragments, so
a page served from the fragment cache fetches none of it."""

from django import template

from wagtail.models import Page

register = template.Library()


@register.simple_tag(takes_context=True)
def prepare_page(context) -> str:
    page, request = context.get("page"), context.get("request")
    if request is not None and isinstance(page, Page):
        # The page's own addresses (`page.url`, `page.full_url` in the header and the head)
        # from the site root paths this request already has (remembered per content version
        # for anonymous requests: caching/memo.py), not another cache round trip, or a query
        # when the cache has been cleared.
        page._wagtail_cached_site_root_paths = page._get_site_root_paths(request)
    prepare = getattr(page, "prepare_to_draw", None)
    if prepare is not None:
        prepare()
    return ""


@register.simple_tag(takes_context=True)
def link_url(context, link) -> str:
    """`{% link_url value %}`: a LinkBlock's address (a page's, or the URL given), worked out
    with the request, as `{% pageurl %}` does."""
    return link.url_for(context.get("request"))


@register.simple_tag(takes_context=True)
def parent_url(context, page) -> str:
    """`{% parent_url page %}`: the address of an article's or case study's index, from the
    page's own address (`BasePage.parent_url_for`), worked out with the request."""
    return page.parent_url_for(context.get("request"))
