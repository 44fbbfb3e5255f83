"""Wagtail's `{% image %}`, `{% srcset_image %}` and `{% picture %}`, with their filters made once.

Wagtail's tags make new `Filter` objects on every render, and working out a filter's operations
(which inspects each operation's signature) is about a third of what a picture costs to draw: a
listing of twelve cards pays it 72 times. A filter holds nothing about the image it is applied to,
so each tag here keeps the filters it made the first time, for every later render. Same syntax and
output as Wagtail's (`{% load image_tags %}` instead of `wagtailimages_tags`).
"""

from django import template

from wagtail.images.templatetags import wagtailimages_tags as wagtail_tags

register = template.Library()


class ImageNode(wagtail_tags.ImageNode):
    def get_filter(self):
        if "_filter" not in self.__dict__:
            self._filter = super().get_filter()
        return self._filter


class SrcsetImageNode(wagtail_tags.SrcsetImageNode):
    def get_filters(self):
        if "_filters" not in self.__dict__:
            self._filters = super().get_filters()
        return self._filters


class PictureNode(wagtail_tags.PictureNode):
    def get_filters(self):
        if "_filters" not in self.__dict__:
            self._filters = super().get_filters()
        return self._filters


NODES = {
    wagtail_tags.ImageNode: ImageNode,
    wagtail_tags.SrcsetImageNode: SrcsetImageNode,
    wagtail_tags.PictureNode: PictureNode,
}


def image(parser, token):
    """Wagtail's parsing, then the node that keeps its filters."""
    node = wagtail_tags.image(parser, token)
    kept = NODES[type(node)]
    return kept(
        node.image_expr, node.filter_specs, attrs=node.attrs, output_var_name=node.output_var_name
    )


register.tag("image", image)
register.tag("srcset_image", image)
register.tag("picture", image)
