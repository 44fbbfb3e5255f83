"""Demo content for the knowledge hub: people, the hub, articles, the editorial workflow, and a
"Knowledge hub" link in the main navigation.

Called by `manage.py load_demo_content` after the home and taxonomy loaders. Idempotent: people
are found by slug, the hub and its articles by slug under their parent, and what exists is left
as it is.
"""

import io

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

from home.demo.images import get_or_create_image
from home.demo.loader import ensure_navigation_link, ensure_page
from hub.editorial import ensure_editorial_workflow
from hub.models import ArticleAuthor, ArticlePage, HubFeaturedArticle, HubIndexPage, Person
from taxonomy.models import Phase, SettingType, Topic

from . import content

HUB_SLUG = "hub"
HUB_FIELDS = {
    "title": "Knowledge hub",
    "introduction": (
        "Research, practitioner enquiries, talks and reflections by Difference Leaders: what "
        "they have learnt leading in alternative provision and in mainstream schools."
    ),
    "search_description": (
        "Research and practice on exclusion, alternative provision and inclusion, written by "
        "Difference Leaders. Search, filter by topic, and cite."
    ),
}
FIGURE_IMAGE = (
    "Demo: reintegration figure",
    "Abstract illustration standing in for a diagram of child, family and system factors",
    "sky",
)
FIGURE = {
    "caption": "Factors at the level of the child, the family and the system, and the barriers "
    "between them",
    "source": "Demo illustration",
    "long_description": "Three overlapping areas labelled child, family and system. Where they "
    "overlap, the pupil's return is planned together; at the edges sit the barriers: late "
    "places, late records and no one funded to follow the pupil.",
}
DOCUMENT_TITLE = "Demo: reintegration enquiry summary"


def minimal_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a few lines of text, built by hand (no library needed)."""
    text = "BT /F1 14 Tf 72 760 Td 18 TL " + " ".join(
        "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") '"
        for line in lines
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s ET\nendstream" % (len(text) + 3, text.encode("latin-1")),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()


def ensure_document(context):
    Document = get_document_model()
    document = Document.objects.filter(title=DOCUMENT_TITLE).first()
    if document is None:
        pdf = minimal_pdf(
            [
                "What makes for a successful reintegration from PRU to mainstream school?",
                "Demo document for the knowledge hub of The Difference.",
            ]
        )
        document = Document(title=DOCUMENT_TITLE)
        document.file.save("reintegration-enquiry-summary.pdf", ContentFile(pdf), save=False)
        document.save()
        context.note(f"document {DOCUMENT_TITLE}")
    return document


def ensure_people(context) -> dict[str, Person]:
    people = {}
    for spec in content.PEOPLE:
        person = Person.objects.filter(slug=spec["slug"]).first()
        if person is None:
            person = Person(**spec, live=True)
            person.save()
            person.save_revision().publish()
            context.note(f"person {person.name}")
        people[spec["slug"]] = person
    return people


def article_fields(spec, people, figure_image, document) -> dict:
    body = []
    for block in spec["body"]:
        if block["type"] == "figure":
            block = {
                "type": "figure",
                "value": {
                    "image": {"image": figure_image.pk, "decorative": False, "alt_text": ""},
                    **FIGURE,
                },
            }
        body.append(block)
    return {
        "title": spec["title"],
        "standfirst": spec["standfirst"],
        "article_type": spec["article_type"],
        "event_name": spec.get("event_name", ""),
        "event_venue": spec.get("event_venue", ""),
        "first_published": spec["first_published"],
        "last_reviewed": spec.get("last_reviewed"),
        "phase": Phase.objects.filter(slug=spec.get("phase")).first(),
        "document": document if spec.get("document") else None,
        "body": body,
        "authors": [
            ArticleAuthor(person=people[slug], sort_order=number)
            for number, slug in enumerate(spec["authors"])
        ],
        "topics": list(Topic.objects.filter(slug__in=spec["topics"])),
        "setting_types": list(SettingType.objects.filter(slug__in=spec["setting_types"])),
    }


def load(context):
    people = ensure_people(context)
    hub = ensure_page(context, context.home, HubIndexPage, HUB_SLUG, **HUB_FIELDS)
    context.pages["hub"] = hub
    figure_image, made = get_or_create_image("hub-figure", *FIGURE_IMAGE)
    if made:
        context.note(f"image {FIGURE_IMAGE[0]}")
    document = ensure_document(context)

    articles = {}
    for spec in content.ARTICLES:
        articles[spec["slug"]] = ensure_page(
            context,
            hub,
            ArticlePage,
            spec["slug"],
            **article_fields(spec, people, figure_image, document),
        )

    if not hub.featured_articles.exists():
        for number, slug in enumerate(content.FEATURED):
            HubFeaturedArticle.objects.create(hub=hub, article=articles[slug], sort_order=number)
        hub.save_revision().publish()
        context.note("featured articles")

    for made in ensure_editorial_workflow([hub]):
        context.note(made)
    ensure_navigation_link(context, hub, "Knowledge hub")
    return context
