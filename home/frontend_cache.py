"""What the home app knows about which pages show what, for purging the front cache.

Registered in home/wagtail_hooks.py (see caching/purge.py):

- `frontend_cache_related`: a question shows on the pages whose questions blocks were left empty
  (they list every live question for their audience), which the reference index, knowing only
  the questions a block chose, cannot know. Those are the live pages with a `faqs` block in any
  of their StreamFields, found in the database.
- `frontend_cache_shown_site_wide`: a page the header or footer links to shows on every page.
"""

from django.db.models import Q, TextField
from django.db.models.functions import Cast

from wagtail.fields import StreamField
from wagtail.models import get_page_models

from home.models import FAQ, SiteSettings
from home.navigation import linked_page_ids

BLOCK = '"faqs"'


def pages_with_questions_blocks():
    for model in get_page_models():
        fields = [f.name for f in model._meta.local_fields if isinstance(f, StreamField)]
        if not fields or model._meta.abstract:
            continue
        texts = {f"_text_{name}": Cast(name, TextField()) for name in fields}
        matches = Q()
        for alias in texts:
            matches |= Q(**{f"{alias}__contains": BLOCK})
        yield from model.objects.live().annotate(**texts).filter(matches).defer_streamfields()


def pages_showing(obj):
    if isinstance(obj, FAQ):
        yield from pages_with_questions_blocks()


def in_navigation(page) -> bool:
    site = page.get_site()
    if site is None:
        return False
    settings = SiteSettings.objects.filter(site=site).first()
    return settings is not None and page.pk in linked_page_ids(settings)
