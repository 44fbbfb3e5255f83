"""Rich text helpers."""

from wagtail.rich_text import expand_db_html

# An HTML comment survives Wagtail's link and embed rewriting untouched.
_SEPARATOR = "<!--home-rich-text-split-->"


def expand_rich_text_many(values: list[str]) -> list[str]:
    """Expand the internal links of several rich text values with one pass, so one query.

    Wagtail's `richtext` filter resolves the page and document links of each value on its own:
    one query per value that has links. Expanding them together costs one query per link type,
    however many values there are.
    """
    if not values:
        return []
    expanded = expand_db_html(_SEPARATOR.join(value or "" for value in values))
    parts = expanded.split(_SEPARATOR)
    if len(parts) != len(values):  # a value contained the separator itself: do them one by one
        return [expand_db_html(value or "") for value in values]
    return parts
