"""What shows a case study, and what case studies show: purged with them.

Registered as the `frontend_cache_related` hook in casestudies/wagtail_hooks.py (see
caching/purge.py).

- A case study: the site's home page and the partner pages (featured case studies), the case
  studies and hub articles sharing a theme with it (their "related" lists). Its index is its
  parent, which the caching app purges anyway.
- A hub article: the case studies sharing a theme (they list related articles).
- A topic, setting type or phase: the case study indexes (their filters name it) and the case
  studies classified by it.
"""

from home.models import PartnerPage
from hub.models import ArticlePage
from taxonomy.models import Phase, SettingType, Topic

from .models import CaseStudyIndexPage, CaseStudyPage


def _sharing_themes(topic_ids, exclude=None):
    pages = CaseStudyPage.objects.live().filter(themes__in=topic_ids).distinct()
    return pages.exclude(pk=exclude.pk) if exclude is not None else pages


def pages_showing(obj):
    if isinstance(obj, CaseStudyPage):
        topic_ids = [topic.pk for topic in obj.themes.all()]
        site = obj.get_site()
        if site is not None:
            yield site.root_page
        yield from PartnerPage.objects.live()
        yield from _sharing_themes(topic_ids, exclude=obj)
        yield from ArticlePage.objects.live().filter(topics__in=topic_ids).distinct()
    elif isinstance(obj, ArticlePage):
        yield from _sharing_themes([topic.pk for topic in obj.topics.all()])
    elif isinstance(obj, Topic | SettingType | Phase):
        yield from CaseStudyIndexPage.objects.live()
        field = {Topic: "themes", SettingType: "setting_types", Phase: "phase"}[type(obj)]
        yield from CaseStudyPage.objects.live().filter(**{field: obj}).distinct()
