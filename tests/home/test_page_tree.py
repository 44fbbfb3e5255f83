"""Which pages can live where, and that editors can create, edit and preview each type."""

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.factories import HomePageFactory, StandardPageFactory
from home.models import HomePage, StandardPage


class PageTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.home = HomePageFactory(parent=root, slug="home-tree")
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "testserver", "root_page": cls.home}
        )
        cls.standard = StandardPageFactory(parent=cls.home, title="About us", slug="about")

    def setUp(self):
        self.login()

    def test_home_page_sits_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(Page, StandardPage)

    def test_pages_render(self):
        self.assertPageIsRenderable(self.home)
        self.assertPageIsRenderable(self.standard)

    def test_pages_are_editable_and_previewable(self):
        # StreamFields are drawn by the admin's JavaScript, so the form data is given here.
        home_data = nested_form_data(
            {
                "title": "Home",
                "slug": "home-tree",
                "hero_heading": "Exceptional teachers",
                "hero_links": streamfield([]),
                "mission": rich_text("<p>Our mission.</p>"),
                "key_figures": streamfield([]),
                "calls_to_action": streamfield([]),
                "body": streamfield([]),
            }
        )
        standard_data = nested_form_data(
            {"title": "About us", "slug": "about", "body": streamfield([])}
        )
        self.assertPageIsEditable(self.home, home_data)
        self.assertPageIsEditable(self.standard, standard_data)
        self.assertPageIsPreviewable(self.home, post_data=home_data)
        self.assertPageIsPreviewable(self.standard, post_data=standard_data)

    def test_editor_can_create_a_standard_page_with_blocks(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Our values",
                    "slug": "our-values",
                    "introduction": "What we stand for.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Purpose", "level": "h2"}),
                            ("paragraph", rich_text("<p>Children come first.</p>")),
                        ]
                    ),
                }
            ),
        )
        page = StandardPage.objects.get(slug="our-values")
        self.assertEqual([block.block_type for block in page.body], ["heading", "paragraph"])
