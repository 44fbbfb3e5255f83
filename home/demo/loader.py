import os
from dataclasses import dataclass, field

from wagtail.models import Page, Site

from home.models import (
    EligibilityCriterion,
    HomePage,
    PartnerPage,
    ProgrammePage,
    ResearchPage,
    SelectionCompetency,
    SiteSettings,
    StandardPage,
)

from . import content, evidence, programme
from .documents import get_or_create_document
from .images import get_or_create_image


@dataclass
class DemoContext:
    """What one run of the loader has built so far; later apps' loaders read it."""

    site: Site
    home: HomePage
    pages: dict[str, Page] = field(default_factory=dict)
    images: dict = field(default_factory=dict)
    # "statistics" and "testimonials" (dicts by key) and "faqs" (a list), from home/demo/evidence.py
    evidence: dict = field(default_factory=dict)
    documents: dict = field(default_factory=dict)
    created: list[str] = field(default_factory=list)

    def note(self, what: str) -> None:
        self.created.append(what)


def ensure_page(context: DemoContext, parent: Page, model, slug: str, **fields):
    """The child of `parent` with this slug, created and published if it does not exist."""
    existing = parent.get_children().filter(slug=slug).specific().first()
    if existing is not None:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    context.note(f"page {page.url_path}")
    return page


def ensure_navigation_link(context: DemoContext, page: Page, label: str) -> None:
    """Append a link to `page` to the header's main navigation, unless it is there or full."""
    settings = SiteSettings.for_site(context.site)
    links = settings.primary_navigation.raw_data
    if any(link["value"].get("page") == page.pk for link in links):
        return
    stream_block = SiteSettings._meta.get_field("primary_navigation").stream_block
    if stream_block.meta.max_num and len(links) >= stream_block.meta.max_num:
        return  # the header is full: an editor chooses what to drop
    block = stream_block.child_blocks["link"]
    settings.primary_navigation.append(
        ("link", block.to_python({"label": label, "page": page.pk, "external_url": ""}))
    )
    settings.save()
    context.note(f"navigation link to {page.title}")


def cta(page, heading, text, label, style="primary"):
    """A call-to-action block linking to `page`, as raw stream data."""
    return {
        "type": "call_to_action",
        "value": {
            "heading": heading,
            "text": text,
            "link": {"label": label, "page": page.pk, "external_url": ""},
            "style": style,
        },
    }


def links_to(stream, page) -> bool:
    """Whether any block of this stream (at any depth of its raw data) links to the page."""

    def walk(value):
        if isinstance(value, dict):
            if value.get("page") == page.pk or f"/{page.slug}/" in str(
                value.get("external_url", "")
            ):
                return True
            return any(walk(v) for v in value.values())
        if isinstance(value, list):
            return any(walk(v) for v in value)
        return False

    return walk(list(stream.raw_data))


def add_link(context, target, field, block, what, page):
    """Append a call to action to `page` to one of the target page's streams, unless one
    links there already or the stream is full (the editor then chooses)."""
    stream_field = next((f for f in target._meta.fields if f.name == field), None)
    stream_block = getattr(stream_field, "stream_block", None)
    if stream_block is None or block["type"] not in stream_block.child_blocks:
        context.note(f"NOT linked from {what}: it has no {field} stream with calls to action")
        return
    stream = getattr(target, field)
    if links_to(stream, page):
        return
    max_num = stream_block.meta.max_num
    if max_num is not None and len(stream) >= max_num:
        context.note(f"NOT linked from {what}: {field} already holds {max_num} blocks")
        return
    setattr(target, field, [*stream.raw_data, block])
    target.save_revision().publish()
    context.note(f"link to {page.title.lower()} from {what}")


def ensure_home(stdout=None) -> tuple[Site, HomePage, bool]:
    """Make a HomePage the root of the default site, replacing Wagtail's welcome page."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site, site.root_page.specific, False

    root = Page.get_first_root_node()
    home = root.get_children().type(HomePage).first()
    if home is None:
        # Wagtail's initial migration makes a "Welcome to your new Wagtail site!" page at /home/;
        # free its slug, then build the real home page.
        for welcome in root.get_children().exact_type(Page):
            if not welcome.get_children().exists():
                welcome.delete()
        home = HomePage(slug="home", **content.HOME_FIELDS)
        root.add_child(instance=home)
        home.save_revision().publish()
    else:
        home = home.specific
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="The Difference",
        )
    else:
        site.root_page = home
        site.site_name = "The Difference"
        if site.hostname == "localhost" and site.port == 80:
            # Wagtail's placeholder site: point it where `make run` serves the demo.
            site.hostname = os.environ.get("DEMO_SITE_HOSTNAME", "127.0.0.1")
            site.port = int(os.environ.get("DEMO_SITE_PORT", "8000"))
        site.save()
    return site, home, True


def load(context: DemoContext | None = None) -> DemoContext:
    site, home, created = ensure_home()
    if context is None:
        context = DemoContext(site=site, home=home)
    if created:
        context.note("home page")

    for key, (title, description, palette) in content.IMAGES.items():
        image, made = get_or_create_image(key, title, description, palette)
        context.images[key] = image
        if made:
            context.note(f"image {title}")

    for spec in content.PAGES:
        parent = context.pages[spec["parent"]] if spec.get("parent") else home
        page = ensure_page(
            context,
            parent,
            StandardPage,
            spec["slug"],
            title=spec["title"],
            introduction=spec.get("introduction", ""),
            image=context.images.get(spec.get("image")),
            search_description=spec.get("search_description", ""),
            body=spec.get("body", []),
        )
        context.pages[spec["slug"]] = page

    evidence.load(context)
    load_landing_pages(context)

    # Links on the home page point at pages built above, so fill them once those exist.
    if not home.hero_links:
        home.hero_image = context.images["hero"]
        home.hero_links = content.home_hero_links(context.pages)
        home.key_figures = content.home_key_figures(context.evidence["statistics"])
        home.calls_to_action = content.home_calls_to_action(context.pages)
        home.save_revision().publish()
        context.note("home page sections")

    settings = SiteSettings.for_site(site)
    if not settings.primary_navigation:
        for name, value in content.site_settings(context.pages, context.images).items():
            setattr(settings, name, value)
        settings.save()
        context.note("navigation and footer")
    return context


def load_landing_pages(context: DemoContext) -> None:
    """The programme, partner and research pages, built from the shared evidence records."""
    statistics = context.evidence["statistics"]
    testimonials = context.evidence["testimonials"]

    fields = programme.programme_fields(statistics, testimonials)
    context.pages["the-programme"] = ensure_page(
        context,
        context.home,
        ProgrammePage,
        "the-programme",
        image=context.images["programme"],
        eligibility_criteria=[
            EligibilityCriterion(
                sort_order=order, key=key, name=name, description=text, if_not_met=if_not_met
            )
            for order, (key, name, text, if_not_met) in enumerate(programme.CRITERIA)
        ],
        selection_competencies=[
            SelectionCompetency(sort_order=order, key=key, name=name, description=text)
            for order, (key, name, text) in enumerate(programme.COMPETENCIES)
        ],
        **fields,
    )
    context.pages["partner-with-us"] = ensure_page(
        context,
        context.home,
        PartnerPage,
        "partner-with-us",
        image=context.images["partner"],
        **programme.partner_fields(statistics, testimonials),
    )

    spec = programme.REPORT_DOCUMENT
    document, made = get_or_create_document(spec["title"], spec["filename"], spec["lines"])
    context.documents["report"] = document
    if made:
        context.note(f"document {document.title}")
    context.pages["our-research"] = ensure_page(
        context,
        context.home,
        ResearchPage,
        "our-research",
        image=context.images["research"],
        report_document=document,
        **programme.research_fields(statistics, testimonials),
    )
