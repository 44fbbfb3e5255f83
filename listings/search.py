"""Search for listings: the query cleaned before any backend sees it, hits ranked in one
query, excerpts with the terms highlighted, and the words of a StreamField for excerpts.

`q` is cut to `MAX_QUERY_LENGTH` characters and reduced to at most `MAX_TERMS` distinct words,
so quotes, operators and 10,000-character queries cost no more than a short one.
"""

import re

from django.db.models import QuerySet
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from wagtail.search.backends import get_search_backend

MAX_QUERY_LENGTH = 200  # characters of `q` read at all
MAX_TERMS = 12  # words of `q` sent to the search backend
MAX_SEARCH_RESULTS = 1000  # hits read from the backend, best first
WORD = re.compile(r"\w+")


def stream_text(stream_value) -> str:
    """The words of a StreamField, read from its stored JSON: no block, image or page is loaded.

    For excerpts and word counts. Strings under keys that hold references or settings rather
    than words (images, links, levels...) are left out, and HTML is reduced to its text.
    """
    if not stream_value:
        return ""
    return " ".join(_words(block.get("value")) for block in stream_value.raw_data).strip()


_NOT_WORDS = {
    "image", "document", "page", "level", "key", "url", "external_url", "source_url", "style",
    "type", "id", "decorative", "alt_text", "platform", "as_of",
}  # fmt: skip


def _words(value) -> str:
    if isinstance(value, str):
        return strip_tags(value) if "<" in value else value
    if isinstance(value, dict):
        return " ".join(_words(v) for k, v in value.items() if k not in _NOT_WORDS)
    if isinstance(value, list):
        return " ".join(_words(item) for item in value)
    return ""


def clean_query(raw: str | None) -> tuple[str, list[str]]:
    """The query as typed (cut short), and the distinct lower-case words to search for.

    Only words reach the backend: quotes, brackets, `AND`/`OR`/`NOT`, `-`, `*` and `:` mean
    nothing special here, on any backend.
    """
    query = (raw or "")[:MAX_QUERY_LENGTH].strip()
    terms: list[str] = []
    for word in WORD.findall(query.lower()):
        if word not in terms:
            terms.append(word)
        if len(terms) == MAX_TERMS:
            break
    return query, terms


def search_ids(queryset: QuerySet, terms: list[str], limit: int = MAX_SEARCH_RESULTS) -> list:
    """Primary keys of the items matching every term, most relevant first (one query)."""
    if not terms:
        return []
    backend = get_search_backend()
    results = backend.search(
        " ".join(terms), queryset.only("pk"), operator="and", order_by_relevance=True
    )[:limit]
    as_queryset = getattr(results, "get_queryset", None)
    if as_queryset is not None:
        # The database backends rank in SQL: read the keys alone, building no model instances.
        return list(as_queryset().values_list("pk", flat=True))
    return [item.pk for item in results]


_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ies", "es", "ed", "s")


def _stem(term: str) -> str:
    """A crude stem, so `reintegration` also marks `reintegrating` (display only)."""
    for suffix in _SUFFIXES:
        if len(term) - len(suffix) >= 4 and term.endswith(suffix):
            return term[: -len(suffix)]
    return term


def _pattern(terms):
    stems = sorted({_stem(t) for t in terms if t}, key=len, reverse=True)
    if not stems:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + r")\w*", re.IGNORECASE)


def highlight(text: str, terms, length: int | None = None) -> SafeString:
    """`text` escaped, with the search terms wrapped in <mark>, cut to an excerpt of `length`.

    The text is split at the matches first and every piece is escaped on its own, so nothing in
    the text (or the query) can inject markup, and a term can never match inside an entity.
    With `length`, the excerpt starts a little before the first match, on a word boundary.
    """
    text = " ".join((text or "").split())
    pattern = _pattern(terms)
    if length and len(text) > length:
        first = pattern.search(text) if pattern else None
        start = 0
        if first and first.start() > length // 3:
            start = text.rfind(" ", 0, first.start() - length // 3) + 1
        end = start + length
        if end < len(text):
            end = text.rfind(" ", start, end) if " " in text[start:end] else end
        text = ("… " if start else "") + text[start:end].strip() + (" …" if end < len(text) else "")
    if not pattern:
        return escape(text)
    pieces, position = [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece above is escaped
