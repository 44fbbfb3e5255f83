"""What every page of the site shares: social sharing fields, breadcrumbs and lean serving."""

from django.db import models
from django.db.models import Q, prefetch_related_objects
from django.http import Http404
from django.utils.functional import cached_property

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageViewRestriction

# The rendition templates/components/seo_meta.html asks for, which sharing cards use too.
SHARING_IMAGE_SPEC = "fill-1200x630|format-jpeg"


class BasePage(Page):
    """Abstract parent of every page type: adds a social image and text for sharing."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when the page is shared (1200 x 630 works best). "
        "Defaults to the page's main image.",
    )
    social_text = models.CharField(
        max_length=255,
        blank=True,
        help_text="Text for social sharing. Defaults to the search description.",
    )

    # Wagtail's own promote panels without "Show in menus": the menus are the links chosen in
    # Settings > Site settings, and nothing reads the flag.
    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description")],
            heading="For search engines",
        ),
        MultiFieldPanel(
            [FieldPanel("social_image"), FieldPanel("social_text")],
            heading="Social sharing",
        ),
    ]

    class Meta:
        abstract = True

    # Set on the pages of a search's results (listings); empty elsewhere, so a card's
    # `{% firstof page.search_excerpt ... %}` finds them without a failed lookup, which costs
    # Django's templates a dir() of the whole page model.
    highlighted_title = ""
    search_excerpt = ""

    @property
    def listing_image(self):
        """The page's main image, for cards and sharing. Page types override this."""
        return None

    @property
    def parent_url(self) -> str:
        """The parent page's address, worked out from this page's own: no query. For pages
        always served under their index (articles, case studies) and listed without it.
        Templates: `{% parent_url page %}`, which works it out with the request."""
        return self.parent_url_for(None)

    def parent_url_for(self, request) -> str:
        url = self.get_url(request)
        return url.rstrip("/").rsplit("/", 1)[0] + "/" if url else ""

    @cached_property
    def sharing_image(self):
        return self.social_image or self.listing_image

    @property
    def sharing_description(self) -> str:
        return self.social_text or self.search_description or ""

    @property
    def meta_description(self) -> str:
        return self.search_description or ""

    # ---------- Serving with few queries ----------
    #
    # Three savings on every page, each covered by tests/home/test_query_counts.py:
    # routing remembers the pages it walks through, so the breadcrumbs need no query; the view
    # restrictions of the page and its ancestors are read in one query instead of two; and the
    # hero and sharing images' renditions are fetched in one query, only when the page is drawn
    # rather than read from the fragment cache (`prepare_to_draw`).

    def route(self, request, path_components):
        """Page.route, remembering the pages walked through on the way down."""
        if not path_components:
            return super().route(request, path_components)
        child_slug, remaining = path_components[0], path_components[1:]
        try:
            subpage = self.get_children().get(slug=child_slug)
        except Page.DoesNotExist as error:
            raise Http404 from error
        return self.route_to_child(request, subpage.specific, remaining)

    def route_to_child(self, request, child, remaining=()):
        """Route on to `child`, telling it its parent and the pages above, so neither its
        parent nor its breadcrumbs cost a query. Index pages that find a child in one query of
        their own (the hub, case studies) hand it on here too."""
        child._cached_parent_obj = self
        child._route_ancestors = (*getattr(self, "_route_ancestors", ()), self)
        return child.route(request, list(remaining))

    def get_breadcrumbs(self):
        """Ancestors below the tree root, as a list: from routing when served, else one query."""
        walked = getattr(self, "_route_ancestors", None)
        if walked and walked[0].depth == 2:
            return [page for page in walked if page.depth > 1]
        return list(
            self.get_ancestors()
            .filter(depth__gt=1)
            .defer_streamfields()
            .only("id", "title", "url_path", "depth", "path", "draft_title", "slug")
        )

    def get_view_restrictions(self):
        """Page.get_view_restrictions in one query instead of two.

        The restrictions of this page and its ancestors; for any of them that is an alias, those
        of its source page instead, as Wagtail does.
        """
        if not self.path or not self.depth:
            return super().get_view_restrictions()
        paths = [self.path[: level * self.steplen] for level in range(1, self.depth + 1)]
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__aliases__path__in=paths)
        ).distinct()

    def prepare_to_draw(self):
        """Fetch together what drawing the page needs beyond its own row (its images'
        renditions; more on page types that show more). Called by `{% prepare_page %}` at the
        start of the page's fragments (base.html), so a page served from the fragment cache
        fetches none of it, and a page drawn in full fetches it once."""
        if getattr(self, "_prepared_to_draw", False):
            return
        self._prepared_to_draw = True
        self.prefetch_image_renditions()

    def prefetch_image_renditions(self):
        """The renditions of the hero and sharing images, in one query, kept on the images:
        the template tags find them there, with no round trip to the rendition cache (and
        nothing written back to it)."""
        images = [image for image in (self.listing_image, self.sharing_image) if image is not None]
        if images:
            prefetch_related_objects(images, "renditions")
