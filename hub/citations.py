"""How an article is cited: APA 7 and BibTeX text, and its schema.org JSON-LD.

Rendered on the server into <pre><code> inside a <details>, so readers can select and copy them
without JavaScript; hub.js only adds a Copy button.
"""

import re

from django.utils.text import slugify

PUBLISHER = "The Difference"
SCHOLARLY_TYPES = {"research", "enquiry", "review"}
_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def _long_date(date) -> str:
    return f"{date.year}, {date:%B} {date.day}"


def _sentence(text: str) -> str:
    """Text ending with a full stop, unless it ends with its own punctuation."""
    text = text.strip()
    return text if text[-1:] in {".", "?", "!"} else f"{text}."


def apa_authors(people) -> str:
    names = [f"{person.family_name}, {person.initials}".strip() for person in people]
    if not names:
        return PUBLISHER
    if len(names) == 1:
        return names[0]
    if len(names) <= 20:
        return ", ".join(names[:-1]) + ", & " + names[-1]
    return ", ".join(names[:19]) + ", . . . " + names[-1]


def apa(article, url: str) -> str:
    """APA 7: a page on a website, or a conference presentation for talks."""
    authors = apa_authors(article.author_people)
    authors = authors if authors.endswith(".") else f"{authors}."
    if article.is_talk and article.event_name:
        when = article.event_date or article.first_published
        where = ", ".join(part for part in (article.event_name, article.event_venue) if part)
        title = article.title.rstrip(".")
        return f"{authors} ({_long_date(when)}). {title} [Conference presentation]. {where}. {url}"
    return f"{authors} ({_long_date(article.first_published)}). {_sentence(article.title)} {PUBLISHER}. {url}"


def bibtex_escape(text: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in text)


def bibtex_key(article) -> str:
    people = article.author_people
    name = slugify(people[0].family_name) if people else "difference"
    words = [w for w in slugify(article.title).split("-") if len(w) > 3] or ["article"]
    return re.sub(r"[^a-z0-9]", "", f"{name}{article.first_published.year}{words[0]}")


def bibtex(article, url: str) -> str:
    people = article.author_people
    authors = " and ".join(
        f"{bibtex_escape(p.family_name)}, {bibtex_escape(p.given_names)}" for p in people
    )
    if article.is_talk and article.event_name:
        where = ", ".join(part for part in (article.event_name, article.event_venue) if part)
        published = f"Presentation at {where}"
        date = article.event_date or article.first_published
    else:
        published = PUBLISHER
        date = article.first_published
    fields = [
        ("author", authors or PUBLISHER),
        ("title", "{" + bibtex_escape(article.title) + "}"),
        ("year", str(date.year)),
        ("month", date.strftime("%b").lower()),
        ("howpublished", bibtex_escape(published)),
        ("note", bibtex_escape(article.type_label)),
        ("url", url),
    ]
    lines = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{bibtex_key(article)},\n{lines}\n}}"


def json_ld(article, url: str, *, site_url: str, author_urls: dict, image_url: str = "") -> dict:
    """schema.org ScholarlyArticle (research, enquiries, reviews) or Article."""
    modified = article.last_reviewed or (
        article.last_published_at.date() if article.last_published_at else None
    )
    data = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle" if article.article_type in SCHOLARLY_TYPES else "Article",
        "headline": article.title[:110],
        "name": article.title,
        "description": article.standfirst,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": "en-GB",
        "genre": article.type_label,
        "datePublished": article.first_published.isoformat(),
        "dateModified": (modified or article.first_published).isoformat(),
        "timeRequired": f"PT{article.reading_time}M",
        "author": [
            {
                "@type": "Person",
                "name": person.name,
                **({"url": author_urls[person.pk]} if person.pk in author_urls else {}),
                **({"jobTitle": person.role} if person.role else {}),
                **(
                    {"affiliation": {"@type": "Organization", "name": person.school}}
                    if person.school
                    else {}
                ),
            }
            for person in article.author_people
        ],
        "publisher": {"@type": "Organization", "name": PUBLISHER, "url": site_url},
        "about": [{"@type": "Thing", "name": topic.name} for topic in article.topics.all()],
        "keywords": ", ".join(topic.name for topic in article.topics.all()),
    }
    if image_url:
        data["image"] = image_url
    if article.is_talk and article.event_name:
        event = {"@type": "Event", "name": article.event_name}
        if article.event_venue:
            event["location"] = {"@type": "Place", "name": article.event_venue}
        if article.event_date:
            event["startDate"] = article.event_date.isoformat()
        data["recordedAt"] = event
    return data
