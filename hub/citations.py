"""How an article is cited: APA 7 and BibTeX text, its schema.org JSON-LD and the Highwire
Press `citation_*` tags Google Scholar reads.

APA and BibTeX are rendered on the server into <pre><code> inside a <details>, so readers can
select and copy them without JavaScript; hub.js only adds a Copy button. The Scholar tags say
the same as "Cite this": the same title, authors in the same order, the same date (`cited_date`)
and the same publisher, so a reader who cites from Scholar cites what the page says.
"""

import html
import re

from django.utils.html import strip_tags
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


def is_presentation(article) -> bool:
    """A talk with its event: cited as a conference presentation."""
    return bool(article.is_talk and article.event_name)


def cited_date(article):
    """The date every citation gives: the day of the talk for a presentation, else the day
    the work was first published."""
    if is_presentation(article):
        return article.event_date or article.first_published
    return article.first_published


def apa(article, url: str) -> str:
    """APA 7: a page on a website, or a conference presentation for talks."""
    authors = apa_authors(article.author_people)
    authors = authors if authors.endswith(".") else f"{authors}."
    if is_presentation(article):
        when = cited_date(article)
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
    date = cited_date(article)
    if is_presentation(article):
        where = ", ".join(part for part in (article.event_name, article.event_venue) if part)
        published = f"Presentation at {where}"
    else:
        published = PUBLISHER
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


def reference_texts(article) -> list[str]:
    """The article's references as plain text, in the order of its references list, each
    followed by its address when it has one."""
    for child in article.body or []:
        if child.block_type == "references":
            texts = []
            for reference in child.value["references"]:
                text = " ".join(html.unescape(strip_tags(reference["citation"].source)).split())
                if reference["url"]:
                    text = f"{text} {reference['url']}"
                texts.append(text)
            return texts
    return []


def highwire_tags(article, url: str, *, pdf_url: str = "") -> list[tuple[str, str]]:
    """The `citation_*` meta tags Google Scholar documents, as (name, content) pairs.

    One `citation_author` per author, in the byline's order, "Family, Given" as in BibTeX; the
    publisher (these are not journal articles), and for a talk its conference too; the PDF when
    one is attached; one `citation_reference` per reference.
    """
    people = article.author_people
    tags = [("citation_title", article.title)]
    if people:
        tags += [("citation_author", f"{p.family_name}, {p.given_names}") for p in people]
    else:
        tags.append(("citation_author", PUBLISHER))
    tags.append(("citation_publication_date", cited_date(article).strftime("%Y/%m/%d")))
    if is_presentation(article):
        tags.append(("citation_conference_title", article.event_name))
    tags += [
        ("citation_publisher", PUBLISHER),
        ("citation_language", "en"),
        ("citation_abstract_html_url", url),
    ]
    if pdf_url:
        tags.append(("citation_pdf_url", pdf_url))
    topics = [topic.name for topic in article.topics.all()]
    if topics:
        tags.append(("citation_keywords", "; ".join(topics)))
    tags += [("citation_reference", text) for text in reference_texts(article)]
    return tags
