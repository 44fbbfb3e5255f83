"""`{% prepare_page %}`: at the start of a page's fragments (base.html), fetch together what
drawing the page needs beyond its own row (`BasePage.prepare_to_draw`). Inside the fragments, so
a page served from the fragment cache fetches none of it."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def prepare_page(context) -> str:
    prepare = getattr(context.get("page"), "prepare_to_draw", None)
    if prepare is not None:
        prepare()
    return ""
