"""People: Difference Leaders and staff who write for the hub (and, later, appear in case studies).

A person is a snippet, not a page: the same record is the byline of an article and, later, the
leader in a case study, so it lives once and is chosen wherever it is needed. Their author page
is a route of the hub (`/hub/authors/<slug>/`), shown only once the record is published and
"show profile publicly" is ticked. Their name always appears on their work.
"""

from django.apps import apps
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.text import slugify

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PublishingPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, PreviewableMixin, RevisionMixin
from wagtail.search import index

from hub.blocks import ProfileLinkBlock


class Person(DraftStateMixin, RevisionMixin, PreviewableMixin, index.Indexed, models.Model):
    class Kind(models.TextChoices):
        LEADER = "leader", "Difference Leader"
        ALUMNUS = "alumnus", "Difference Leader alumnus"
        STAFF = "staff", "Staff"
        GUEST = "guest", "Guest author"

    given_names = models.CharField(max_length=80)
    family_name = models.CharField(
        max_length=80, help_text="Used to sort people and in citations (Power, M.)."
    )
    slug = models.SlugField(
        max_length=100,
        unique=True,
        blank=True,
        help_text="The author page's address: /hub/authors/<slug>/. Made from the name when blank.",
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.LEADER)
    role = models.CharField(
        max_length=160, blank=True, help_text="Job title, such as 'Assistant headteacher'."
    )
    school = models.CharField(max_length=160, blank=True, help_text="School or organisation.")
    cohort = models.CharField(
        max_length=60, blank=True, help_text="Programme cohort, such as 'Pioneer cohort (2019)'."
    )
    bio = models.TextField(max_length=800, blank=True, help_text="Two or three sentences.")
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    links = StreamField([("link", ProfileLinkBlock())], blank=True, max_num=5)
    show_profile_publicly = models.BooleanField(
        default=False,
        help_text="Give this person an author page with their photo, role and bio. Ask them "
        "first. Their name appears on their articles either way.",
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="person")

    panels = [
        MultiFieldPanel(
            [FieldPanel("given_names"), FieldPanel("family_name"), FieldPanel("slug")],
            heading="Name",
        ),
        FieldPanel("kind"),
        MultiFieldPanel(
            [FieldPanel("role"), FieldPanel("school"), FieldPanel("cohort")], heading="Work"
        ),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("links"),
        FieldPanel("show_profile_publicly"),
        PublishingPanel(),
    ]

    search_fields = [
        index.SearchField("given_names"),
        index.SearchField("family_name"),
        index.AutocompleteField("given_names"),
        index.AutocompleteField("family_name"),
        index.SearchField("school"),
        index.FilterField("live"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["family_name", "given_names"]
        verbose_name = "person"
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._free_slug()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not self.slug:
            self.slug = self._free_slug()

    @property
    def revisions(self):
        return self._revisions

    @property
    def name(self) -> str:
        return f"{self.given_names} {self.family_name}".strip()

    @property
    def initials(self) -> str:
        """Given names as initials, for citations: 'Mary Jane' -> 'M. J.'."""
        parts = self.given_names.replace("-", " ").split()
        return " ".join(f"{part[0].upper()}." for part in parts if part)

    @property
    def has_public_profile(self) -> bool:
        return self.live and self.show_profile_publicly

    @property
    def role_line(self) -> str:
        """'Assistant headteacher, Springwell Lincoln City Academy'."""
        return ", ".join(part for part in (self.role, self.school) if part)

    def _free_slug(self) -> str:
        base = slugify(self.name)[:90] or "person"
        slug, number = base, 1
        while Person.objects.exclude(pk=self.pk).filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug

    # --- preview: the author page as it would look ---

    def get_preview_template(self, request, mode_name):
        return "pages/author_page.html"

    def get_preview_context(self, request, mode_name):
        # The hub's index is found by name, as a lazy relation is: its module imports this one.
        hub = apps.get_model("hub", "HubIndexPage").objects.live().first()
        if hub is None:
            return {"person": self, "articles": [], "page": None}
        return hub.author_context(request, self)
