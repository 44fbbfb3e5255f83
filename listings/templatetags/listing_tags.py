"""`{% filter_options facet options %}`: a facet's options as checkboxes, for filter_panel.html.

Drawn here rather than by including a template per option: a hub with sixty authors has a
hundred options, and an include costs each of them more than its markup."""

from django import template
from django.utils.html import format_html, format_html_join
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
    return format_html_join(
        "\n",
        "{}",
        (
            (
                format_html(
                    OPTION,
                    param=facet.param,
                    value=option.value,
                    checked=mark_safe(" checked") if option.selected else "",
                    label=option.label,
                    count=option.count,
                    noun="result" if option.count == 1 else "results",
                ),
            )
            for option in options
        ),
    )
