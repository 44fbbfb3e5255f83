"""People in the admin (a snippet with drafts, revisions and a preview of the author page), and
a flat list of the hub's articles."""

from django import forms
from django.db.models import Q

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, LiveStatusTagColumn, TitleColumn
from wagtail.admin.views.pages.listing import IndexView as PageIndexView
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

import django_filters

from home.viewsets import UsageCountColumn, UsageCountIndexView, YesNoColumn
from hub import frontend_cache
from hub.models import ArticlePage, Person
from hub.models.article import ArticleType, author_prefetch
from taxonomy.models import Topic


class PersonFilterSet(WagtailFilterSet):
    class Meta:
        model = Person
        fields = ["kind", "show_profile_publicly", "live"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "People"
    menu_name = "people"
    menu_order = 240
    add_to_admin_menu = True
    index_view_class = UsageCountIndexView
    list_display = [
        TitleColumn("name", label="Name", url_name="wagtailsnippets_hub_person:edit"),
        Column("role_line", label="Role and school"),
        Column("kind", label="Kind", accessor="get_kind_display"),
        YesNoColumn("show_profile_publicly", label="Public profile"),
        UsageCountColumn(),
        LiveStatusTagColumn(),
    ]
    list_export = ["given_names", "family_name", "kind", "role", "school", "cohort"]
    filterset_class = PersonFilterSet
    search_fields = ["given_names", "family_name", "school"]
    ordering = ["family_name", "given_names"]


register_snippet(PersonViewSet)


# ---------- Articles: a flat list of the hub's articles ----------


class ArticleFilterSet(PageFilterSet):
    topics = django_filters.ModelMultipleChoiceFilter(
        label="Topic", queryset=Topic.objects.all(), widget=forms.CheckboxSelectMultiple
    )
    article_type = django_filters.ChoiceFilter(label="Type", choices=ArticleType.choices)
    never_published = django_filters.BooleanFilter(
        label="Publication",
        method="filter_never_published",
        widget=forms.Select(
            choices=[
                ("", "Any"),
                ("true", "Never published (drafts, autosaved ones too)"),
                ("false", "Published at least once"),
            ]
        ),
    )

    class Meta:
        model = ArticlePage
        fields = []

    def filter_never_published(self, queryset, name, value):
        if value is None:
            return queryset
        never = Q(live=False, first_published_at__isnull=True)
        return queryset.filter(never) if value else queryset.exclude(never)


class ArticleIndexView(PageIndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .prefetch_related(author_prefetch(), "topics")
            .select_related("owner")
        )


class ArticleAuthorsColumn(Column):
    def get_value(self, instance):
        return ", ".join(author.person.name for author in instance.authors.all()) or "None yet"


class ArticleTopicsColumn(Column):
    def get_value(self, instance):
        return ", ".join(topic.name for topic in instance.topics.all()) or "None yet"


class FirstPublishedColumn(Column):
    def get_value(self, instance):
        return f"{instance.first_published:%-d %b %Y}" if instance.first_published else "Not set"


class ArticleListingViewSet(PageListingViewSet):
    """Every article of every hub, with its authors, topics and dates, and a filter for the
    drafts that were never published (an editor who opens "Add article" and leaves leaves an
    autosaved draft behind): select them and delete them in one go."""

    model = ArticlePage
    index_view_class = ArticleIndexView
    icon = "doc-full"
    menu_label = "Articles"
    menu_name = "articles"
    menu_order = 230
    add_to_admin_menu = True
    filterset_class = ArticleFilterSet
    columns = [
        PageListingViewSet.columns[0],  # the bulk-action checkboxes
        PageListingViewSet.columns[1],  # the title, linking to the editor
        ArticleAuthorsColumn("authors", label="Authors"),
        ArticleTopicsColumn("topics", label="Topics"),
        FirstPublishedColumn(
            "first_published", label="First published", sort_key="first_published"
        ),
        DateColumn(
            "latest_revision_created_at", label="Updated", sort_key="latest_revision_created_at"
        ),
        PageListingViewSet.columns[-1],  # the status: live, draft, in moderation
    ]


@hooks.register("register_admin_viewset")
def register_article_listing():
    return ArticleListingViewSet("articles")


@hooks.register("frontend_cache_related")
def hub_pages_showing(obj):
    """The hub's pages that show a changed page or record (purged with it)."""
    return frontend_cache.pages_showing(obj)
