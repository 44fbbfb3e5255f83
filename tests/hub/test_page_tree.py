"""Where hub pages live, and that editors can create, edit and preview them."""

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.factories import HomePageFactory, StandardPageFactory
from home.models import HomePage, StandardPage
from hub.factories import ArticlePageFactory, HubIndexPageFactory, PersonFactory
from hub.models import ArticlePage, HubIndexPage
from taxonomy.factories import TopicFactory


class HubPageTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.home = HomePageFactory(parent=root, slug="home-hub")
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "testserver", "root_page": cls.home}
        )
        cls.hub = HubIndexPageFactory(parent=cls.home)
        cls.person = PersonFactory(given_names="Mike", family_name="Power")
        cls.topic = TopicFactory(name="Reintegration", slug="reintegration")
        cls.article = ArticlePageFactory(parent=cls.hub, slug="an-article", authors=[cls.person])

    def setUp(self):
        self.login()

    def test_the_hub_sits_under_the_home_page_and_holds_articles_only(self):
        self.assertAllowedParentPageTypes(HubIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(HubIndexPage, {ArticlePage})
        self.assertAllowedParentPageTypes(ArticlePage, {HubIndexPage})
        self.assertAllowedSubpageTypes(ArticlePage, set())
        self.assertCanNotCreateAt(StandardPage, HubIndexPage)
        self.assertCanNotCreateAt(ArticlePage, HubIndexPage)
        self.assertCanNotCreateAt(StandardPage, ArticlePage)
        # One hub for the site: with one already, the admin offers no second.
        assert not HubIndexPage.can_create_at(self.home)

    def test_pages_render(self):
        self.assertPageIsRenderable(self.hub)
        self.assertPageIsRenderable(self.article)
        self.assertPageIsRoutable(self.article)

    def test_an_editor_creates_an_article_with_authors_and_topics(self):
        data = nested_form_data(
            {
                "title": "Attendance and family coaching",
                "slug": "attendance-and-family-coaching",
                "standfirst": "What changed when letters home became conversations.",
                "authors": inline_formset([{"person": self.person.pk}]),
                "article_type": "enquiry",
                "body": streamfield(
                    [
                        ("heading", {"text": "Starting point", "level": "h2"}),
                        ("paragraph", rich_text("<p>Letters were going unread.</p>")),
                    ]
                ),
                "first_published": "2024-05-01",
                "action-publish": "publish",
            }
        )
        data["topics"] = [self.topic.pk]  # checkboxes: one value per ticked box
        self.assertCanCreate(self.hub, ArticlePage, data)
        article = ArticlePage.objects.get(slug="attendance-and-family-coaching")
        assert article.live
        assert [a.person for a in article.authors.all()] == [self.person]
        assert list(article.topics.all()) == [self.topic]

    def test_article_and_hub_are_editable_and_previewable(self):
        data = nested_form_data(
            {
                "title": "An article",
                "slug": "an-article",
                "standfirst": "A standfirst.",
                "authors": inline_formset([{"person": self.person.pk}]),
                "article_type": "research",
                "body": streamfield([("paragraph", rich_text("<p>Some text.</p>"))]),
                "first_published": "2024-05-01",
            }
        )
        self.assertPageIsEditable(self.article, dict(data))
        self.assertPageIsPreviewable(self.article, post_data=data)
        hub_data = nested_form_data(
            {
                "title": "Knowledge hub",
                "slug": "hub",
                "introduction": "Research by Difference Leaders.",
                "featured_articles": inline_formset([{"article": self.article.pk}]),
            }
        )
        self.assertPageIsEditable(self.hub, dict(hub_data))
        self.assertPageIsPreviewable(self.hub, post_data=hub_data)

    def test_a_standard_page_can_not_hold_a_hub(self):
        page = StandardPageFactory(parent=self.home, slug="about")
        self.assertCanNotCreateAt(StandardPage, HubIndexPage)
        assert page.pk
