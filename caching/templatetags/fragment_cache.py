"""`{% pagefragment %}` and `{% sitefragment %}`: parts of public pages rendered once, then read
from the shared cache until content, code or settings change (caching/fragments.py says how they
are keyed, and who gets them).

    {% load fragment_cache %}
    {% pagefragment "body" year %}...{% endpagefragment %}   this address (with its query string)
    {% sitefragment "footer" year %}...{% endsitefragment %}  every page of the site

The names after the fragment's are resolved in the context and added to its key (anything the
fragment shows that the address, the content and the code do not decide: the year in a footer).
A page fragment needs a `page` in the context: an address that is not a page (a 404) is rendered
each time rather than filling the cache with whatever addresses are asked for.
"""

from django import template

from caching import fragments

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on, per_page):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on
        self.per_page = per_page

    def render(self, context):
        request = context.get("request")
        if request is None or (self.per_page and context.get("page") is None):
            return self.nodelist.render(context)
        return fragments.render(
            request,
            self.name,
            lambda: self.nodelist.render(context),
            [var.resolve(context) for var in self.vary_on],
            per_page=self.per_page,
        )


def _fragment_tag(tag_name: str, per_page: bool):
    def compile_tag(parser, token):
        nodelist = parser.parse((f"end{tag_name}",))
        parser.delete_first_token()
        bits = token.split_contents()
        if len(bits) < 2:
            raise template.TemplateSyntaxError(f"'{bits[0]}' needs the fragment's name.")
        name = bits[1].strip("\"'")
        vary_on = [parser.compile_filter(bit) for bit in bits[2:]]
        return FragmentNode(nodelist, name, vary_on, per_page)

    register.tag(tag_name, compile_tag)


_fragment_tag("pagefragment", per_page=True)
_fragment_tag("sitefragment", per_page=False)
