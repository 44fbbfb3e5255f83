"""RSS 2.0 and Atom feeds of the hub's articles, for the whole hub and for each topic.

Served by routes of the hub (`feed/rss/`, `feed/atom/`, `topics/<slug>/feed/rss/`...), and
linked from the pages with <link rel="alternate">. The hub hands over its articles
(`HubIndexPage.feed_articles()`): three queries, the articles, their authors and their topics.
"""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

SITE_NAME = "The Difference"


class RssFeed(Feed):
    feed_type = Rss201rev2Feed
    language = "en-gb"

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, hub, topic=None):
        return hub, topic

    def title(self, obj):
        hub, topic = obj
        if topic is not None:
            return f"{topic.name}: {hub.title} | {SITE_NAME}"
        return f"{hub.title} | {SITE_NAME}"

    def link(self, obj):
        hub, topic = obj
        if topic is not None:
            return hub.subpage_url("topic", self.request, slug=topic.slug)
        return hub.get_url(self.request)

    def feed_url(self, obj):
        hub, topic = obj
        name = self._route_name()
        if topic is not None:
            return hub.subpage_url(f"topic_{name}", self.request, slug=topic.slug)
        return hub.subpage_url(name, self.request)

    def _route_name(self) -> str:
        return "atom" if self.feed_type is Atom1Feed else "rss"

    def description(self, obj):
        hub, topic = obj
        if topic is not None:
            return topic.description or (
                f"New research, enquiries and talks on {topic.name.lower()} by Difference Leaders."
            )
        return hub.introduction or "New research, enquiries and talks by Difference Leaders."

    def items(self, obj):
        hub, topic = obj
        return hub.feed_articles(topic)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.standfirst

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.first_published, time(9, 0)))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_author_name(self, item):
        return item.byline or SITE_NAME

    def item_categories(self, item):
        return [item.type_label, *(topic.name for topic in item.topics.all())]


class AtomFeed(RssFeed):
    feed_type = Atom1Feed

    def subtitle(self, obj):
        return self.description(obj)
