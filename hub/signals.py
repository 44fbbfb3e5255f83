"""Keep the search index in step with what an article's index entry is built from.

An article's entry includes its authors' names and its topics, which are saved after the page
itself (they are child rows), and which change when a person or a topic is edited. So the
article is indexed again once it is published, and an edited person or topic re-indexes the
articles that show it.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.search import index
from wagtail.signals import page_published

from hub.models import ArticlePage, Person
from taxonomy.models import Topic


@receiver(page_published, sender=ArticlePage, dispatch_uid="hub-reindex-published-article")
def _article_published(sender, instance, **kwargs):
    index.insert_or_update_object(instance)


def _reindex(articles) -> None:
    for article in articles.live():
        index.insert_or_update_object(article)


@receiver(post_save, sender=Person, dispatch_uid="hub-reindex-person")
def _person_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _reindex(ArticlePage.objects.filter(authors__person=instance).distinct())


@receiver(post_save, sender=Topic, dispatch_uid="hub-reindex-topic")
def _topic_saved(sender, instance, raw=False, created=False, **kwargs):
    if not raw and not created:
        _reindex(ArticlePage.objects.filter(topics=instance))
