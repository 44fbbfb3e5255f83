"""What the hub shows of an article, a person, a topic or itself: purged with them.

Registered as the `frontend_cache_related` hook in hub/wagtail_hooks.py (see caching/purge.py).

- An article: the hub's listing, feeds, topics and authors lists, the pages of its topics (and
  their feeds) and of its authors, the articles sharing a topic (their "related" list), the site's
  home page (featured or latest articles) and the site search.
- The hub itself: all its routes (its title and links show on each).
- A person: their author page, the authors list, the listings and feeds showing their articles.
- A topic, setting type or phase: the listings whose filters name it, a topic's own page and
  feeds, the articles classified by it.
"""

from django.urls import NoReverseMatch, reverse

from wagtail.models import Page, Site

from hub.models import ArticlePage, HubIndexPage, Person
from taxonomy.models import Phase, SettingType, Topic


def _search_urls(root_urls) -> list[str]:
    try:
        path = reverse("search")
    except NoReverseMatch:
        return []
    return [root + path for root in root_urls if root]


def _all_roots() -> list[str]:
    return [root.root_url for root in Site.get_site_root_paths()]


def hub_urls(hub: HubIndexPage, *, topics=(), people=(), everything=False) -> list[str]:
    """The hub's listing routes, and those of the given topics and people (or all of them)."""
    if hub.get_url_parts() is None:
        return []
    urls = [hub.subpage_full_url(name) for name in ("rss", "atom", "authors", "topics")]
    if everything:
        topics = Topic.objects.all()
        people = Person.objects.filter(show_profile_publicly=True)
    for topic in topics:
        urls += [
            hub.subpage_full_url(name, slug=topic.slug)
            for name in ("topic", "topic_rss", "topic_atom")
        ]
    urls += [hub.subpage_full_url("author", slug=person.slug) for person in people]
    return urls


def _article(article: ArticlePage):
    hub = article.get_parent().specific
    topics = list(article.topics.all())
    if isinstance(hub, HubIndexPage):
        yield hub
        yield from hub_urls(
            hub,
            topics=topics,
            people=Person.objects.filter(article_authorships__page=article).distinct(),
        )
    yield from (
        ArticlePage.objects.live()
        .filter(topics__in=[topic.pk for topic in topics])
        .exclude(pk=article.pk)
        .distinct()
    )
    site = article.get_site()
    if site is not None:
        yield site.root_page
        yield from _search_urls([site.root_url])


def _hubs():
    return HubIndexPage.objects.live()


def pages_showing(obj):
    if isinstance(obj, ArticlePage):
        yield from _article(obj)
    elif isinstance(obj, HubIndexPage):
        yield from hub_urls(obj, everything=True)
    elif isinstance(obj, Person):
        articles = ArticlePage.objects.live().filter(authors__person=obj).distinct()
        topics = Topic.objects.filter(articles__in=articles.values("pk")).distinct()
        for hub in _hubs():
            yield hub
            yield from hub_urls(hub, topics=topics, people=[obj])
        yield from articles
    elif isinstance(obj, Topic):
        for hub in _hubs():
            yield hub
            yield from hub_urls(hub, topics=[obj])
        yield from ArticlePage.objects.live().filter(topics=obj)
    elif isinstance(obj, SettingType | Phase):
        yield from _hubs()
        field = "setting_types" if isinstance(obj, SettingType) else "phase"
        yield from ArticlePage.objects.live().filter(**{field: obj}).distinct()
    if isinstance(obj, Page | Person | Topic) and not isinstance(obj, ArticlePage):
        # The site search finds every kind of page, and articles by their authors and topics.
        yield from _search_urls(_all_roots())
