"""What the front cache is told to purge when content changes, and when it is told.

Each test changes something as an editor would (publish, unpublish, move, delete, edit a shared
record) and looks at the URLs the front cache was asked to purge once the change committed.
"""

from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model

import pytest

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.factories import (
    FAQFactory,
    ImageFactory,
    PartnerPageFactory,
    StandardPageFactory,
    StatisticFactory,
)
from home.factories import TestimonialFactory as QuoteFactory  # not collected as a test class
from home.models import SiteSettings
from hub.factories import ArticlePageFactory, HubIndexPageFactory, PersonFactory
from taxonomy.factories import TopicFactory

ROOT = "http://testserver"


def publish(page):
    page.save_revision().publish()


@pytest.fixture
def tree(home_page):
    """A small site: a hub with three articles, case studies, a partner page, a standard page."""
    science = TopicFactory(name="Science", slug="science")
    send = TopicFactory(name="SEND", slug="send")
    other = TopicFactory(name="Attendance", slug="attendance")
    mike = PersonFactory(given_names="Mike", family_name="Power", slug="mike-power")
    hub = HubIndexPageFactory(parent=home_page, slug="hub")
    article = ArticlePageFactory(
        parent=hub, slug="labs", authors=[mike], topics=[science, send], title="Labs"
    )
    related = ArticlePageFactory(parent=hub, slug="related", topics=[send])
    unrelated = ArticlePageFactory(parent=hub, slug="unrelated", topics=[other])
    index = CaseStudyIndexPageFactory(parent=home_page, slug="case-studies")
    study = CaseStudyPageFactory(parent=index, slug="a-unit", themes=[science])
    far_study = CaseStudyPageFactory(parent=index, slug="far-away", themes=[other])
    partner = PartnerPageFactory(parent=home_page, slug="partner-with-us")
    about = StandardPageFactory(parent=home_page, slug="about", title="About us")
    story = StandardPageFactory(parent=about, slug="our-story", title="Our story")
    return locals()


@pytest.mark.django_db
def test_publishing_an_article_purges_everything_that_lists_or_shows_it(tree, purged):
    article = tree["article"]
    article.standfirst = "A new standfirst."
    publish(article)
    urls = purged.commit()
    # The article itself first, so it is fresh soonest.
    assert urls[0] == f"{ROOT}/hub/labs/"
    assert purged.paths() >= {
        "/hub/labs/",
        "/hub/",  # its index
        "/",  # the home page's latest articles
        "/hub/feed/rss/",
        "/hub/feed/atom/",
        "/hub/topics/",
        "/hub/topics/science/",
        "/hub/topics/science/feed/rss/",
        "/hub/topics/send/",
        "/hub/authors/",
        "/hub/authors/mike-power/",
        "/hub/related/",  # shares a topic: shows it among related articles
        "/case-studies/a-unit/",  # shares a theme: shows it among related articles
        "/search/",
        "/sitemap.xml",
    }
    assert "/hub/unrelated/" not in purged.paths()
    assert "/case-studies/far-away/" not in purged.paths()
    assert "/about/" not in purged.paths()
    assert "/hub/topics/attendance/" not in purged.paths()


@pytest.mark.django_db
def test_nothing_is_purged_before_the_change_is_committed(tree, purged):
    from tests.caching.conftest import PURGED

    publish(tree["article"])
    # Still inside the transaction: purging now would let a request put the old page back.
    assert PURGED == []
    assert purged.commit()


@pytest.mark.django_db
def test_a_topic_taken_off_an_article_purges_the_old_topic_page_too(tree, purged):
    article = tree["article"]
    article.topics = [tree["send"]]
    publish(article)
    purged.commit()
    assert "/hub/topics/science/" in purged.paths()  # listed it until now
    assert "/hub/topics/send/" in purged.paths()


@pytest.mark.django_db
def test_an_author_added_gets_their_page_purged(tree, purged):
    from hub.models import ArticleAuthor

    yasmin = PersonFactory(given_names="Yasmin", family_name="Omar", slug="yasmin-omar")
    article = tree["article"]
    article.authors.add(ArticleAuthor(person=yasmin, sort_order=5))
    publish(article)
    purged.commit()
    assert {"/hub/authors/yasmin-omar/", "/hub/authors/mike-power/"} <= purged.paths()


@pytest.mark.django_db
def test_unpublishing_purges_the_page_and_its_listings(tree, purged):
    tree["article"].unpublish()
    purged.commit()
    assert {"/hub/labs/", "/hub/", "/hub/topics/science/", "/", "/sitemap.xml"} <= purged.paths()


@pytest.mark.django_db
def test_deleting_a_page_purges_it_and_its_listings(tree, purged):
    tree["article"].delete()
    purged.commit()
    assert {"/hub/labs/", "/hub/", "/hub/authors/mike-power/", "/sitemap.xml"} <= purged.paths()


@pytest.mark.django_db
def test_moving_a_page_purges_its_old_and_new_addresses(tree, purged):
    story = tree["story"]
    story.move(tree["home_page"], pos="last-child")
    purged.commit()
    assert {"/about/our-story/", "/our-story/", "/about/", "/sitemap.xml"} <= purged.paths()


@pytest.mark.django_db
def test_moving_a_page_purges_its_descendants_old_and_new_addresses(tree, purged):
    team = StandardPageFactory(parent=tree["home_page"], slug="team", title="Team")
    tree["about"].move(team, pos="last-child")
    purged.commit()
    assert {
        "/about/",
        "/about/our-story/",
        "/team/about/",
        "/team/about/our-story/",
        "/team/",
    } <= purged.paths()


@pytest.mark.django_db
def test_a_new_address_purges_the_old_one_and_its_descendants(tree, purged):
    about = tree["about"]
    about.slug = "who-we-are"
    publish(about)
    purged.commit()
    assert {"/about/", "/about/our-story/", "/who-we-are/"} <= purged.paths()


@pytest.mark.django_db
def test_publishing_a_case_study_purges_the_pages_featuring_it(tree, purged):
    study = tree["study"]
    study.summary = "A new summary."
    publish(study)
    purged.commit()
    assert purged.paths() >= {
        "/case-studies/a-unit/",
        "/case-studies/",
        "/",  # featured case studies on the home page
        "/partner-with-us/",  # and on the partner page
        "/hub/labs/",  # an article on the same theme lists related case studies
    }
    assert "/case-studies/far-away/" not in purged.paths()


@pytest.mark.django_db
def test_saving_a_draft_purges_nothing(tree, purged):
    article = tree["article"]
    article.standfirst = "Not yet."
    article.save_revision()
    assert purged.commit() == []


@pytest.mark.django_db
def test_a_statistic_published_purges_the_pages_using_it_and_only_those(tree, purged):
    statistic = StatisticFactory(value=41)
    about = tree["about"]
    about.body = [{"type": "statistics", "value": {"heading": "", "statistics": [statistic.pk]}}]
    publish(about)
    purged.commit()
    purged.clear()

    statistic.value = 42
    statistic.save_revision().publish()
    purged.commit()
    assert "/about/" in purged.paths()
    assert "/hub/labs/" not in purged.paths()
    assert "/partner-with-us/" not in purged.paths()


@pytest.mark.django_db
def test_a_testimonial_published_purges_the_pages_quoting_it(tree, purged):
    testimonial = QuoteFactory()
    about = tree["about"]
    about.body = [{"type": "testimonial", "value": testimonial.pk}]
    publish(about)
    purged.commit()
    purged.clear()

    testimonial.quote = "Changed words, with consent."
    testimonial.save_revision().publish()
    purged.commit()
    assert "/about/" in purged.paths()
    assert "/hub/labs/" not in purged.paths()


@pytest.mark.django_db
def test_a_question_purges_pages_choosing_it_and_pages_listing_all_questions(tree, purged):
    chosen = FAQFactory(audience="everyone")
    about, story = tree["about"], tree["story"]
    about.body = [
        {
            "type": "faqs",
            "value": {"heading": "Q", "audience": "everyone", "questions": [chosen.pk]},
        }
    ]
    publish(about)
    story.body = [
        {"type": "faqs", "value": {"heading": "Q", "audience": "everyone", "questions": []}}
    ]
    publish(story)
    purged.commit()
    purged.clear()

    FAQFactory(audience="everyone").save_revision().publish()  # a new question
    purged.commit()
    assert "/about/our-story/" in purged.paths()  # lists every question: shows the new one
    purged.clear()

    chosen.question = "A clearer question?"
    chosen.save_revision().publish()
    purged.commit()
    assert {"/about/", "/about/our-story/"} <= purged.paths()
    assert "/hub/labs/" not in purged.paths()


@pytest.mark.django_db
def test_a_person_published_purges_their_page_and_the_pages_showing_their_name(tree, purged):
    mike = tree["mike"]
    mike.role = "Head of inclusion"
    mike.save_revision().publish()
    purged.commit()
    assert purged.paths() >= {
        "/hub/authors/mike-power/",
        "/hub/authors/",
        "/hub/labs/",  # the byline
        "/hub/",  # the cards
        "/hub/topics/science/",
    }
    assert "/hub/unrelated/" not in purged.paths()


@pytest.mark.django_db
def test_a_renamed_topic_purges_its_page_the_listings_and_what_it_classifies(tree, purged):
    science = tree["science"]
    science.name = "Science and technology"
    science.save()
    purged.commit()
    assert purged.paths() >= {
        "/hub/topics/science/",
        "/hub/",
        "/hub/labs/",
        "/case-studies/",
        "/case-studies/a-unit/",
    }
    assert "/hub/unrelated/" not in purged.paths()


@pytest.mark.django_db
def test_the_site_settings_saved_purge_the_whole_site(tree, purged):
    settings = SiteSettings.for_site(tree["home_page"].get_site())
    settings.save()
    purged.commit()
    assert purged.paths() >= {
        "/",
        "/about/",
        "/about/our-story/",
        "/hub/",
        "/hub/labs/",
        "/hub/topics/science/",
        "/case-studies/a-unit/",
        "/sitemap.xml",
    }


@pytest.mark.django_db
def test_a_page_in_the_navigation_renamed_purges_every_page(tree, purged):
    settings = SiteSettings.for_site(tree["home_page"].get_site())
    settings.primary_navigation = [
        {"type": "link", "value": {"page": tree["about"].pk, "label": "", "external_url": ""}}
    ]
    settings.save()
    purged.commit()
    purged.clear()

    about = tree["about"]
    about.introduction = "Only the text changes."
    publish(about)
    purged.commit()
    assert "/hub/labs/" not in purged.paths()  # the navigation shows the title, not the text
    purged.clear()

    about.title = "Who we are"
    publish(about)
    purged.commit()
    assert {"/hub/labs/", "/case-studies/a-unit/", "/"} <= purged.paths()


@pytest.mark.django_db
def test_a_new_redirect_purges_its_old_path(tree, purged):
    Redirect.objects.create(old_path="/old-news", redirect_link="/hub/")
    purged.commit()
    # The VCL purges "/old-news/" too: it matches paths with or without the final slash.
    assert "/old-news" in purged.paths()


@pytest.mark.django_db
def test_a_deleted_image_is_purged_with_its_renditions(tree, purged):
    image = ImageFactory()
    rendition = image.get_rendition("fill-100x100")
    image_url, rendition_url = image.file.url, rendition.url
    get_image_model().objects.get(pk=image.pk).delete()
    purged.commit()
    assert {image_url, rendition_url} <= purged.paths()


@pytest.mark.django_db
def test_without_a_front_cache_nothing_is_worked_out(tree, settings, purged):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    article = tree["article"]
    settings.WAGTAILFRONTENDCACHE = {}
    with CaptureQueriesContext(connection) as without:
        publish(article)
    settings.WAGTAILFRONTENDCACHE = {
        "recorder": {"BACKEND": "tests.caching.conftest.RecordingBackend"}
    }
    article.standfirst = "Again."
    with CaptureQueriesContext(connection) as with_cache:
        publish(article)
    # The URLs showing an article take queries to find; without a cache they are not looked for.
    assert len(without.captured_queries) < len(with_cache.captured_queries)
    assert purged.commit()
