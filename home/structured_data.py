"""schema.org structured data (JSON-LD) that every part of the site shares.

The organisation and the website (with the site search as a `SearchAction`) on the home page;
a `BreadcrumbList` on every page below it, mirroring the breadcrumbs readers see. Feature apps
describe their own pages (hub articles in `hub/citations.py`, case studies in
`casestudies/structured_data.py`) and refer to the organisation built here.

A JSON-LD script is data, not code: browsers never run it, so the Content-Security-Policy
(script-src 'self', no inline scripts) leaves it alone. `json_ld_script()` escapes it as
Django's `json_script` does, so nothing in the data can close the element early.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from wagtail.models import Site

SCHEMA = "https://schema.org"
ORGANISATION_NAME = "The Difference"
SEARCH_TERM = "search_term_string"

# As django.utils.html.json_script: no "</script>" or "<!--" can end the element early.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data) -> SafeString:
    """`data` as a <script type="application/ld+json"> element; nothing for no data."""
    if not data:
        return mark_safe("")
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


def site_root_url(request) -> str:
    """The site's address with a trailing slash, as its Site record gives it."""
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        return f"{site.root_url}/"
    return request.build_absolute_uri("/") if request is not None else "/"


def absolute_url(request, path: str) -> str:
    """`path` (from the site's root) on the site's own address, as page addresses are built."""
    return site_root_url(request).rstrip("/") + path


def organisation_id(root_url: str) -> str:
    return f"{root_url}#organisation"


def organisation(request, site_settings=None) -> dict:
    """The charity, from Settings > Site settings: contact details, registration, profiles."""
    root = site_root_url(request)
    data = {
        "@type": "Organization",
        "@id": organisation_id(root),
        "name": ORGANISATION_NAME,
        "url": root,
        "logo": {
            "@type": "ImageObject",
            "url": absolute_url(request, static("images/apple-touch-icon.png")),
            "width": 180,
            "height": 180,
        },
        "description": "A UK education charity that places exceptional mainstream teachers in "
        "their first senior leadership post in alternative provision, trains them, and sends "
        "them back to mainstream schools as inclusion leaders.",
    }
    if site_settings is not None:
        if site_settings.contact_email:
            data["email"] = site_settings.contact_email
        if site_settings.contact_telephone:
            data["telephone"] = site_settings.contact_telephone
        if site_settings.address:
            data["address"] = {
                "@type": "PostalAddress",
                "streetAddress": ", ".join(
                    line.strip() for line in site_settings.address.splitlines() if line.strip()
                ),
                "addressCountry": "GB",
            }
        identifiers = [
            {"@type": "PropertyValue", "propertyID": name, "value": value}
            for name, value in (
                ("Registered charity number (England and Wales)", site_settings.charity_number),
                ("Company number", site_settings.company_number),
            )
            if value
        ]
        if identifiers:
            data["identifier"] = identifiers
        same_as = [item.value["url"] for item in site_settings.social_links]
        if same_as:
            data["sameAs"] = same_as
    return data


def organisation_reference(request) -> dict:
    """The organisation as the author or publisher of a page: its name, address and @id."""
    root = site_root_url(request)
    return {
        "@type": "Organization",
        "@id": organisation_id(root),
        "name": ORGANISATION_NAME,
        "url": root,
    }


def website(request, site_name: str = "") -> dict:
    """The website, and how to search it (Google's sitelinks search box reads this)."""
    root = site_root_url(request)
    search = absolute_url(request, reverse("search"))
    return {
        "@type": "WebSite",
        "@id": f"{root}#website",
        "name": site_name or ORGANISATION_NAME,
        "url": root,
        "inLanguage": "en-GB",
        "publisher": {"@id": organisation_id(root)},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{{SEARCH_TERM}}}"},
            "query-input": f"required name={SEARCH_TERM}",
        },
    }


def home_page_graph(request, site_settings=None, site_name: str = "") -> dict:
    return {
        "@context": SCHEMA,
        "@graph": [organisation(request, site_settings), website(request, site_name)],
    }


def breadcrumb_list(crumbs: list[tuple[str, str]]) -> dict:
    """A BreadcrumbList from (name, absolute URL) pairs, the home page first, this page last."""
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def page_breadcrumbs(page, request) -> list[tuple[str, str]]:
    """The breadcrumbs readers see (navigation/breadcrumbs.html), with absolute addresses:
    the pages above `page` from the home page down ("Home" for the home page), then `page`.
    Served pages know their ancestors from routing: no query."""
    crumbs = []
    for ancestor in page.get_breadcrumbs():
        name = "Home" if ancestor.depth == 2 else ancestor.title
        crumbs.append((name, ancestor.get_full_url(request)))
    own_url = getattr(page, "full_url", None) or page.get_full_url(request)
    crumbs.append((page.title, own_url))
    return crumbs
