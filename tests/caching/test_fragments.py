"""Fragments of public pages (caching/fragments.py): never stale, never personal.

Each change below is made as an editor makes it (publish, unpublish, save a snippet, an image,
the site settings) after every page that shows the changed content has been drawn and then read
back from the fragment cache; the very next request to each of those pages must show the change.
`test_without_the_content_version_the_pages_would_be_stale` makes the same changes with the
content version frozen and finds every page unchanged: the pages really are read from the cache,
so the first test would fail if a change did not move the version on.

The test settings use Django's local-memory cache, which keeps what it is given like Redis does.
"""

import pickle

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.middleware.csrf import get_token
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

import pytest

from caching import content_version, fragments
from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.factories import (
    FAQFactory,
    ImageFactory,
    PartnerPageFactory,
    ProgrammePageFactory,
    ResearchPageFactory,
    StandardPageFactory,
    StatisticFactory,
)
from home.factories import TestimonialFactory as QuoteFactory  # not collected as a test class
from home.models import SiteSettings
from hub.factories import ArticlePageFactory, HubIndexPageFactory, PersonFactory
from submissions.enquiries.factories import ExpressionOfInterestPageFactory
from taxonomy.factories import PhaseFactory, SettingTypeFactory, TopicFactory
from tests.submissions.conftest import valid_data

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish()


def text(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def fragment_keys() -> list[str]:
    return [key for key in cache._cache if "template.cache." in key]


def cached_values() -> str:
    """Everything in the cache, as text, to look for what must never be there."""
    return " ".join(str(pickle.loads(value)) for value in cache._cache.values())  # noqa: S301


@pytest.fixture
def site(home_page, admin_user):
    """A small site with one of each page type, and content shown on several pages at once."""
    science = TopicFactory(name="Laboratory science", slug="science")
    send = TopicFactory(name="Special needs", slug="send")
    pru = SettingTypeFactory(name="Referral unit", slug="pru")
    secondary = PhaseFactory(name="Upper secondary", slug="secondary")
    mike = PersonFactory(given_names="Mike", family_name="Power", slug="mike-power")
    figure = StatisticFactory(label="pupils excluded last year")
    quote = QuoteFactory(quote="Leaders who stayed changed the whole school.")
    chosen = FAQFactory(question="Who may apply to lead?", audience="everyone")
    listed = FAQFactory(question="How long does it last?", audience="everyone")
    photo = ImageFactory(title="Laboratory", description="Pupils at a laboratory bench")
    report = get_document_model().objects.create(
        title="Making the Difference report", file=ContentFile(b"%PDF-1.4", name="report.pdf")
    )

    home_page.key_figures = [{"type": "statistic", "value": figure.pk}]
    publish(home_page)
    about = StandardPageFactory(parent=home_page, slug="about", title="About the charity")
    about.body = [
        {"type": "statistics", "value": {"heading": "Figures", "statistics": [figure.pk]}},
        {"type": "testimonial", "value": quote.pk},
        {
            "type": "faqs",
            "value": {"heading": "Questions", "audience": "everyone", "questions": [chosen.pk]},
        },
    ]
    publish(about)
    story = StandardPageFactory(parent=about, slug="our-story", title="Our story")
    story.body = [
        {"type": "faqs", "value": {"heading": "All", "audience": "everyone", "questions": []}}
    ]
    publish(story)
    programme = ProgrammePageFactory(parent=home_page, introduction="Two years as a leader.")
    partner = PartnerPageFactory(parent=home_page, introduction="Host a leader on your team.")
    research = ResearchPageFactory(
        parent=home_page, introduction="The report behind it all.", report_document=report
    )
    research.endorsements = [{"type": "testimonial", "value": quote.pk}]
    publish(research)
    hub = HubIndexPageFactory(parent=home_page, slug="hub", introduction="Research by leaders.")
    article = ArticlePageFactory(
        parent=hub,
        slug="labs",
        title="Practical work in the laboratory",
        authors=[mike],
        topics=[science, send],
        setting_types=[pru],
        image=photo,
    )
    related = ArticlePageFactory(
        parent=hub, slug="related", title="Reading in the referral unit", topics=[send]
    )
    index = CaseStudyIndexPageFactory(
        parent=home_page, slug="case-studies", introduction="Stories of schools."
    )
    study = CaseStudyPageFactory(
        parent=index,
        slug="a-unit",
        title="A unit rebuilt its science teaching",
        themes=[science],
        setting_types=[pru],
        phase=secondary,
    )
    settings = SiteSettings.for_site(home_page.get_site())
    settings.contact_email = "hello@example.org"
    settings.primary_navigation = [{"type": "link", "value": {"page": about.pk, "label": ""}}]
    settings.save()
    return locals()


def assert_change_shown(client, urls, change, new, old):
    """`change` made after every url was drawn and read back from the fragments: each shows
    `new` (if any) and no longer `old` (if any) on the next request."""
    for url in urls:
        first = text(client, url)
        assert text(client, url) == first, f"{url} is not the same when read back"
        if old is not None:
            assert old in first, url
        if new is not None:
            assert new not in first, url
    change()
    for url in urls:
        after = text(client, url)
        if new is not None:
            assert new in after, f"{url} does not show the change"
        if old is not None:
            assert old not in after, f"{url} still shows what was changed"


# --- Each kind of content, on every page that shows it --------------------------------------

# Each scenario: (the pages showing the content, a change, the text it shows, the text it
# replaces). Pages are named by address; `site` is the fixture above.
SCENARIOS = {}


def scenario(function):
    SCENARIOS[function.__name__] = function
    return function


@scenario
def home_page_body(s):
    def change():
        s["home_page"].hero_heading = "Leaders for the schools that need them"
        publish(s["home_page"])

    return ["/"], change, "Leaders for the schools that need them", None


@scenario
def standard_page_title(s):
    # Its own page, the breadcrumbs of the page below it and the header, which links to it.
    def change():
        s["about"].title = "Who we are"
        publish(s["about"])

    return ["/about/", "/about/our-story/", "/", "/hub/labs/"], change, "Who we are", None


@scenario
def programme_page_body(s):
    def change():
        s["programme"].introduction = "Two years leading a school for excluded pupils."
        publish(s["programme"])

    return ["/the-programme/"], change, "Two years leading a school for excluded pupils.", None


@scenario
def partner_page_body(s):
    def change():
        s["partner"].introduction = "Take a new senior leader for two years."
        publish(s["partner"])

    return ["/partner-with-us/"], change, "Take a new senior leader for two years.", None


@scenario
def research_page_body(s):
    def change():
        s["research"].introduction = "What the evidence says about exclusion."
        publish(s["research"])

    return ["/our-research/"], change, "What the evidence says about exclusion.", None


@scenario
def hub_index_body(s):
    def change():
        s["hub"].introduction = "Enquiries and talks from the classroom."
        publish(s["hub"])

    return ["/hub/"], change, "Enquiries and talks from the classroom.", "Research by leaders."


@scenario
def article(s):
    # The article, its card on the hub, its topic's and author's pages, the home page; the
    # related articles of an article sharing a topic; a case study sharing a theme.
    def change():
        s["article"].title = "Experiments in alternative provision"
        publish(s["article"])

    urls = [
        "/hub/labs/",
        "/hub/",
        "/hub/topics/science/",
        "/hub/authors/mike-power/",
        "/",
        "/hub/related/",
        "/case-studies/a-unit/",
    ]
    return urls, change, "Experiments in alternative provision", "Practical work in the laboratory"


@scenario
def article_unpublished(s):
    urls = ["/hub/", "/hub/topics/science/", "/hub/authors/mike-power/", "/", "/hub/related/"]
    return urls, s["article"].unpublish, None, "Practical work in the laboratory"


@scenario
def article_deleted(s):
    urls = ["/hub/", "/hub/labs/", "/"]
    return urls, s["related"].delete, None, "Reading in the referral unit"


@scenario
def article_made_private(s):
    def change():
        PageViewRestriction.objects.create(
            page=s["article"], restriction_type=PageViewRestriction.PASSWORD, password="x"
        )

    urls = ["/hub/", "/hub/topics/science/", "/", "/hub/related/"]
    return urls, change, None, "Practical work in the laboratory"


@scenario
def new_article(s):
    # A new article: the listings, the home page's latest and a search find it.
    def change():
        ArticlePageFactory(
            parent=s["hub"],
            title="Zebrafish in the science lab",
            topics=[s["science"]],
            authors=[s["mike"]],
        )

    urls = [
        "/hub/",
        "/hub/topics/science/",
        "/hub/authors/mike-power/",
        "/",
        "/hub/?q=zebrafish",
        "/search/?q=zebrafish",
    ]
    # (Search results highlight the word searched for: "<mark>Zebrafish</mark> in the...".)
    return urls, change, "in the science lab", None


@scenario
def case_study_index_body(s):
    def change():
        s["index"].introduction = "How schools changed, in their own words."
        publish(s["index"])

    return ["/case-studies/"], change, "How schools changed, in their own words.", None


@scenario
def case_study(s):
    # The case study, its card on the index, the home and partner pages' featured case
    # studies, and an article sharing its theme.
    def change():
        study = s["study"]
        study.title = "A referral unit that put science first"
        study.safeguarding_confirmed_by = s["admin_user"]
        study.safeguarding_confirmed_at = timezone.now()
        publish(study)

    urls = ["/case-studies/a-unit/", "/case-studies/", "/", "/partner-with-us/", "/hub/labs/"]
    return (
        urls,
        change,
        "A referral unit that put science first",
        "A unit rebuilt its science teaching",
    )


@scenario
def statistic(s):
    def change():
        figure = s["figure"]
        figure.label = "pupils permanently excluded"
        figure.save_revision().publish()

    return ["/", "/about/"], change, "pupils permanently excluded", "pupils excluded last year"


@scenario
def quotation(s):
    def change():
        quote = s["quote"]
        quote.quote = "Leaders who stayed turned the school around."
        quote.save_revision().publish()

    urls = ["/about/", "/our-research/"]
    return urls, change, "Leaders who stayed turned the school around.", "changed the whole school"


@scenario
def question(s):
    # Chosen on one page; listed with every question for its audience on another.
    def change():
        chosen = s["chosen"]
        chosen.question = "Who can apply to be a leader?"
        chosen.save_revision().publish()

    urls = ["/about/", "/about/our-story/"]
    return urls, change, "Who can apply to be a leader?", "Who may apply to lead?"


@scenario
def new_question(s):
    def change():
        FAQFactory(
            question="Is there a salary?", audience="everyone", live=False
        ).save_revision().publish()

    return ["/about/our-story/"], change, "Is there a salary?", None


@scenario
def person(s):
    # Their page, the byline of their article and its cards.
    def change():
        mike = s["mike"]
        mike.given_names = "Michael"
        mike.save_revision().publish()

    urls = ["/hub/authors/mike-power/", "/hub/labs/", "/hub/", "/hub/topics/science/", "/"]
    return urls, change, "Michael Power", "Mike Power"


@scenario
def topic(s):
    # Its page, the hub's filters and the article's tags, the case studies' filters and theme.
    def change():
        science = s["science"]
        science.name = "Science and technology"
        science.save()

    urls = [
        "/hub/topics/science/",
        "/hub/",
        "/hub/labs/",
        "/case-studies/",
        "/case-studies/a-unit/",
    ]
    return urls, change, "Science and technology", "Laboratory science"


@scenario
def setting_type(s):
    def change():
        pru = s["pru"]
        pru.name = "Pupil referral unit"
        pru.save()

    urls = ["/hub/", "/hub/labs/", "/case-studies/", "/case-studies/a-unit/"]
    return urls, change, "Pupil referral unit", "Referral unit"


@scenario
def phase(s):
    def change():
        secondary = s["secondary"]
        secondary.name = "Key stage 4"
        secondary.save()

    return ["/case-studies/", "/case-studies/a-unit/"], change, "Key stage 4", "Upper secondary"


@scenario
def image(s):
    # The article's picture and its sharing image both take the image's description.
    def change():
        photo = s["photo"]
        photo.description = "A teacher and two pupils with microscopes"
        photo.save()

    urls = ["/hub/labs/"]
    return urls, change, "A teacher and two pupils with microscopes", "Pupils at a laboratory bench"


@scenario
def document(s):
    def change():
        report = s["report"]
        report.title = "The full report"
        report.save()

    return ["/our-research/"], change, "The full report", "Making the Difference report"


@scenario
def site_settings(s):
    def change():
        settings = s["settings"]
        settings.contact_email = "team@example.org"
        settings.save()

    urls = ["/", "/about/", "/hub/", "/hub/labs/", "/case-studies/", "/search/?q=labs"]
    return urls, change, "team@example.org", "hello@example.org"


@scenario
def navigation(s):
    def change():
        settings = s["settings"]
        settings.primary_navigation = [
            {"type": "link", "value": {"page": s["about"].pk, "label": "Our charity"}}
        ]
        settings.save()

    urls = ["/", "/about/", "/hub/labs/", "/case-studies/a-unit/", "/search/"]
    return urls, change, "Our charity", None


@pytest.mark.parametrize("name", SCENARIOS)
def test_a_change_shows_on_every_page_that_shows_it_on_the_next_request(client, site, name):
    urls, change, new, old = SCENARIOS[name](site)
    assert_change_shown(client, urls, change, new, old)


@pytest.mark.parametrize("name", SCENARIOS)
def test_without_the_content_version_the_pages_would_be_stale(client, site, name, monkeypatch):
    urls, change, *_ = SCENARIOS[name](site)
    before = {url: text(client, url) for url in urls}
    monkeypatch.setattr(content_version, "bump", lambda: None)
    change()
    assert {url: text(client, url) for url in urls} == before


# --- The content version ---------------------------------------------------------------------


def test_the_version_changes_with_the_change_and_is_rolled_back_with_it(site):
    before = content_version.current()
    with pytest.raises(RuntimeError), transaction.atomic():
        site["figure"].save_revision().publish()
        assert content_version.current() != before  # seen inside the change's transaction
        raise RuntimeError("the editor's change fails")
    assert content_version.current() == before


def test_writes_that_change_no_public_page_keep_the_fragments(client, site):
    before = content_version.current()
    site["about"].title = "A draft title"
    site["about"].save_revision()  # a draft, not published
    site["figure"].label = "A draft label"
    site["figure"].save_revision()
    assert content_version.current() == before


def test_a_page_read_from_the_fragments_costs_fewer_queries(client, site):
    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            text(client, url)
        return len(captured)

    for url in ["/", "/about/", "/hub/", "/hub/labs/", "/case-studies/", "/case-studies/a-unit/"]:
        drawn = queries(url)
        # The version, the home page, each page on the way down and the page's restrictions.
        assert queries(url) <= 6 < drawn, url


# --- Never personal, never a draft -----------------------------------------------------------


def test_a_signed_in_editor_neither_reads_nor_writes_shared_fragments(
    client, admin_client, admin_user, site
):
    admin_user.first_name, admin_user.last_name = "Editha", "Quill"
    admin_user.save()
    text(admin_client, "/about/")
    assert fragment_keys() == []  # nothing drawn for the editor is kept
    public = text(client, "/about/")
    for trace in ["Editha", "Quill", admin_user.email, "wagtail-userbar"]:
        assert trace not in public
        assert trace not in cached_values()
    # And an editor is not served what anonymous visitors share: the user bar is theirs.
    assert "wagtail-userbar" in text(admin_client, "/about/")


def test_preview_and_view_draft_show_the_draft_and_leave_the_public_page_alone(
    client, admin_client, site
):
    about = site["about"]
    assert "About the charity" in text(client, "/about/")  # drawn and kept for everyone
    about.title = "A title still in draft"
    revision = about.save_revision()
    drafted = text(admin_client, f"/admin/pages/{about.pk}/view_draft/")
    assert "A title still in draft" in drafted
    draft = revision.as_object()
    preview = draft.make_preview_request(preview_mode=draft.default_preview_mode)
    preview = preview.content.decode()
    assert "A title still in draft" in preview
    public = text(client, "/about/")
    assert "About the charity" in public
    assert "A title still in draft" not in public
    assert "A title still in draft" not in cached_values()


def test_a_form_page_is_drawn_for_each_visitor_and_never_kept(client, home_page):
    ExpressionOfInterestPageFactory(parent=home_page)
    first = text(client, "/expression-of-interest/")
    client.cookies.clear()
    second = text(client, "/expression-of-interest/")
    token = 'name="form_state" value="'
    assert first.split(token)[1].split('"')[0] != second.split(token)[1].split('"')[0]
    assert fragment_keys() == []


def test_an_enquirers_answers_never_reach_the_cache_or_anyone_else(client, site):
    ExpressionOfInterestPageFactory(parent=site["home_page"])
    enquirer = client
    answers = valid_data(school_name="Zanzibar Street Academy", email="ada.zed@example.com")
    sent = enquirer.post("/expression-of-interest/", answers, follow=True)
    assert "EOI-" in sent.content.decode()  # their confirmation, with its reference
    assert settings.SESSION_COOKIE_NAME in enquirer.cookies  # they now carry a session
    for url in ["/about/", "/hub/", "/", "/expression-of-interest/"]:
        text(enquirer, url)
    assert fragment_keys() == []  # nothing drawn for them is kept
    anonymous = Client()
    for url in ["/about/", "/hub/", "/"]:
        page = text(anonymous, url)
        assert "Zanzibar" not in page
        assert "ada.zed" not in page
    assert "Zanzibar" not in cached_values()
    assert "ada.zed" not in cached_values()


def test_a_fragment_that_asked_for_a_csrf_token_is_not_kept(rf):
    request = rf.get("/about/")
    first = fragments.render(request, "form", lambda: f"<input value='{get_token(request)}'>")
    assert "value=" in first
    assert fragment_keys() == []


def test_a_fragment_that_wrote_the_session_is_not_kept(client, site):
    request = RequestFactory().get("/about/")

    class Session(dict):
        modified = False

    request.session = Session()

    def draw():
        request.session["seen"] = True
        request.session.modified = True
        return "personal"

    fragments.render(request, "personal", draw)
    assert fragment_keys() == []


def test_pages_are_drawn_when_the_cache_is_down(client, site, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "ops.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.1, "SOCKET_TIMEOUT": 0.1},
        }
    }
    pages = {
        "/": "Practical work in the laboratory",
        "/about/": "About the charity",
        "/hub/": "Practical work in the laboratory",
        "/hub/labs/": "Practical work in the laboratory",
        "/case-studies/": "A unit rebuilt its science teaching",
        "/search/?q=laboratory": "Practical work in the <mark>laboratory</mark>",
    }
    for url, shown in pages.items():
        assert shown in text(client, url), url
        assert shown in text(client, url), url
