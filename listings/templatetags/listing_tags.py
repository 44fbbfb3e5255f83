"""`{% filter_options facet options %}`: a facet's options as checkboxes, for filter_panel.html.

Drawn here rather than by including a template per option: a hub with sixty authors has a
hundred options, and an include costs each of them more than its markup."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

OPTION = (
    '<li class="filter-option">'
    '<input class="filter-option__input" type="checkbox" name="{param}" value="{value}" '
    'id="filter-{param}-{value}"{checked}>'
    '<label class="filter-option__label" for="filter-{param}-{value}">{label} '
    '<span class="filter-option__count">({count}<span class="visually-hidden"> {noun}</span>)'
    "</span></label></li>"
)


@register.simple_tag
def filter_options(facet, options) -> str:
    # Every value from the content is escaped here (`escape`), once; the rest is this module's
    # markup. format_html would do the same through conditional_escape, at twice the cost for a
    # hundred options.
    param = escape(facet.param)
    return mark_safe(  # noqa: S308 - every value above and below is escaped
        "\n".join(
            OPTION.format(
                param=param,
                value=escape(option.value),
                checked=" checked" if option.selected else "",
                label=escape(option.label),
                count=int(option.count),
                noun="result" if option.count == 1 else "results",
            )
            for option in options
        )
    )
