"""Pages served by a route rather than by a Page of their own: author pages, topic pages, search.

base.html and its includes (title, SEO and sharing tags, breadcrumbs, the current section in the
navigation) read `page`. A `SubPage` answers the same questions (title, address, description,
breadcrumbs), so routed pages get all of that without templates of their own for it.
"""

from dataclasses import dataclass


@dataclass
class SubPage:
    parent: object  # the Page whose route serves this one: the last link of the breadcrumbs
    title: str
    url: str
    full_url: str
    seo_title: str = ""
    meta_description: str = ""
    sharing_image: object = None

    @property
    def depth(self) -> int:
        return self.parent.depth + 1

    @property
    def sharing_description(self) -> str:
        return self.meta_description

    def get_breadcrumbs(self):
        if self.parent.depth <= 2:  # the site's home page: nothing above it to show
            return [self.parent]
        return [*self.parent.get_breadcrumbs(), self.parent]
